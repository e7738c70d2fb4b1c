import type { SigninHistoryEntry, SigninTestFlow } from '../../shared/contract/signin';
import type { PermissionKind } from '../../shared/permissions';
import type { ConnectionRecord, RecordPermission } from '../../shared/records';
import { findPermission, isSignInScope } from '../permissions/catalog';

/** What each test is called in a record. */
export const testNames: Record<SigninTestFlow, string> = {
  interactive: 'Delegated sign-in',
  'public-client': 'Public-client sign-in',
  'client-credentials': 'App-only test',
  'admin-consent': 'Admin consent',
  refresh: 'Check connection',
  'graph-probe': 'Graph probe',
};

const delegatedFlows: readonly SigninTestFlow[] = ['interactive', 'public-client', 'refresh'];
const applicationFlows: readonly SigninTestFlow[] = ['client-credentials'];

/** "App-only test, 2026-03-01 10:00 UTC". */
export function seenIn(entry: SigninHistoryEntry): string {
  return `${testNames[entry.flow]}, ${entry.at.slice(0, 16).replace('T', ' ')} UTC`;
}

function has(list: readonly string[], value: string): boolean {
  return list.some((v) => v.toLowerCase() === value.toLowerCase());
}

/** The newest successful test that says something about this kind of permission (history is newest first). */
function evidenceFor(kind: PermissionKind, history: readonly SigninHistoryEntry[]): SigninHistoryEntry | null {
  const flows = kind === 'delegated' ? delegatedFlows : applicationFlows;
  return history.find((e) => e.ok && (flows.includes(e.flow) || e.flow === 'admin-consent')) ?? null;
}

/** One permission with what the tests saw: in a token's scp/roles, granted by admin consent, missing, or not verified. */
function permissionRow(value: string, kind: PermissionKind, history: readonly SigninHistoryEntry[]): RecordPermission {
  const known = findPermission(value, kind);
  const adminConsentRequired =
    kind === 'application' ? true : (known?.adminConsentRequired ?? (isSignInScope(value) ? false : null));
  const base = { value, kind, adminConsentRequired };
  const evidence = evidenceFor(kind, history);
  if (!evidence) return { ...base, consent: 'not-verified', seenIn: null };
  // Admin consent grants what the registration lists; a verified one also shows the application permissions in a token.
  if (evidence.flow === 'admin-consent') {
    if (kind === 'application' && (evidence.granted.length > 0 || evidence.missing.length > 0)) {
      return {
        ...base,
        consent: has(evidence.missing, value) || !has(evidence.granted, value) ? 'missing' : 'granted',
        seenIn: seenIn(evidence),
      };
    }
    return { ...base, consent: 'granted', seenIn: seenIn(evidence) };
  }
  // Sign-in scopes never appear in scp: a delegated sign-in that worked had them consented.
  if (kind === 'delegated' && isSignInScope(value)) return { ...base, consent: 'granted', seenIn: seenIn(evidence) };
  if (has(evidence.granted, value)) return { ...base, consent: 'granted', seenIn: seenIn(evidence) };
  if (has(evidence.missing, value)) return { ...base, consent: 'missing', seenIn: seenIn(evidence) };
  return { ...base, consent: 'not-verified', seenIn: null };
}

/** The permissions of a profile (delegated scopes, then application permissions) with their consent as the history shows it. */
export function permissionRows(
  scopes: readonly string[],
  appOnly: readonly string[],
  history: readonly SigninHistoryEntry[],
): RecordPermission[] {
  return [
    ...scopes.map((s) => permissionRow(s, 'delegated', history)),
    ...appOnly.map((s) => permissionRow(s, 'application', history)),
  ];
}

/** The consent status in one line: granted, partly granted (with what is missing or untested), or not verified. */
export function consentSummary(rows: readonly RecordPermission[]): ConnectionRecord['consent'] {
  if (rows.length === 0)
    return { state: 'not-verified', summary: 'The profile lists no permissions, so there is no consent to check.' };
  const granted = rows.filter((r) => r.consent === 'granted');
  const missing = rows.filter((r) => r.consent === 'missing').map((r) => r.value);
  const untested = rows.filter((r) => r.consent === 'not-verified').map((r) => r.value);
  if (granted.length === 0 && missing.length === 0) {
    return {
      state: 'not-verified',
      summary: 'Not verified: no sign-in, app-only or admin consent test has succeeded for this profile yet.',
    };
  }
  const sources = [...new Set(granted.map((r) => r.seenIn).filter((s): s is string => s !== null))];
  const parts = [
    `Granted: ${granted.length} of ${rows.length} permission${rows.length === 1 ? '' : 's'}${sources.length ? ` (seen in: ${sources.join('; ')})` : ''}.`,
  ];
  if (missing.length) parts.push(`Missing from the token: ${missing.join(', ')}.`);
  if (untested.length) parts.push(`Not verified: ${untested.join(', ')}.`);
  return {
    state: missing.length === 0 && untested.length === 0 ? 'granted' : 'partly-granted',
    summary: parts.join(' '),
  };
}
