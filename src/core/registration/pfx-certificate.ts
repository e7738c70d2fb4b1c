import { createHash } from 'node:crypto';
import type { PfxDetails } from '../../shared/certificates';
import { describePkcs12 } from '../certificates/inspect';
import { openPkcs12 } from '../certificates/pkcs12/open';
import type { VerifyCertificate } from './verify-target';

/** A PFX's certificate for the verifier, with the facts a report may show (never the key, the bytes or the password). */
export interface PfxForVerify {
  certificate: VerifyCertificate;
  subject: string;
  details: PfxDetails;
}

/**
 * Open a PFX and take "its" certificate (the one the private key belongs to, else the leaf) for the verifier:
 * DER, thumbprints, validity and whether the key matches. Throws the certificates' `pfx.*` WorkbenchErrors.
 */
export async function certificateFromPfx(
  bytes: Uint8Array,
  password: string | null | undefined,
  options: { now?: Date } = {},
): Promise<PfxForVerify> {
  const contents = await openPkcs12(bytes, password);
  const details = describePkcs12(contents, options);
  const wanted = details.certificate.thumbprintSha1;
  const der =
    contents.certificates
      .map((c) => c.der)
      .find((d) => createHash('sha1').update(d).digest('hex').toUpperCase() === wanted) ??
    contents.certificates[0]?.der;
  return {
    certificate: {
      derBase64: der ? Buffer.from(der).toString('base64') : '',
      thumbprintSha1: details.certificate.thumbprintSha1,
      thumbprintSha256: details.certificate.thumbprintSha256,
      notBefore: details.certificate.notBefore,
      notAfter: details.certificate.notAfter,
      keyMatchesCertificate: details.keyMatchesCertificate,
    },
    subject: details.certificate.subject,
    details,
  };
}
