import type { GraphChangeEntry } from '../../shared/contract/graph';
import type { GraphAction } from '../../shared/graph-apply';
import type { RecordGraphChange } from '../../shared/records';

const actionWords: Record<GraphAction, string> = {
  create: 'Created the app registration',
  fetch: 'Read the app registration',
  repair: 'Repaired the app registration',
  rotate: 'Added a new credential (rotation)',
  'remove-old': 'Removed old credentials (rotation)',
};

const failedWords: Record<GraphAction, string> = {
  create: 'Creating the app registration stopped part-way',
  fetch: 'Reading the app registration failed',
  repair: 'The repair stopped part-way',
  rotate: 'Adding a new credential stopped part-way',
  'remove-old': 'Removing old credentials stopped part-way',
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function requestLine(r: GraphChangeEntry['requests'][number]): string {
  const status = r.status === null ? 'no answer' : String(r.status);
  return `${r.method} ${r.url} → ${status}${r.graphCode ? ` ${r.graphCode}` : ''}`;
}

/** How the run ended, saying only what the log proves (statuses, read-back counts, the rotation's sign-in test). */
function resultOf(e: GraphChangeEntry): string {
  const parts: string[] = [];
  if (e.failed) {
    const failedAt = e.requests.find((r) => !r.ok);
    parts.push(
      `Failed${failedAt ? ` at ${failedAt.method} ${failedAt.url}${failedAt.status === null ? '' : ` (${failedAt.status}${failedAt.graphCode ? ` ${failedAt.graphCode}` : ''})`}` : ''}.`,
    );
    parts.push(
      e.created.length
        ? `It created: ${e.created.map((c) => `${c.label} (${c.id})`).join('; ')}.`
        : 'It created nothing.',
    );
    if (e.finish) parts.push(`To finish: ${e.finish}`);
  } else if (e.requests.length > 0) {
    parts.push(`${plural(e.requests.length, 'request')} answered with success.`);
  } else {
    parts.push('Completed (the requests were not logged by this version).');
  }
  if (e.readBack)
    parts.push(`Read back afterwards: ${plural(e.readBack.error, 'error')}, ${plural(e.readBack.warning, 'warning')}.`);
  else if (e.requests.length > 0) parts.push('Not read back afterwards, so not verified.');
  if (e.test) parts.push(`Sign-in test with the new credential ${e.test.ok ? 'passed' : 'failed'}: ${e.test.summary}`);
  return parts.join(' ');
}

/** The change log's entries as the record lists them: what was sent, what changed field by field, and how it ended (labels only, never a secret). */
export function recordGraphChanges(entries: readonly GraphChangeEntry[]): RecordGraphChange[] {
  return entries.map((e) => ({
    at: e.at,
    action: e.failed ? failedWords[e.action] : actionWords[e.action],
    appId: e.appId,
    account: e.account,
    requests: e.requests.map(requestLine),
    // A run that stopped part-way made only some of its planned changes: the lines say "planned".
    changes: e.changes.map((c) => {
      const parts = [
        c.added.length ? `${e.failed ? 'planned to add' : 'added'} ${c.added.join(', ')}` : '',
        c.removed.length ? `${e.failed ? 'planned to remove' : 'removed'} ${c.removed.join(', ')}` : '',
      ].filter(Boolean);
      return `${c.field}: ${parts.join('; ') || 'unchanged'}`;
    }),
    result: resultOf(e),
    failed: e.failed,
    undo: e.undo,
  }));
}
