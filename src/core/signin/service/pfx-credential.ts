import { createHash } from 'node:crypto';
import { openPkcs12 } from '../../certificates/pkcs12/open';
import { WorkbenchError } from '../../errors';
import type { ClientCredential } from '../msal-factory';

/** A certificate credential for msal: the PKCS#8 private key PEM and both thumbprint forms. */
export type CertificateCredential = Extract<ClientCredential, { kind: 'certificate' }>;

/** Open a PFX and build the client-assertion credential from its private key and the certificate that matches it. */
export async function credentialFromPfx(bytes: Uint8Array, password: string | null): Promise<CertificateCredential> {
  const contents = await openPkcs12(bytes, password);
  for (const { key } of contents.privateKeys) {
    const match = contents.certificates.find((c) => c.x509.checkPrivateKey(key));
    if (!match) continue;
    return {
      kind: 'certificate',
      privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
      thumbprintSha1Hex: createHash('sha1').update(match.der).digest('hex').toUpperCase(),
      thumbprintSha256Hex: createHash('sha256').update(match.der).digest('hex').toUpperCase(),
    };
  }
  throw new WorkbenchError(
    'signin.credential_missing',
    contents.privateKeys.length === 0
      ? 'The PFX holds no private key, so it cannot sign a client assertion.'
      : 'The PFX holds no certificate that matches its private key.',
    {
      hint: 'Use the .pfx exported together with its private key (the one created on the Certificates page, or exported from the certificate store with "Yes, export the private key").',
    },
  );
}
