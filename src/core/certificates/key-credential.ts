import { createHash, randomUUID, type X509Certificate } from 'node:crypto';
import type { KeyCredentialEntry } from '../../shared/certificates';
import { toBase64 } from './base64';
import { describeCertificate, loadCertificate } from './x509/describe';

/** How customKeyIdentifier is written: 'hex' (default) or 'base64' of the 20 SHA-1 bytes. */
export type CustomKeyIdentifierEncoding = 'hex' | 'base64';

/** Options for buildKeyCredential. */
export interface KeyCredentialOptions {
  /** Default: the certificate's subject, as the Entra admin center shows uploaded certificates. */
  displayName?: string;
  /** Default a new random GUID: each entry in keyCredentials needs its own keyId. */
  keyId?: string;
  customKeyIdentifierEncoding?: CustomKeyIdentifierEncoding;
}

const isoSeconds = (iso: string): string => iso.replace(/\.\d{3}Z$/, 'Z');

/**
 * A `keyCredentials` entry for the app manifest (Microsoft Graph format). customKeyIdentifier is the SHA-1
 * thumbprint as uppercase hex, because that is what Microsoft Graph itself stores and returns for certificates
 * uploaded in the Entra admin center or added without one (observed in Graph v1.0 and AAD Graph responses, and
 * what the Graph how-to "add a certificate" sends). The older manual-edit docs show base64 of the 20 hash
 * bytes instead; pass `customKeyIdentifierEncoding: 'base64'` for that form. Both identify the same thumbprint.
 */
export function buildKeyCredential(
  certificate: Uint8Array | X509Certificate,
  options: KeyCredentialOptions = {},
): KeyCredentialEntry {
  const x509 = certificate instanceof Uint8Array ? loadCertificate(certificate) : certificate;
  const details = describeCertificate(x509);
  const sha1 = createHash('sha1').update(x509.raw).digest();
  return {
    customKeyIdentifier:
      options.customKeyIdentifierEncoding === 'base64' ? sha1.toString('base64') : details.thumbprintSha1,
    displayName: options.displayName ?? details.subject,
    endDateTime: isoSeconds(details.notAfter),
    key: toBase64(x509.raw),
    keyId: options.keyId ?? randomUUID(),
    startDateTime: isoSeconds(details.notBefore),
    type: 'AsymmetricX509Cert',
    usage: 'Verify',
  };
}

/** PEM text of a DER certificate (64-character lines). */
export function certificateToPem(der: Uint8Array): string {
  const body = toBase64(der)
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}
