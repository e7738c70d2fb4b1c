import type { ProfileFinding } from '../../../shared/connections';
import { expiryStatus, formatDate, parseExpiry } from '../expiry';
import { isGuid } from '../formats';
import { finding, type Rule } from './types';

/** The certificate, the client secret and the expiry dates. */
export const secretRules: Rule[] = [
  ({ profile, secret }) => {
    if (profile.auth !== 'certificate') return [];
    const out: ProfileFinding[] = [];
    if (profile.certificate === null) {
      out.push(
        finding(
          'certificate.missing',
          'error',
          'certificate',
          'Choose the certificate: create one on the Certificates page or pick a .pfx file. Its PFX is kept in the secret vault, never in the profile.',
        ),
      );
    } else if (secret('pfx') === 'absent') {
      out.push(
        finding(
          'certificate.missing',
          'error',
          'secrets.pfx',
          'The certificate’s PFX is not stored on this computer. Pick the .pfx file again.',
        ),
      );
    }
    if (secret('pfxPassword') === 'absent') {
      out.push(
        finding(
          'certificate.password_missing',
          'warning',
          'secrets.pfxPassword',
          'No certificate password is stored. The connection page asks for the PFX password; enter it here unless the PFX really has none.',
        ),
      );
    }
    return out;
  },

  ({ profile, now }) => {
    if (profile.auth !== 'certificate' || !profile.certificate) return [];
    const notAfter = parseExpiry(profile.certificate.notAfter);
    if (!notAfter) return [];
    const { status, daysLeft } = expiryStatus(notAfter, now);
    if (status === 'expired') {
      return [
        finding(
          'certificate.expired',
          'error',
          'certificate.notAfter',
          `The certificate expired on ${formatDate(notAfter)}. Create a new one, upload its public part to the app registration (Certificates & secrets) and choose it here.`,
        ),
      ];
    }
    if (status !== 'ok') {
      return [
        finding(
          'certificate.expires_soon',
          'warning',
          'certificate.notAfter',
          `The certificate expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${formatDate(notAfter)}). Plan a new one and upload it to the app registration before then.`,
        ),
      ];
    }
    return [];
  },

  ({ profile, secret, secretInput }) => {
    if (profile.auth === 'certificate') return [];
    const out: ProfileFinding[] = [];
    if (secret('clientSecret') === 'absent') {
      out.push(
        finding(
          'client_secret.missing',
          'error',
          'secrets.clientSecret',
          'Enter the client secret’s Value: Microsoft Entra shows it once, right after you create the secret under Certificates & secrets.',
        ),
      );
    }
    const value = secretInput('clientSecret');
    if (value !== undefined && value !== '') {
      if (isGuid(value)) {
        out.push(
          finding(
            'client_secret.looks_like_secret_id',
            'warning',
            'secrets.clientSecret',
            'This looks like the secret’s ID (a GUID), not its value. Certificates & secrets shows both; the connection needs the Value column, shown only right after the secret is created. The Secret ID fails with AADSTS7000215 (invalid client secret).',
          ),
        );
      }
      if (value !== value.trim()) {
        out.push(
          finding(
            'client_secret.whitespace',
            'warning',
            'secrets.clientSecret',
            'The client secret starts or ends with a space or line break, most likely a copy slip: Microsoft Entra secrets never do. Remove it.',
          ),
        );
      }
    }
    return out;
  },

  ({ profile, now }) => {
    if (profile.secretExpiresAt === null || profile.secretExpiresAt.trim() === '') return [];
    const expires = parseExpiry(profile.secretExpiresAt);
    if (!expires) {
      return [
        finding(
          'secret_expiry.invalid',
          'error',
          'secretExpiresAt',
          'Enter the secret’s expiry date as YYYY-MM-DD, e.g. 2027-03-31 (the Expires column under Certificates & secrets).',
        ),
      ];
    }
    const what =
      profile.auth === 'certificate' ? 'The secret expiry date you set for this profile' : 'The client secret';
    const { status, daysLeft } = expiryStatus(expires, now);
    if (status === 'expired') {
      const fix =
        profile.auth === 'certificate'
          ? 'Renew the credential and update the date.'
          : 'Create a new secret under Certificates & secrets (the old one fails with AADSTS7000222) and enter it here.';
      return [
        finding(
          'secret_expiry.expired',
          'error',
          'secretExpiresAt',
          `${what} expired on ${formatDate(expires)}. ${fix}`,
        ),
      ];
    }
    if (status !== 'ok') {
      return [
        finding(
          'secret_expiry.soon',
          'warning',
          'secretExpiresAt',
          `${what} expires in ${daysLeft} day${daysLeft === 1 ? '' : 's'} (${formatDate(expires)}). Create the next one before then and update the connection.`,
        ),
      ];
    }
    return [];
  },
];
