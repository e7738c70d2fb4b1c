import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { TransientDialog } from '../components/transient-dialog';
import { useLastNonNull } from '../lib/use-last';
import type { PendingLeave } from './use-route';

/** Asks before leaving a page with unsaved work; "Stay" is the default so Enter never loses work. */
export function LeaveDialog({ pending }: { pending: PendingLeave | null }) {
  // The text stays while the dialog animates closed.
  const what = useLastNonNull(pending?.what ?? null);
  return (
    <TransientDialog open={pending !== null} modalType="alert" onOpenChange={(_e, d) => !d.open && pending?.stay()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Leave without saving?</DialogTitle>
          <DialogContent>
            {what ? `${what} has changes that are not saved. If you leave now, they are lost.` : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => pending?.stay()}>
              Stay and keep editing
            </Button>
            <Button onClick={() => pending?.leave()}>Leave and discard changes</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </TransientDialog>
  );
}
