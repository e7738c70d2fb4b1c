import type { FindingDraft } from '../findings';
import { listWords } from '../findings';
import { credentialName } from '../normalize-common';
import { day, daysUntil, EXPIRY_WARNING_DAYS, type Check } from './check-context';
import { noUsableCertificate } from './usable-certificate';

/**
 * Expiry of every credential on the app, when the connection's own credential is not being compared (manifest-only
 * checks, or a certificate profile without its PFX) — so an admin still learns what is about to lapse.
 */
export const checkCredentialExpiry: Check = ({ app, target, now }) => {
  const out: FindingDraft[] = [];
  // A certificate connection without its certificate and without any usable one already has an error naming each.
  if (!target.certificate && !(target.auth === 'certificate' && noUsableCertificate(app.keyCredentials, now))) {
    const keys = app.keyCredentials.map((c, i) => ({
      name: credentialName(c.displayName, c.keyId, i),
      end: c.endDateTime,
    }));
    out.push(...expiryFindings(keys, now, 'key_credential', 'certificate'));
  }
  if (target.auth !== 'client-credentials' && target.auth !== 'byo-app') {
    const secrets = app.passwordCredentials.map((c, i) => ({
      name: credentialName(c.displayName, c.keyId, i),
      end: c.endDateTime,
    }));
    out.push(...expiryFindings(secrets, now, 'password_credential', 'client secret'));
  }
  return out;
};

function expiryFindings(
  items: Array<{ name: string; end: string | null }>,
  now: Date,
  prefix: 'key_credential' | 'password_credential',
  noun: string,
): FindingDraft[] {
  const expired: string[] = [];
  const expiring: string[] = [];
  for (const { name, end } of items) {
    const left = daysUntil(end, now);
    if (left === null) continue;
    if (left < 0) expired.push(`${name} (expired ${day(end)})`);
    else if (left <= EXPIRY_WARNING_DAYS)
      expiring.push(`${name} (expires ${day(end)}, in ${left} day${left === 1 ? '' : 's'})`);
  }
  const section = prefix === 'key_credential' ? 'Certificates' : 'Client secrets';
  const out: FindingDraft[] = [];
  if (expired.length > 0) {
    out.push({
      code: `${prefix}.expired`,
      message: `${expired.length === 1 ? `This ${noun} has` : `These ${noun}s have`} expired: ${listWords(expired)}. Anything still using ${expired.length === 1 ? 'it' : 'them'} can no longer sign in.`,
      fix: `Under ${section} add a new ${noun} for whatever still uses the old one, then delete the expired ${noun}${expired.length === 1 ? '' : 's'} (the bin icon).`,
      blade: 'Credentials',
    });
  }
  if (expiring.length > 0) {
    out.push({
      code: `${prefix}.expiring`,
      message: `${expiring.length === 1 ? `This ${noun} expires` : `These ${noun}s expire`} within ${EXPIRY_WARNING_DAYS} days: ${listWords(expiring)}.`,
      fix: `Under ${section} add a new ${noun} now and move its users over before the old one lapses.`,
      blade: 'Credentials',
    });
  }
  return out;
}
