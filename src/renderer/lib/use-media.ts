import { useEffect, useState } from 'react';

/** Below this window width the navigation shows icons only and the wizard's step list becomes a compact stepper. */
export const NARROW_QUERY = '(max-width: 1099px)';

/** Whether a CSS media query matches now, updated as the window is resized. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setMatches(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return matches;
}
