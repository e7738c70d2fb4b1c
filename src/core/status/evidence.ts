import type { SigninHistoryEntry } from '../../shared/contract/signin';
import type { RecordVerification } from '../../shared/records';
import type { TestState, VerificationState } from '../../shared/status';
import { testNames } from '../records/consent';

/** What an admin consent's history line says when an app-only token confirmed it (history-facts.ts, consentFacts). */
const CONSENT_VERIFIED = 'Verified with an app-only token';

/** True when `later` is after `earlier` (ISO dates; unreadable ones never are). */
export function isAfter(later: string | null | undefined, earlier: string | null | undefined): boolean {
  const a = Date.parse(later ?? '');
  const b = Date.parse(earlier ?? '');
  return !Number.isNaN(a) && !Number.isNaN(b) && a > b;
}

/**
 * Which kind of access a history line proves, or null when it proves nothing about the connection signing in:
 * an admin consent counts only when an app-only token confirmed it, and a failed consent is not a failed sign-in.
 */
export function testKind(entry: SigninHistoryEntry): TestState['kind'] {
  switch (entry.flow) {
    case 'interactive':
    case 'public-client':
    case 'refresh':
      return 'delegated';
    case 'client-credentials':
      return 'app-only';
    case 'graph-probe':
      return entry.user ? 'delegated' : 'app-only';
    case 'admin-consent':
      return entry.ok && entry.summary.includes(CONSENT_VERIFIED) ? 'app-only' : null;
  }
}

/** The last manifest verification against the profile last edited at `updatedAt`. */
export function verificationState(
  verification: RecordVerification | null,
  updatedAt: string | null,
): VerificationState {
  if (!verification) return { state: 'not-verified', at: null, errors: 0, warnings: 0, changedSince: false };
  const { error, warning } = verification.counts;
  return {
    state: error > 0 ? 'errors' : 'verified',
    at: verification.checkedAt,
    errors: error,
    warnings: warning,
    changedSince: isAfter(updatedAt, verification.checkedAt),
  };
}

/** The newest test that proves something (history is newest first), against the profile last edited at `updatedAt`. */
export function testState(history: readonly SigninHistoryEntry[], updatedAt: string | null): TestState {
  const last = history.find((e) => testKind(e) !== null);
  if (!last) return { state: 'not-tested', at: null, kind: null, name: null, summary: null, missing: [] };
  const state = !last.ok ? 'failed' : isAfter(updatedAt, last.at) ? 'changed' : 'working';
  return {
    state,
    at: last.at,
    kind: testKind(last),
    name: testNames[last.flow],
    summary: last.summary,
    missing: last.ok ? [...last.missing] : [],
  };
}
