import type { RegisteredPasswordCredential } from '../../../shared/registration';
import type { FindingDraft } from '../findings';
import { credentialName } from '../normalize-common';
import { day, daysUntil, differByMoreThanADay, EXPIRY_WARNING_DAYS, type Check } from './check-context';

const newSecretSteps =
  'Under Client secrets select New client secret, enter a description and an expiry, then Add; copy the Value column (not the Secret ID) at once into the connection.';

/** Client secret: one exists, its hint matches the stored secret, and it has not expired. */
export const checkSecrets: Check = ({ app, target, now }) => {
  if (target.auth !== 'client-credentials' && target.auth !== 'byo-app') return [];
  // A template gets its secret when the toolkit provisions it; a trimmed copy may just not show them (its note says so).
  if (app.template || app.notInFile.includes('passwordCredentials')) return [];
  const creds = app.passwordCredentials;
  if (creds.length === 0) {
    return [
      {
        code: 'secret.none_registered',
        message:
          'The connection signs in with a client secret, but the app has no client secret registered (AADSTS7000215).',
        fix: newSecretSteps,
        blade: 'Credentials',
      },
    ];
  }
  const out: FindingDraft[] = [];
  const named = creds.map((c, i) => ({ c, name: credentialName(c.displayName, c.keyId, i) }));
  let used = named;
  const first = target.secretFirstChars?.slice(0, 3) ?? null;
  if (first) {
    const withHint = named.filter(({ c }) => c.hint);
    if (withHint.length === 0) {
      out.push({
        code: 'secret.hint_unavailable',
        message:
          'This manifest shows no hints (first three characters) for its client secrets — the older format leaves them out — so which secret the connection holds cannot be checked.',
        fix: 'Compare the Value column under Client secrets (it shows the first three characters) with the secret stored in the connection.',
        blade: 'Credentials',
      });
    } else {
      const matching = withHint.filter(({ c }) => c.hint === first);
      if (matching.length === 0) {
        const secretIdSlip = creds.some((c) => c.keyId?.toLowerCase().startsWith(first.toLowerCase()));
        out.push({
          code: 'secret.hint_mismatch',
          message: `The stored client secret does not start like any registered secret (hints: ${withHint.map(({ c, name }) => `“${c.hint ?? ''}” for ${name}`).join(', ')}). Sign-in fails with AADSTS7000215.${secretIdSlip ? ' It starts like a Secret ID: the connection probably holds the secret’s ID instead of its Value.' : ''}`,
          fix: `${newSecretSteps} Secret values cannot be shown again after creation.`,
          blade: 'Credentials',
        });
      } else {
        used = matching;
      }
    }
  }
  const latest = [...used].sort(
    (a, b) => (Date.parse(b.c.endDateTime ?? '') || 0) - (Date.parse(a.c.endDateTime ?? '') || 0),
  )[0];
  if (!latest || !latest.c.endDateTime) return out;
  const identified = used !== named || named.length === 1;
  const subject = identified ? `The client secret ${latest.name}` : `The newest client secret, ${latest.name},`;
  const left = daysUntil(latest.c.endDateTime, now);
  if (left !== null && left < 0) {
    out.push({
      code: 'secret.expired',
      message: `${subject} expired on ${day(latest.c.endDateTime)}; sign-in fails with AADSTS7000222.`,
      fix: newSecretSteps,
      blade: 'Credentials',
    });
  } else if (left !== null && left <= EXPIRY_WARNING_DAYS) {
    out.push({
      code: 'secret.expiring',
      message: `${subject} expires on ${day(latest.c.endDateTime)}, in ${left} day${left === 1 ? '' : 's'}.`,
      fix: `${newSecretSteps} Delete the old secret once the connection works with the new one.`,
      blade: 'Credentials',
    });
  }
  out.push(...expiryReminder(latest.c, latest.name, identified, target.secretExpiresAt ?? null));
  return out;
};

function expiryReminder(
  c: RegisteredPasswordCredential,
  name: string,
  identified: boolean,
  profileExpiry: string | null,
): FindingDraft[] {
  if (!identified || !profileExpiry || !c.endDateTime || !differByMoreThanADay(profileExpiry, c.endDateTime)) return [];
  return [
    {
      code: 'secret.expiry_differs',
      message: `The profile expects its secret to expire on ${day(profileExpiry)}, but ${name} expires on ${day(c.endDateTime)}; the expiry reminder will come at the wrong time.`,
      fix: `Check the Expires column under Client secrets, then set the profile’s secret expiry to ${day(c.endDateTime)}.`,
      blade: 'Credentials',
    },
  ];
}
