import { useEffect, useRef, useState } from 'react';

// The element that last had focus: a control disabled while its action runs (e.g. an export that then asks
// "Replace?") drops focus to the body, yet it is still what opened the dialog.
let lastFocused: HTMLElement | null = null;
document.addEventListener('focusin', (e) => {
  if (e.target instanceof HTMLElement) lastFocused = e.target;
});

function openerNow(): HTMLElement | null {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== document.body) return active;
  return lastFocused?.isConnected ? lastFocused : null;
}

function hiddenBodyChildren(): Set<Element> {
  return new Set([...document.body.children].filter((e) => e.getAttribute('aria-hidden') === 'true'));
}

/**
 * For a Fluent overlay (Dialog, OverlayDrawer) that is mounted only while open or closing. A closed but mounted one
 * keeps tabster's focus sentinels on the page, which axe reports; unmounting it disposes tabster before its delayed
 * cleanup runs, which leaves `aria-hidden` on the app (microsoft/fluentui#35139, microsoft/tabster#530). So it unmounts
 * after its exit animation (`onExitFinished`), puts back the `aria-hidden` state the page had before it opened, and
 * gives focus back to the control that opened it.
 */
export function useTransient(open: boolean): { mounted: boolean; onExitFinished: () => void } {
  const [mounted, setMounted] = useState(open);
  const before = useRef<Set<Element> | null>(null);
  // The control that had focus when the overlay opened: focus goes back to it when the overlay is gone.
  const opener = useRef<HTMLElement | null>(null);
  /* eslint-disable react-hooks/refs -- Read during the render that opens the overlay: the overlay mounts in this
     commit, and its own effects (focus trap, aria-hidden) run before any effect of this hook could look. */
  if (open && before.current === null) {
    before.current = hiddenBodyChildren();
    opener.current = openerNow();
  }
  /* eslint-enable react-hooks/refs */
  // Opened: stays mounted until its exit animation has finished (onExitFinished).
  if (open && !mounted) setMounted(true);
  const restore = () => {
    const earlier = before.current ?? new Set<Element>();
    for (const element of hiddenBodyChildren()) if (!earlier.has(element)) element.removeAttribute('aria-hidden');
    before.current = null;
    // Unless the overlay's action moved focus on (e.g. to a new page's heading), the opener takes it back.
    const target = opener.current;
    opener.current = null;
    const active = document.activeElement;
    // Lost: on the body, on something gone, or on a container around the opener (where tabster may leave it).
    const lost =
      active === null ||
      active === document.body ||
      !active.isConnected ||
      (target !== null && active !== target && active.contains(target));
    if (target?.isConnected && lost) target.focus();
  };
  const exited = useRef(false);
  useEffect(() => {
    if (mounted || !exited.current) return;
    exited.current = false;
    // Once the overlay is gone (and tabster disposed with it): lift what its cancelled cleanup would have lifted.
    window.setTimeout(restore, 0);
  });
  const alive = useRef(false);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
      // Unmounted while open (e.g. a button in it navigated to another page): clean up the same way. A remount right
      // away (React's StrictMode check in development) is not an unmount.
      if (before.current !== null) window.setTimeout(() => !alive.current && restore(), 0);
    };
    // On mount and unmount only: restore reads refs.
  }, []);
  const onExitFinished = () => {
    exited.current = true;
    setMounted(false);
  };
  return { mounted: open || mounted, onExitFinished };
}
