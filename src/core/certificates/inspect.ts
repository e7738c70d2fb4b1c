import type { PfxDetails, SniffResult } from '../../shared/certificates';
import { WorkbenchError } from '../errors';
import { decodePastedBase64 } from './base64';
import { notPkcs12Error } from './errors';
import { openPkcs12, type OpenPkcs12Options, type Pkcs12Contents } from './pkcs12/open';
import { sniff } from './sniff';
import { findIssuers, findLeaf, keyMatches, orderChain } from './x509/chain';
import { describeCertificate, keyInfo } from './x509/describe';
import { certificateWarnings } from './warnings';

/** Options for the details: `now` fixes the clock for days-left and expiry. */
export interface DetailsOptions {
  now?: Date;
}

/**
 * Details of an opened PFX. "The" certificate is the one the private key belongs to (by key, then by
 * localKeyId), else the leaf of the chain. No certificate at all -> pfx.no_certificate.
 */
export function describePkcs12(contents: Pkcs12Contents, options: DetailsOptions = {}): PfxDetails {
  const { certificates, privateKeys } = contents;
  if (certificates.length === 0) {
    throw new WorkbenchError(
      'pfx.no_certificate',
      privateKeys.length > 0
        ? 'The file opened, but it holds only a private key and no certificate.'
        : 'The file opened, but it holds no certificate.',
      {
        hint: 'Export the certificate again and include the certificate itself (and its private key).',
        details: { privateKeys: privateKeys.length },
      },
    );
  }
  const x509s = certificates.map((c) => c.x509);
  const issuers = findIssuers(x509s);
  let chosen = -1;
  let matchingKey = -1;
  for (let k = 0; k < privateKeys.length && chosen < 0; k++) {
    const i = x509s.findIndex((cert) => keyMatches(cert, privateKeys[k]!.key));
    if (i >= 0) [chosen, matchingKey] = [i, k];
  }
  if (chosen < 0) {
    chosen = certificates.findIndex(
      (c) => c.localKeyId !== null && privateKeys.some((k) => k.localKeyId?.equals(c.localKeyId!)),
    );
  }
  if (chosen < 0) chosen = findLeaf(x509s, issuers);
  const details = certificates.map((c) =>
    describeCertificate(c.x509, { now: options.now, friendlyName: c.friendlyName, localKeyId: c.localKeyId }),
  );
  const chain = orderChain(details, issuers, chosen);
  const certificate = chain[0]!;
  const hasPrivateKey = privateKeys.length > 0;
  const keyMatchesCertificate = hasPrivateKey ? matchingKey >= 0 : null;
  const key = privateKeys[Math.max(0, matchingKey)];
  return {
    certificate,
    certificateIndex: 0,
    hasPrivateKey,
    keyMatchesCertificate,
    privateKey: key ? keyInfo(key.key) : null,
    chain,
    privateKeyCount: privateKeys.length,
    protection: contents.protection,
    passwordUsed: contents.passwordUsed,
    warnings: certificateWarnings({
      certificate,
      hasPrivateKey,
      keyMatchesCertificate,
      protection: contents.protection,
      passwordUsed: contents.passwordUsed,
    }),
    fileSize: contents.fileSize,
  };
}

/** Open a PFX and describe it. */
export async function inspectPkcs12(
  bytes: Uint8Array,
  password: string | null | undefined,
  options: OpenPkcs12Options & DetailsOptions = {},
): Promise<PfxDetails> {
  return describePkcs12(await openPkcs12(bytes, password, options), options);
}

/** Decode pasted base64 and say what it is, without opening it. PEM text is recognised as such. */
export function decodeBase64Input(text: string): { bytes: Buffer; found: SniffResult } {
  if (/-----BEGIN [A-Z0-9 #]+-----/.test(text)) {
    const bytes = Buffer.from(text, 'utf8');
    return { bytes, found: sniff(bytes) };
  }
  const bytes = decodePastedBase64(text);
  return { bytes, found: sniff(bytes) };
}

/** Pasted base64 -> bytes -> sniff -> open: lets an admin check what was pasted into a connection. */
export async function inspectBase64(
  text: string,
  password: string | null | undefined,
  options: OpenPkcs12Options & DetailsOptions = {},
): Promise<PfxDetails> {
  const { bytes, found } = decodeBase64Input(text);
  if (found.kind !== 'pkcs12') throw notPkcs12Error(found);
  return inspectPkcs12(bytes, password, options);
}
