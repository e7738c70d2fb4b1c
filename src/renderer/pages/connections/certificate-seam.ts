import type { CertificateRef } from '../../../shared/connections';

/** What the form knows when the admin picks or pastes a PFX. */
export interface ChosenCertificate {
  /** The PFX as base64; it travels to main only, to be read there (never parsed in the renderer). */
  pfxBase64: string;
  password: string;
  fileName: string | null;
}

/**
 * The seam the Certificates feature fills: given the chosen PFX, return its facts (thumbprints, subject, notAfter,
 * file name), read in main, or null when they cannot be read yet (e.g. the password is still missing).
 */
export type CertificateChosenHandler = (chosen: ChosenCertificate) => Promise<CertificateRef | null>;

/**
 * Until the Certificates feature is wired in: remember which file was chosen, with no facts. The profile then
 * counts as having a certificate; thumbprint, subject and expiry stay empty until the PFX is read in main.
 */
export const recordFileNameOnly: CertificateChosenHandler = async ({ fileName }) => ({
  thumbprintSha1: '',
  thumbprintSha256: '',
  subject: '',
  notAfter: '',
  fileName,
});
