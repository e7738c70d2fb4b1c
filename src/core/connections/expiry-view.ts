import type { ExpiryRow, Profile } from '../../shared/connections';
import { expiryStatus, formatDate, parseExpiry } from './expiry';

/** The expiry view: each profile's certificate (notAfter) and secret (the date the admin noted), soonest first. */
export function expiryRows(profiles: readonly Profile[], now: Date = new Date()): ExpiryRow[] {
  const rows: ExpiryRow[] = [];
  for (const profile of profiles) {
    const dates: Array<[ExpiryRow['what'], string | null | undefined]> = [
      ['certificate', profile.auth === 'certificate' ? profile.certificate?.notAfter : null],
      ['secret', profile.secretExpiresAt],
    ];
    const certificateDay = parseExpiry(dates[0]?.[1])?.toISOString().slice(0, 10);
    for (const [what, value] of dates) {
      const date = parseExpiry(value);
      if (!date) continue;
      // A certificate profile's expiry field filled from its certificate says the same thing once.
      if (what === 'secret' && certificateDay === date.toISOString().slice(0, 10)) continue;
      const { status, daysLeft } = expiryStatus(date, now);
      const subject =
        what === 'certificate'
          ? 'The certificate'
          : profile.auth === 'certificate'
            ? 'The secret'
            : 'The client secret';
      const when = formatDate(date);
      const message =
        status === 'expired'
          ? `${subject} expired on ${when}.`
          : status === 'ok'
            ? `${subject} is valid until ${when}.`
            : `${subject} expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${when}).`;
      rows.push({
        profileId: profile.id,
        profileName: profile.name,
        auth: profile.auth,
        what,
        expiresAt: date.toISOString(),
        daysLeft,
        status,
        message,
      });
    }
  }
  return rows.sort((a, b) => a.expiresAt.localeCompare(b.expiresAt));
}
