import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ApplyOutcome } from '../../../shared/contract/graph';

/** What a run did, request by request, what exists now, and the verification afterwards. */
export function ApplyResult({ outcome }: { outcome: ApplyOutcome }) {
  const counts = outcome.after?.report.counts;
  return (
    <section aria-label="Result of the Graph requests" data-testid="graph-result">
      <MessageBar intent={outcome.failure ? 'error' : counts && counts.error > 0 ? 'warning' : 'success'}>
        <MessageBarBody>
          <MessageBarTitle>{outcome.failure ? 'Stopped part-way' : 'Requests sent'}</MessageBarTitle>
          {counts ? `Read back and verified: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} note(s).` : 'The app could not be read back to verify it.'}
        </MessageBarBody>
      </MessageBar>
      <ol>
        {outcome.outcomes.map((o, i) => (
          <li key={i} data-ok={o.ok}>
            {o.method} {o.url}: {o.status ?? 'no answer'}
            {o.graphCode ? ` (${o.graphCode})` : ''}
            {o.retries ? `, sent again ${o.retries} time(s)` : ''}
          </li>
        ))}
      </ol>
      {outcome.newSecret ? <p>A new client secret (hint {outcome.newSecret.hint}…, until {outcome.newSecret.endDateTime.slice(0, 10)}) was stored in the vault for this profile; copy it from the connection sheet.</p> : null}
      {outcome.test ? <p data-testid="graph-rotation-test">{outcome.test.summary}</p> : null}
      {outcome.failure ? (
        <div role="alert">
          <p>{outcome.error?.message}</p>
          <p>To finish: {outcome.failure.finish}</p>
          <p>Created so far:</p>
          <ul>{outcome.failure.created.map((c) => <li key={c.id}>{c.label}: {c.id}</li>)}</ul>
          <p>To undo:</p>
          <ul>{outcome.failure.undo.map((u) => <li key={u}>{u}</li>)}</ul>
        </div>
      ) : null}
      {outcome.after?.report.findings.filter((f) => f.severity !== 'info').map((f, i) => (
        <p key={i} data-finding={f.code}>
          {f.severity}: {f.message}
        </p>
      ))}
    </section>
  );
}
