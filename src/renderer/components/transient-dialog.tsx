import { Dialog, type DialogProps } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';

function hiddenBodyChildren(): Set<Element> {
  return new Set([...document.body.children].filter((e) => e.getAttribute('aria-hidden') === 'true'));
}

/**
 * A Fluent Dialog that is mounted only while open or closing. A closed but mounted Dialog keeps tabster's focus
 * sentinels on the page, which axe reports; unmounting it disposes tabster before its delayed cleanup runs, which
 * leaves `aria-hidden` on the app (microsoft/fluentui#35139, microsoft/tabster#530). So the dialog unmounts after its
 * exit animation, puts back the `aria-hidden` state the page had before it opened, and gives focus back to the
 * control that opened it.
 */
export function TransientDialog({ open, ...props }: Omit<DialogProps, 'open'> & { open: boolean }) {
  const [mounted, setMounted] = useState(open);
  const before = useRef<Set<Element> | null>(null);
  // The control that opened the dialog (focused when it opened): focus goes back to it when the dialog is gone.
  const opener = useRef<HTMLElement | null>(null);
  if (open && before.current === null) {
    before.current = hiddenBodyChildren();
    opener.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
  }
  useEffect(() => {
    if (open) setMounted(true);
  }, [open]);
  if (!open && !mounted) return null;
  const restore = () => {
    const earlier = before.current ?? new Set<Element>();
    for (const element of hiddenBodyChildren()) if (!earlier.has(element)) element.removeAttribute('aria-hidden');
    before.current = null;
    // Unless the dialog's action moved focus on (e.g. to a new page's heading), the opener takes it back.
    const target = opener.current;
    opener.current = null;
    const lost = document.activeElement === null || document.activeElement === document.body || !document.activeElement.isConnected;
    if (target?.isConnected && lost) target.focus();
  };
  return (
    <Dialog
      {...props}
      open={open}
      surfaceMotion={{
        onMotionFinish: (_e, data) => {
          if (data.direction !== 'exit') return;
          setMounted(false);
          // After tabster is disposed with the dialog: lift what its cancelled cleanup would have lifted.
          window.setTimeout(restore, 0);
        },
      }}
    />
  );
}
