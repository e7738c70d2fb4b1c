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
import type { GraphPreview } from '../../../shared/graph-apply';
import { TransientDialog } from '../../components/transient-dialog';

const useStyles = makeStyles({
  surface: { maxWidth: 'min(860px, 96vw)' },
  requests: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  line: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', fontWeight: tokens.fontWeightSemibold },
  body: {
    boxSizing: 'border-box',
    maxWidth: '100%',
    whiteSpace: 'pre-wrap',
    wordBreak: 'break-all',
    maxHeight: '14em',
    overflow: 'auto',
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: tokens.spacingHorizontalS,
    backgroundColor: tokens.colorNeutralBackground3,
    fontFamily: tokens.fontFamilyMonospace,
  },
  heading: { fontSize: tokens.fontSizeBase400, margin: `${tokens.spacingVerticalM} 0 ${tokens.spacingVerticalXS}` },
});

const actionWords: Record<GraphPreview['action'], string> = {
  create: 'Create the app registration',
  fetch: 'Read the app registration',
  repair: 'Repair the app registration',
  rotate: 'Add a new credential beside the old one',
  'remove-old': 'Remove old credentials',
};

/** Every request before it is sent: method, URL, body (secrets masked), the diff, the scopes and the roles. Nothing is sent until “Send”. */
export function PreviewDialog({
  preview,
  busy,
  onConfirm,
  onCancel,
}: {
  preview: GraphPreview | null;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const writes = preview?.requests.filter((r) => r.writes).length ?? 0;
  return (
    <TransientDialog
      open={preview !== null}
      modalType="alert"
      onOpenChange={(_e, d) => (!d.open && !busy ? onCancel() : undefined)}
    >
      <DialogSurface className={styles.surface} aria-describedby="graph-preview-summary" data-testid="graph-preview">
        <DialogBody>
          <DialogTitle>
            {preview ? actionWords[preview.action] : ''}: send {writes} change{writes === 1 ? '' : 's'} to Microsoft
            Graph?
          </DialogTitle>
          <DialogContent>
            <p id="graph-preview-summary">
              Nothing has been sent yet. These {preview?.requests.length ?? 0} requests go to https://
              {preview?.graphHost} in this order; secrets are masked here and never logged.
            </p>
            <h3 className={styles.heading} id="graph-preview-requests">
              Requests
            </h3>
            <ol className={styles.requests} aria-labelledby="graph-preview-requests" data-testid="graph-requests">
              {preview?.requests.map((r, i) => (
                <li key={i} data-method={r.method}>
                  <div className={styles.line}>
                    {r.method} {r.url}
                  </div>
                  <div>{r.purpose}</div>
                  {r.body !== null && r.body !== undefined ? (
                    <pre
                      className={styles.body}
                      tabIndex={0}
                      role="region"
                      aria-label={`Body of request ${i + 1}, ${r.method}`}
                    >
                      {JSON.stringify(r.body, null, 2)}
                    </pre>
                  ) : null}
                </li>
              ))}
            </ol>
            {preview?.changes.length ? (
              <>
                <h3 className={styles.heading} id="graph-preview-changes">
                  What changes
                </h3>
                <ul aria-labelledby="graph-preview-changes" data-testid="graph-changes">
                  {preview.changes.flatMap((c) => [
                    ...c.added.map((a) => (
                      <li key={`${c.field}+${a}`} data-change="add">
                        Adds to {c.field}: {a}
                      </li>
                    )),
                    ...c.removed.map((r) => (
                      <li key={`${c.field}-${r}`} data-change="remove">
                        Removes from {c.field}: {r}
                      </li>
                    )),
                    ...(c.kept.length
                      ? [
                          <li key={`${c.field}=`} data-change="keep">
                            Keeps in {c.field}: {c.kept.join(', ')}
                          </li>,
                        ]
                      : []),
                  ])}
                </ul>
              </>
            ) : null}
            <h3 className={styles.heading} id="graph-preview-roles">
              Sign-in scopes and the directory roles they need
            </h3>
            <ul aria-labelledby="graph-preview-roles">
              {preview?.roles.map((r) => (
                <li key={r.scope}>
                  {r.scope}: {r.role}. {r.why}
                </li>
              ))}
            </ul>
            {preview?.notes.map((n) => (
              <p key={n}>{n}</p>
            ))}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || writes === 0} onClick={onConfirm}>
              {busy ? 'Sending…' : `Send ${writes === 1 ? 'this request' : 'these requests'}`}
            </Button>
            <Button disabled={busy} onClick={onCancel}>
              Cancel (send nothing)
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </TransientDialog>
  );
}
