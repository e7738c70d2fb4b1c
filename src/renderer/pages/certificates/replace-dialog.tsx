import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { TransientDialog } from '../../components/transient-dialog';

const useStyles = makeStyles({ files: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' } });

/** "Replace?": the export found files with the same names; nothing is replaced unless the user says so. */
export function ReplaceDialog({
  pending,
  onReplace,
  onCancel,
}: {
  pending: { folder: string; files: string[] } | null;
  onReplace: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  return (
    <TransientDialog open={pending !== null} modalType="alert" onOpenChange={(_e, d) => !d.open && onCancel()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Replace the existing files?</DialogTitle>
          <DialogContent>
            These files already exist in {pending?.folder}:
            <ul className={styles.files}>
              {pending?.files.map((f) => (
                <li key={f}>{f}</li>
              ))}
            </ul>
            Replacing them cannot be undone.
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onCancel}>
              Cancel
            </Button>
            <Button appearance="primary" onClick={onReplace}>
              Replace
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </TransientDialog>
  );
}
