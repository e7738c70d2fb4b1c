import { OverlayDrawer, type OverlayDrawerProps } from '@fluentui/react-components';
import { useTransient } from './use-transient';

/** A Fluent OverlayDrawer mounted only while open or closing, which gives focus back to its opener (see useTransient). */
export function TransientDrawer({ open, ...props }: Omit<OverlayDrawerProps, 'open'> & { open: boolean }) {
  const { mounted, onExitFinished } = useTransient(open);
  if (!mounted) return null;
  return (
    <OverlayDrawer
      {...props}
      open={open}
      surfaceMotion={{ onMotionFinish: (_e, data) => data.direction === 'exit' && onExitFinished() }}
    />
  );
}
