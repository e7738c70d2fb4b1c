import type { CertificateDetails, CertificateWarning, PasswordUsed, PfxProtection } from '../../shared/certificates';
import { plural } from '../../shared/wording';

/** Certificates expiring within this many days get a warning. */
export const EXPIRING_SOON_DAYS = 30;

/** What the warnings are computed from. */
export interface WarningInput {
  certificate: CertificateDetails;
  hasPrivateKey: boolean;
  keyMatchesCertificate: boolean | null;
  protection: PfxProtection | null;
  /** Which password opened the file (a PFX only). */
  passwordUsed?: PasswordUsed;
}

const day = (iso: string): string => iso.slice(0, 10);

/** The warnings shown on the details card, most serious first. */
export function certificateWarnings(input: WarningInput): CertificateWarning[] {
  const { certificate: c, protection } = input;
  const out: CertificateWarning[] = [];
  if (c.expired) {
    out.push({
      code: 'expired',
      severity: 'error',
      message: `The certificate expired on ${day(c.notAfter)} (${plural(-c.daysLeft, 'day')} ago). Sign-ins with it fail: generate a new one and upload it to the app registration.`,
    });
  } else if (c.notYetValid) {
    out.push({
      code: 'not_yet_valid',
      severity: 'warning',
      message: `The certificate is valid only from ${day(c.notBefore)}. Check the computer's clock, or wait until then.`,
    });
  } else if (c.daysLeft < EXPIRING_SOON_DAYS) {
    out.push({
      code: 'expiring_soon',
      severity: 'warning',
      message: `The certificate expires on ${day(c.notAfter)}, in ${c.daysLeft} day${c.daysLeft === 1 ? '' : 's'}. Prepare a new one and add it to the app registration before then.`,
    });
  }
  if (!input.hasPrivateKey) {
    out.push({
      code: 'no_private_key',
      severity: 'error',
      message:
        'The file holds no private key, so it cannot be used to sign in. Use the PFX that was exported with the private key.',
    });
  } else if (input.keyMatchesCertificate === false) {
    out.push({
      code: 'key_mismatch',
      severity: 'error',
      message:
        'The private key in the file does not belong to the certificate. Sign-ins would fail: export the certificate again together with its own key.',
    });
  }
  if (c.lacksDigitalSignature) {
    out.push({
      code: 'missing_digital_signature',
      severity: 'warning',
      message: 'The key usage does not allow digital signatures, which signing in with a certificate needs.',
    });
  }
  if (c.lacksClientAuth) {
    out.push({
      code: 'missing_client_auth',
      severity: 'warning',
      message:
        'The extended key usage does not include Client Authentication (clientAuth); tools that check it refuse this certificate for app-only sign-in.',
    });
  }
  if (c.key.type === 'EC') {
    out.push({
      code: 'ec_key',
      severity: 'warning',
      message: `The key is an EC key (${c.key.curve ?? 'elliptic curve'}). Microsoft Entra documents certificate sign-in (client assertions) for RSA keys (RS256, PS256), so a connection may refuse it: use RSA 2048 unless your platform says it accepts EC keys.`,
    });
  }
  if (c.key.type === 'RSA' && c.key.size !== null && c.key.size < 2048) {
    out.push({
      code: 'weak_key',
      severity: 'warning',
      message: `The RSA key has only ${c.key.size} bits; use at least 2048.`,
    });
  }
  if (protection && protection.quirks.length > 0) {
    out.push({
      code: 'producer_quirk',
      severity: 'warning',
      message: `The file opened only with a workaround (${protection.quirks.join('; ')}). Other tools, OpenSSL among them, refuse it: export it again with a standard tool before using it elsewhere.`,
    });
  }
  if (protection && !protection.passwordProtected) {
    out.push({
      code: 'not_password_protected',
      severity: 'warning',
      message:
        'The file is not password protected: nothing is encrypted and there is no integrity check, so any password "opens" it.',
    });
  } else if (input.passwordUsed === 'empty' || input.passwordUsed === 'absent') {
    out.push({
      code: 'empty_password',
      severity: 'warning',
      message:
        'The file opened without a password: anyone who has it has the private key, and a connection page that asks for the password may refuse an empty one. Export it again with a password (Certificates → Export).',
    });
  }
  if (protection?.passwordProtected && protection.legacy && protection.legacyNote) {
    out.push({ code: 'legacy_protection', severity: 'warning', message: protection.legacyNote });
  }
  return out;
}
