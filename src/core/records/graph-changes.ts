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

/** The change log's entries as the record lists them: what was added, removed and kept, field by field (labels only, never a secret). */
export function recordGraphChanges(entries: readonly GraphChangeEntry[]): RecordGraphChange[] {
  return entries.map((e) => ({
    at: e.at,
    action: actionWords[e.action],
    appId: e.appId,
    account: e.account,
    changes: e.changes.map((c) => {
      const parts = [c.added.length ? `added ${c.added.join(', ')}` : '', c.removed.length ? `removed ${c.removed.join(', ')}` : ''].filter(Boolean);
      return `${c.field}: ${parts.join('; ') || 'unchanged'}`;
    }),
    failed: e.failed,
  }));
}
