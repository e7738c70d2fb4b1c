import type { ProfileEntry, ProfileFinding } from '../../shared/connections';
import type { ProfileStatus } from '../../shared/status';
import { profileStatus } from '../status';
import type { AppContext } from './context';

/** A stored profile's status from its evidence: validation with the vault, the last verification, the test history. */
export function statusOf(ctx: AppContext, entry: ProfileEntry, findings?: readonly ProfileFinding[]): ProfileStatus {
  return profileStatus({
    profile: entry.profile,
    entryStatus: entry.status,
    secretsUnreadable: entry.secretsUnreadable,
    findings: findings ?? (entry.profile ? ctx.profiles.validate(entry.id) : []),
    verification: ctx.verifications.get(entry.id),
    history: ctx.signin.history(entry.id),
    now: ctx.now(),
  });
}
