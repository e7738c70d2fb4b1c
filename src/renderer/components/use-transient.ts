import { useEffect, useRef, useState } from 'react';

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
  if (open && before.current === null) {
    before.current = hiddenBodyChildren();
    opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  }
  useEffect(() => {
    if (open) setMounted(true);
  }, [open]);
  const restore = () => {
    const earlier = before.current ?? new Set<Element>();
    for (const element of hiddenBodyChildren()) if (!earlier.has(element)) element.removeAttribute('aria-hidden');
    before.current = null;
    // Unless the overlay's action moved focus on (e.g. to a new page's heading), the opener takes it back.
    const target = opener.current;
    opener.current = null;
    const lost = document.activeElement === null || document.activeElement === document.body || !document.activeElement.isConnected;
    if (target?.isConnected && lost) target.focus();
  };
  const onExitFinished = () => {
    setMounted(false);
    // After tabster is disposed with the overlay: lift what its cancelled cleanup would have lifted.
    window.setTimeout(restore, 0);
  };
  return { mounted: open || mounted, onExitFinished };
}
