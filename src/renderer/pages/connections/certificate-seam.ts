import type { CertificateWarning } from '../../../shared/certificates';
import type { CertificateRef } from '../../../shared/connections';
import { workbench } from '../../lib/workbench';

/** What the form knows when the admin picks or pastes a PFX. */
export interface ChosenCertificate {
  /** The PFX as base64; it travels to main only, to be read there (never parsed in the renderer). */
  pfxBase64: string;
  password: string;
  fileName: string | null;
}

/** What main read from a chosen PFX: the facts the profile keeps, and its warnings (legacy protection, no password, EC key, …). */
export interface ReadCertificate {
  certificate: CertificateRef;
  warnings: CertificateWarning[];
}

/**
 * The seam the Certificates feature fills: given the chosen PFX, return its facts (thumbprints, subject, notAfter,
 * file name) and warnings, read in main, or null when they cannot be read yet (e.g. the password is still missing).
 */
export type CertificateChosenHandler = (chosen: ChosenCertificate) => Promise<ReadCertificate | null>;

/**
 * Read the chosen PFX in main (the Certificates feature) and keep only its facts; main forgets the bytes at once,
 * since the form stores them when the profile is saved. Null while the password is still missing or wrong.
 */
export const readCertificateInMain: CertificateChosenHandler = async ({ pfxBase64, password, fileName }) => {
  const opened = await workbench().certificates.inspect({
    fileName: fileName ?? 'pasted.pfx',
    bytesBase64: pfxBase64,
    password: password === '' ? null : password,
    tryEmptyAndAbsent: true,
  });
  if (!opened.ok) return null;
  void workbench().certificates.discard({ ref: opened.value.ref });
  const c = opened.value.details.certificate;
  return {
    certificate: {
      thumbprintSha1: c.thumbprintSha1,
      thumbprintSha256: c.thumbprintSha256,
      subject: c.subject,
      notAfter: c.notAfter,
      fileName,
    },
    warnings: opened.value.details.warnings,
  };
};
