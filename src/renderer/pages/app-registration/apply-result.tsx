import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { ApplyOutcome } from '../../../shared/contract/graph';

const useStyles = makeStyles({
  result: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  mono: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The headline, earned from the evidence: the requests' answers, the read-back and (rotation) the sign-in test. */
function headline(o: ApplyOutcome): { intent: 'error' | 'warning' | 'success'; title: string; text: string } {
  const counts = o.after?.report.counts;
  const read = counts
    ? `Read back from Microsoft Graph and verified against the profile: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}.`
    : 'The app could not be read back afterwards, so the result is not verified: use “Read back and verify”.';
  if (o.failure)
    return {
      intent: 'error',
      title: 'Stopped part-way: not everything was done',
      text: `${o.error?.message ?? ''} What exists now and how to finish or undo it is listed below.`,
    };
  const bad = !counts || counts.error > 0 ? 'warning' : 'success';
  switch (o.action) {
    case 'create':
      return {
        intent: bad,
        title: counts ? `Created the app registration ${o.after?.appId ?? ''}` : 'Graph accepted every request',
        text: read,
      };
    case 'repair':
      return {
        intent: bad,
        title: counts
          ? counts.error === 0
            ? 'Repaired: no errors left'
            : `Repair sent; ${plural(counts.error, 'error')} left`
          : 'Graph accepted the repair',
        text: read,
      };
    case 'rotate':
      return {
        intent: o.test?.ok && counts ? 'success' : 'warning',
        title: o.test?.ok
          ? 'New credential added and tested'
          : 'New credential added, but its sign-in test did not pass',
        text: read,
      };
    case 'remove-old':
      return { intent: bad, title: counts ? 'Old credentials removed' : 'Graph accepted the removal', text: read };
    default:
      return { intent: bad, title: 'Requests sent', text: read };
  }
}

/** What a run did, request by request, what exists now, the rotation test, and how to finish or undo a partial failure. */
export function ApplyResult({ outcome }: { outcome: ApplyOutcome }) {
  const styles = useStyles();
  const h = headline(outcome);
  return (
    <section
      aria-labelledby="graph-result-title"
      className={styles.result}
      data-testid="graph-result"
      data-action={outcome.action}
    >
      <MessageBar intent={h.intent} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle id="graph-result-title">{h.title}</MessageBarTitle>
          {h.text}
        </MessageBarBody>
      </MessageBar>
      <p>Requests sent, in order:</p>
      <ol className={styles.list} data-testid="graph-outcomes">
        {outcome.outcomes.map((o, i) => (
          <li key={i} data-ok={o.ok} className={styles.mono}>
            {o.method} {o.url}: {o.status ?? 'no answer'}
            {o.graphCode ? ` (${o.graphCode})` : ''}
            {o.retries ? `, sent again ${plural(o.retries, 'time')}` : ''}
          </li>
        ))}
      </ol>
      {outcome.profileUpdated.length ? <p>The profile was updated: {outcome.profileUpdated.join(', ')}.</p> : null}
      {outcome.newSecret ? (
        <p data-testid="graph-new-secret">
          A new client secret (hint {outcome.newSecret.hint}…, key ID {outcome.newSecret.keyId}, valid until{' '}
          {outcome.newSecret.endDateTime.slice(0, 10)}) is stored in this computer’s keychain for the profile; copy it
          from the connection sheet’s fields. It is never shown in a log or a record.
        </p>
      ) : null}
      {outcome.test ? (
        <div role={outcome.test.ok ? 'status' : 'alert'} data-testid="graph-rotation-test" data-ok={outcome.test.ok}>
          <p>{outcome.test.summary}</p>
          <ul className={styles.list}>
            {outcome.test.advice.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {outcome.failure ? (
        <div role="alert" data-testid="graph-partial-failure">
          <p>
            Failed at {outcome.failure.failedAt.method} {outcome.failure.failedAt.url} (
            {outcome.failure.failedAt.status ?? 'no answer'}
            {outcome.failure.failedAt.graphCode ? ` ${outcome.failure.failedAt.graphCode}` : ''}).
          </p>
          <p>
            {outcome.failure.created.length
              ? 'Created before it stopped (these exist in the tenant now):'
              : 'Nothing was created before it stopped.'}
          </p>
          {outcome.failure.created.length ? (
            <ul className={styles.list}>
              {outcome.failure.created.map((c) => (
                <li key={c.id}>
                  {c.label}: <span className={styles.mono}>{c.id}</span>
                </li>
              ))}
            </ul>
          ) : null}
          <p>To finish: {outcome.failure.finish}</p>
          {outcome.failure.undo.length ? (
            <>
              <p>To undo instead:</p>
              <ul className={styles.list}>
                {outcome.failure.undo.map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      ) : null}
    </section>
  );
}
