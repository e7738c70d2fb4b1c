import { createHash, type KeyObject, type X509Certificate } from 'node:crypto';
import type { CertificateOrigin, CertificateView, PfxDetails } from '../../shared/certificates';
import type { GeneratedCertificate } from './generate';
import type { Pkcs12Contents } from './pkcs12/open';
import { certificateWarnings } from './warnings';
import { findIssuers, findLeaf, keyMatches, orderChain } from './x509/chain';
import { describeCertificate, keyInfo } from './x509/describe';

/** What main keeps to copy, export or hand a certificate to a connection (never sent to the renderer). */
export interface HeldMaterial {
  /** The PFX bytes; null for a certificate file or a new certificate before export. */
  pfx: Buffer | null;
  /** The password that opens `pfx` ('' empty, null absent). */
  password: string | null;
  certificateDer: Buffer;
  /** The other certificates of the chain, in chain order. */
  chainDer: Buffer[];
  privateKey: KeyObject | null;
}

/** Length of the one-line base64 of n bytes. */
export function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

const sha1Hex = (der: Uint8Array): string => createHash('sha1').update(der).digest('hex').toUpperCase();

/** The view of an opened PFX, and the DER/key behind "the" certificate so it can be exported again. */
export function pfxView(
  contents: Pkcs12Contents,
  details: PfxDetails,
  held: { pfx: Buffer; password: string | null; origin: CertificateOrigin },
): HeldMaterial & { view: CertificateView } {
  const byThumbprint = new Map(contents.certificates.map((c) => [sha1Hex(c.der), c]));
  const chosen = byThumbprint.get(details.certificate.thumbprintSha1)!;
  const chainDer = details.chain
    .slice(1)
    .map((c) => byThumbprint.get(c.thumbprintSha1)?.der)
    .filter((d): d is Buffer => d !== undefined);
  const key = contents.privateKeys.find((k) => keyMatches(chosen.x509, k.key)) ?? contents.privateKeys[0];
  const {
    certificate,
    chain,
    hasPrivateKey,
    keyMatchesCertificate,
    privateKey,
    privateKeyCount,
    protection,
    passwordUsed,
    warnings,
    fileSize,
  } = details;
  return {
    pfx: held.pfx,
    password: held.password,
    certificateDer: chosen.der,
    chainDer,
    privateKey: key?.key ?? null,
    view: {
      origin: held.origin,
      certificate,
      chain,
      hasPrivateKey,
      keyMatchesCertificate,
      privateKey,
      privateKeyCount,
      protection,
      passwordUsed,
      warnings,
      pfxSize: fileSize,
      base64Length: base64Length(fileSize),
    },
  };
}

/** The view of public certificates (.cer/.pem/.crt): the chain they form, and no private key. */
export function certificatesView(
  certificates: X509Certificate[],
  options: { now?: Date; origin: CertificateOrigin },
): HeldMaterial & { view: CertificateView } {
  const issuers = findIssuers(certificates);
  const leaf = findLeaf(certificates, issuers);
  const chain = orderChain(
    certificates.map((c) => describeCertificate(c, { now: options.now })),
    issuers,
    leaf,
  );
  const byThumbprint = new Map(certificates.map((c) => [sha1Hex(c.raw), c.raw]));
  const certificate = chain[0]!;
  return {
    pfx: null,
    password: null,
    certificateDer: certificates[leaf]!.raw,
    chainDer: chain.slice(1).map((c) => byThumbprint.get(c.thumbprintSha1)!),
    privateKey: null,
    view: {
      origin: options.origin,
      certificate,
      chain,
      hasPrivateKey: false,
      keyMatchesCertificate: null,
      privateKey: null,
      privateKeyCount: 0,
      protection: null,
      passwordUsed: null,
      warnings: certificateWarnings({
        certificate,
        hasPrivateKey: false,
        keyMatchesCertificate: null,
        protection: null,
      }),
      pfxSize: null,
      base64Length: null,
    },
  };
}

/** The view of a certificate generated in this session, before it is exported (no PFX yet). */
export function generatedView(generated: GeneratedCertificate): HeldMaterial & { view: CertificateView } {
  const certificate = generated.details;
  return {
    pfx: null,
    password: null,
    certificateDer: generated.certificateDer,
    chainDer: [],
    privateKey: generated.privateKey,
    view: {
      origin: 'generated',
      certificate,
      chain: [{ ...certificate, index: 0, issuedByIndex: 0, role: 'leaf' }],
      hasPrivateKey: true,
      keyMatchesCertificate: true,
      privateKey: keyInfo(generated.privateKey),
      privateKeyCount: 1,
      protection: null,
      passwordUsed: null,
      warnings: certificateWarnings({
        certificate,
        hasPrivateKey: true,
        keyMatchesCertificate: true,
        protection: null,
      }),
      pfxSize: null,
      base64Length: null,
    },
  };
}
