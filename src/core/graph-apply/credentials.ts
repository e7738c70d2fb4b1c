import type { KeyCredential, PasswordCredential } from '@microsoft/microsoft-graph-types';
import type { VerifyCertificate } from '../registration/verify-target';

/** A certificate to register: the DER (public part only) and its facts. */
export interface CertificateToRegister {
  certificate: VerifyCertificate;
  subject: string;
}

/** The display name the Workbench gives the credentials it adds, so the admin center shows where they came from. */
export const CREDENTIAL_NAME = 'Graph Connection Workbench';

/** A keyCredential for sign-in with a certificate: AsymmetricX509Cert, Verify, the certificate's base64 DER and its validity. */
export function keyCredentialFor(c: CertificateToRegister): KeyCredential {
  return {
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
    key: c.certificate.derBase64,
    displayName: (c.subject || CREDENTIAL_NAME).slice(0, 90),
    startDateTime: c.certificate.notBefore || null,
    endDateTime: c.certificate.notAfter || null,
  };
}

/** The addPassword body: a display name and the end date (months from now). */
export function addPasswordBody(months: number, now: Date): { passwordCredential: PasswordCredential } {
  const end = new Date(now.getTime());
  end.setUTCMonth(end.getUTCMonth() + months);
  return {
    passwordCredential: {
      displayName: `${CREDENTIAL_NAME} ${now.toISOString().slice(0, 10)}`,
      endDateTime: end.toISOString(),
    },
  };
}

/** Secrets last at most 24 months (Microsoft's admin center offers up to 24); 6 by default. */
export const SECRET_MONTHS = { min: 1, max: 24, default: 6 } as const;

/** A short label for a certificate in diffs: its subject and SHA-1 thumbprint. */
export function certificateLabel(c: CertificateToRegister): string {
  return `${c.subject || 'certificate'} (SHA-1 ${c.certificate.thumbprintSha1})`;
}
