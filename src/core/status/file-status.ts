import type { Profile, ProfileFinding, ProfileFindingCode } from '../../shared/connections';
import type { ExpiryState, FileStatus } from '../../shared/status';
import { expiryStatus, parseExpiry } from '../connections/expiry';
import type { ProfileFields } from '../connections/validation/types';

/** Findings that mean a field the connection needs is empty, and how the form calls that field. */
const missingLabels: Partial<Record<ProfileFindingCode, string>> = {
  'name.missing': 'Name',
  'client_id.missing': 'Client ID',
  'tenant.missing': 'Tenant',
  'upn.missing': 'Account UPN',
  'domain.missing': 'Domain',
  'environment.custom_hosts_missing': 'Sign-in and Graph hosts',
  'certificate.missing': 'Certificate',
  'client_secret.missing': 'Client secret',
};

/** Expiry has a fact of its own; its findings are not counted as profile errors or warnings. */
const expiryCodes: ReadonlySet<ProfileFindingCode> = new Set([
  'certificate.expired',
  'certificate.expires_soon',
  'secret_expiry.expired',
  'secret_expiry.soon',
]);

/** The soonest certificate or secret expiry of a profile; `none` when no date is recorded. */
export function expiryOf(profile: ProfileFields | Profile, now: Date): ExpiryState {
  const dates: Array<[ExpiryState['what'], string | null | undefined]> = [
    ['certificate', profile.auth === 'certificate' ? profile.certificate?.notAfter : null],
    ['secret', profile.secretExpiresAt],
  ];
  let soonest: ExpiryState = { state: 'none', what: null, expiresAt: null, daysLeft: null };
  for (const [what, value] of dates) {
    const date = parseExpiry(value);
    if (!date) continue;
    if (soonest.expiresAt !== null && soonest.expiresAt <= date.toISOString()) continue;
    const { status, daysLeft } = expiryStatus(date, now);
    const state = status === 'expired' ? 'expired' : status === 'ok' ? 'ok' : 'expiring';
    soonest = { state, what, expiresAt: date.toISOString(), daysLeft };
  }
  return soonest;
}

/** What a profile's fields and their validation tell, without tests or verification (all a profile file can tell). */
export function fileStatus(
  profile: ProfileFields | Profile | null,
  findings: readonly ProfileFinding[],
  now: Date,
): FileStatus {
  const missing = [
    ...new Set(
      findings
        .filter((f) => f.severity === 'error' && missingLabels[f.code])
        .map((f) => missingLabels[f.code] as string),
    ),
  ];
  const counted = findings.filter((f) => !missingLabels[f.code] && !expiryCodes.has(f.code));
  return {
    completeness: { state: missing.length > 0 || profile === null ? 'incomplete' : 'complete', missing },
    errors: counted.filter((f) => f.severity === 'error').length,
    warnings: counted.filter((f) => f.severity === 'warning').length,
    expiry: profile ? expiryOf(profile, now) : { state: 'none', what: null, expiresAt: null, daysLeft: null },
  };
}
