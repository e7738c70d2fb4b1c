import { useEffect, useRef } from 'react';

/** What a page with unsaved work registers: whether leaving now would lose it, and what to call that work. */
interface LeaveGuard {
  dirty: () => boolean;
  what: string;
}

let current: LeaveGuard | null = null;

/** The guard of the page on screen, if leaving it would lose work. */
export function activeLeaveGuard(): LeaveGuard | null {
  return current && current.dirty() ? current : null;
}

/** While mounted, navigation away asks first when `dirty` is true (an in-app confirm dialog, see useRoute). */
export function useLeaveGuard(dirty: boolean, what: string): void {
  const state = useRef(dirty);
  state.current = dirty;
  useEffect(() => {
    const guard: LeaveGuard = { dirty: () => state.current, what };
    current = guard;
    return () => {
      if (current === guard) current = null;
    };
  }, [what]);
}
