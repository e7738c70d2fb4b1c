import type { ProfileEntryStatus, ProfileFinding } from '../../shared/connections';
import type { SigninHistoryEntry } from '../../shared/contract/signin';
import type { RecordVerification } from '../../shared/records';
import type { ProfileStatus, UnprovenItem } from '../../shared/status';
import type { ProfileFields } from '../connections/validation/types';
import { testState, verificationState } from './evidence';
import { statusFacts } from './facts';
import { fileStatus } from './file-status';

/** The evidence about one profile. */
export interface StatusSources {
  /** The profile; null when it cannot be read. `updatedAt` is when it was last edited. */
  profile: (ProfileFields & { updatedAt?: string }) | null;
  entryStatus?: ProfileEntryStatus;
  secretsUnreadable?: boolean;
  /** Its validation (with what the vault holds). */
  findings: readonly ProfileFinding[];
  /** Its last manifest verification, or null. */
  verification: RecordVerification | null;
  /** Its sign-in tests, newest first. */
  history: readonly SigninHistoryEntry[];
  now: Date;
}

function unprovenItems(s: ProfileStatus): UnprovenItem[] {
  const out: UnprovenItem[] = [];
  const { verification: v, test: t } = s;
  if (s.completeness.state === 'incomplete')
    out.push({
      key: 'incomplete',
      text: `The profile is incomplete (missing: ${s.completeness.missing.join(', ') || 'unreadable fields'}).`,
    });
  if (s.errors > 0)
    out.push({
      key: 'profile-errors',
      text: `The profile has ${s.errors} error${s.errors === 1 ? '' : 's'} that will stop the connection.`,
    });
  if (v.state === 'not-verified')
    out.push({
      key: 'not-verified',
      text: 'The app registration was not verified: no manifest check was run against this profile.',
    });
  else if (v.state === 'errors')
    out.push({
      key: 'verification-errors',
      text: `The last manifest check found ${v.errors} error${v.errors === 1 ? '' : 's'}: the app registration does not match the profile yet.`,
    });
  else if (v.changedSince)
    out.push({ key: 'verification-stale', text: 'The profile was edited after the last manifest check.' });
  if (t.state === 'not-tested')
    out.push({ key: 'not-tested', text: 'No sign-in test has run: nothing proves the connection signs in.' });
  else if (t.state === 'failed')
    out.push({ key: 'test-failed', text: `The last test (${t.name ?? 'sign-in test'}) failed.` });
  else if (t.state === 'changed')
    out.push({ key: 'changed-since-test', text: 'The profile was edited after the last successful test.' });
  if (t.state === 'working' && t.missing.length > 0)
    out.push({ key: 'permissions-missing', text: `The last test’s token lacks ${t.missing.join(', ')}.` });
  return out;
}

/** Everything the evidence says about a profile: what the list's badge, the sheet, the Start page, the wizard and the record show. */
export function profileStatus(sources: StatusSources): ProfileStatus {
  const entryStatus = sources.entryStatus ?? 'ok';
  const secretsUnreadable = sources.secretsUnreadable ?? false;
  const updatedAt = sources.profile?.updatedAt ?? null;
  const file = fileStatus(sources.profile, sources.findings, sources.now);
  const verification = verificationState(sources.verification, updatedAt);
  const test = testState(sources.history, updatedAt);
  const facts = statusFacts({ entryStatus, secretsUnreadable, file, verification, test });
  const headline = facts[0] as ProfileStatus['headline'];
  const status: ProfileStatus = {
    ...file,
    verification,
    test,
    working: headline.key === 'working',
    headline,
    facts,
    unproven: [],
  };
  status.unproven = unprovenItems(status);
  return status;
}
