import { Dialog, type DialogProps } from '@fluentui/react-components';
import { useTransient } from './use-transient';

/** A Fluent Dialog mounted only while open or closing, which gives focus back to its opener (see useTransient). */
export function TransientDialog({ open, ...props }: Omit<DialogProps, 'open'> & { open: boolean }) {
  const { mounted, onExitFinished } = useTransient(open);
  if (!mounted) return null;
  return (
    <Dialog
      {...props}
      open={open}
      surfaceMotion={{ onMotionFinish: (_e, data) => data.direction === 'exit' && onExitFinished() }}
    />
  );
}
