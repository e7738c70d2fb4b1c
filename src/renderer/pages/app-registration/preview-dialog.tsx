import { Button, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { GraphPreview } from '../../../shared/graph-apply';
import { TransientDialog } from '../../components/transient-dialog';

/** Every request before it is sent: method, URL, body (secrets masked), the diff, the scopes and the roles. */
export function PreviewDialog({ preview, busy, onConfirm, onCancel }: { preview: GraphPreview | null; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const writes = preview?.requests.filter((r) => r.writes).length ?? 0;
  return (
    <TransientDialog open={preview !== null} modalType="alert" onOpenChange={(_e, d) => (!d.open ? onCancel() : undefined)}>
      <DialogSurface aria-describedby="graph-preview-summary">
        <DialogBody>
          <DialogTitle>Send {writes} request{writes === 1 ? '' : 's'} to Microsoft Graph?</DialogTitle>
          <DialogContent>
            <p id="graph-preview-summary">Nothing has been sent yet. These requests go to https://{preview?.graphHost} in this order:</p>
            <ol data-testid="graph-requests">
              {preview?.requests.map((r, i) => (
                <li key={i} data-method={r.method}>
                  <code>
                    {r.method} {r.url}
                  </code>
                  <div>{r.purpose}</div>
                  {r.body !== null && r.body !== undefined ? <pre style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all', maxHeight: '12em', overflow: 'auto' }} tabIndex={0}>{JSON.stringify(r.body, null, 2)}</pre> : null}
                </li>
              ))}
            </ol>
            {preview?.changes.length ? (
              <>
                <h3>What changes</h3>
                <ul data-testid="graph-changes">
                  {preview.changes.flatMap((c) => [
                    ...c.added.map((a) => <li key={`${c.field}+${a}`}>Adds to {c.field}: {a}</li>),
                    ...c.removed.map((r) => <li key={`${c.field}-${r}`}>Removes from {c.field}: {r}</li>),
                    ...(c.kept.length ? [<li key={`${c.field}=`}>Keeps in {c.field}: {c.kept.join(', ')}</li>] : []),
                  ])}
                </ul>
              </>
            ) : null}
            <h3>Sign-in scopes and roles</h3>
            <ul>
              {preview?.roles.map((r) => (
                <li key={r.scope}>
                  {r.scope}: {r.role}
                </li>
              ))}
            </ul>
            {preview?.notes.map((n) => <p key={n}>{n}</p>)}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || writes === 0} onClick={onConfirm}>
              {busy ? 'Sending…' : 'Send these requests'}
            </Button>
            <Button disabled={busy} onClick={onCancel}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </TransientDialog>
  );
}
