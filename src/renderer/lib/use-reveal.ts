import { useEffect, useRef } from 'react';

/**
 * A result that appears (a test's outcome, a verification's findings) is brought where the eye is: scrolled into
 * view and focused, so a screen reader reads its heading. Give the returned ref to the result's heading (tabIndex -1).
 */
export function useReveal<T extends HTMLElement>(active = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (!active) return;
    const el = ref.current;
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
  }, [active]);
  return ref;
}
