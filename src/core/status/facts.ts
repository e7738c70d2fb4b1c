import type { ProfileEntryStatus } from '../../shared/connections';
import type { FileStatus, StatusFact, TestState, VerificationState } from '../../shared/status';
import { isAfter } from './evidence';

/** What the facts are drawn from. */
export interface FactSources {
  entryStatus: ProfileEntryStatus;
  secretsUnreadable: boolean;
  file: FileStatus;
  verification: VerificationState;
  test: TestState;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function fact(
  key: StatusFact['key'],
  tone: StatusFact['tone'],
  label: string,
  detail: string,
  at: string | null = null,
): StatusFact {
  return { key, tone, label, detail, at };
}

function expiryFact(file: FileStatus): StatusFact | null {
  const e = file.expiry;
  const what = e.what === 'certificate' ? 'The certificate' : 'The client secret';
  if (e.state === 'expired')
    return fact(
      'expired',
      'danger',
      'Expired',
      `${what} has expired: the connection cannot sign in with it.`,
      e.expiresAt,
    );
  if (e.state !== 'expiring' || e.daysLeft === null) return null;
  return fact(
    'expiring',
    'warning',
    `Expiring (${plural(e.daysLeft, 'day')})`,
    `${what} expires in ${plural(e.daysLeft, 'day')}: renew it before then.`,
    e.expiresAt,
  );
}

function testFacts(t: TestState): StatusFact[] {
  const what = t.name ?? 'The test';
  if (t.state === 'not-tested')
    return [
      fact(
        'not-tested',
        'informative',
        'Not tested',
        'No sign-in or app-only test has run: nothing proves the connection signs in.',
      ),
    ];
  if (t.state === 'failed')
    return [fact('test-failed', 'danger', 'Last test failed', `${what} failed. ${t.summary ?? ''}`.trim(), t.at)];
  if (t.state === 'changed')
    return [
      fact(
        'changed-since-test',
        'warning',
        'Changed since the test',
        `${what} passed, but the profile was edited afterwards: test it again.`,
        t.at,
      ),
    ];
  const out: StatusFact[] = [];
  if (t.missing.length > 0) {
    out.push(
      fact(
        'permissions-missing',
        'warning',
        `Permissions missing (${t.missing.length})`,
        `${what} signed in, but its token lacks ${t.missing.join(', ')}.`,
        t.at,
      ),
    );
  }
  // The test's name says its kind, except for a Graph probe and an admin consent.
  const kind =
    t.name === 'Graph probe' || t.name === 'Admin consent'
      ? ` with ${t.kind === 'app-only' ? 'an app-only' : 'a delegated'} token`
      : '';
  out.push(fact('working', 'success', 'Working', `${what} passed${kind}.`, t.at));
  return out;
}

function verificationFacts(v: VerificationState): StatusFact {
  const stale = v.changedSince ? ' The profile was edited since: verify again.' : '';
  if (v.state === 'not-verified')
    return fact(
      'not-verified',
      'informative',
      'Not verified',
      'The app registration’s manifest has not been checked against this profile.',
    );
  if (v.state === 'errors') {
    return fact(
      'verification-errors',
      'danger',
      `Verification errors (${v.errors})`,
      `The last manifest check found ${plural(v.errors, 'error')}: the app registration does not match the profile.${stale}`,
      v.at,
    );
  }
  return fact(
    'verified',
    'success',
    'Verified',
    `The manifest check found no errors${v.warnings ? ` (${plural(v.warnings, 'warning')})` : ''}.${stale}`,
    v.at,
  );
}

/** Every fact about a profile, most important first: the first one is what its badge says. */
export function statusFacts(s: FactSources): StatusFact[] {
  const { file, verification: v, test: t } = s;
  const first: StatusFact[] = [];
  if (s.entryStatus === 'damaged')
    first.push(
      fact('damaged', 'danger', 'Damaged', 'Part of this profile cannot be read; it is kept as it is in the file.'),
    );
  if (s.entryStatus === 'newer-version')
    first.push(
      fact(
        'newer-version',
        'informative',
        'Newer version',
        'A newer version of the Workbench wrote this profile; it is kept unchanged.',
      ),
    );
  if (s.secretsUnreadable)
    first.push(
      fact(
        'secret-unreadable',
        'danger',
        'Secret unreadable',
        'A stored secret cannot be decrypted on this computer: enter it again.',
      ),
    );
  if (file.completeness.state === 'incomplete')
    first.push(
      fact(
        'incomplete',
        'warning',
        'Incomplete',
        `Missing: ${file.completeness.missing.join(', ') || 'fields that cannot be read'}.`,
      ),
    );
  const expiry = expiryFact(file);
  if (expiry?.key === 'expired') first.push(expiry);
  if (file.errors > 0)
    first.push(
      fact(
        'profile-errors',
        'danger',
        `Profile errors (${file.errors})`,
        `${plural(file.errors, 'field')} of the profile will stop the connection: open it to see which.`,
      ),
    );
  const tests = testFacts(t);
  const failed = tests.filter((f) => f.key === 'test-failed');
  const verification = verificationFacts(v);
  // A verification with errors outranks a passed test only when it is newer: the newer evidence decides.
  const verificationFirst =
    verification.key === 'verification-errors' && (t.state !== 'working' || isAfter(v.at, t.at));
  const middle: StatusFact[] = [
    ...failed,
    ...(verificationFirst ? [verification] : []),
    ...(expiry?.key === 'expiring' ? [expiry] : []),
  ];
  const rest = tests.filter((f) => f.key !== 'test-failed');
  const last = verificationFirst ? [] : [verification];
  return [...first, ...middle, ...rest, ...last];
}
