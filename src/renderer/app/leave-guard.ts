import { useCallback, useEffect, useLayoutEffect, useRef } from 'react';

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

/**
 * Reload, closing the window and quitting ask too: the page cancels the unload, and main (which sees the
 * cancelled unload as `will-prevent-unload`) asks the admin in a native dialog whether to leave anyway.
 */
function holdUnload(event: BeforeUnloadEvent): void {
  if (!activeLeaveGuard()) return;
  event.preventDefault();
  // Chromium still reads returnValue to decide whether to ask.
  event.returnValue = '';
}

/**
 * While mounted, navigation away asks first when `dirty` is true (an in-app confirm dialog, see useRoute), and so
 * do reload, closing the window and quitting (see holdUnload). Returns `saved()`: the work was just saved, so a
 * navigation right away (before the clean state has rendered) leaves without asking.
 */
export function useLeaveGuard(dirty: boolean, what: string): { saved: () => void } {
  const state = useRef(dirty);
  // Layout effect: updated in the commit that shows the state, before any effect or event can navigate.
  useLayoutEffect(() => {
    state.current = dirty;
  }, [dirty]);
  const saved = useCallback(() => {
    state.current = false;
  }, []);
  useEffect(() => {
    const guard: LeaveGuard = { dirty: () => state.current, what };
    current = guard;
    window.addEventListener('beforeunload', holdUnload);
    return () => {
      window.removeEventListener('beforeunload', holdUnload);
      if (current === guard) current = null;
    };
  }, [what]);
  return { saved };
}
