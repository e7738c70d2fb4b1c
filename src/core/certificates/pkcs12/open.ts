import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import type { PasswordUsed, PfxProtection } from '../../../shared/certificates';
import { childAt, expectConstructed, parseAsn1, readOid, Tag } from '../asn1/reader';
import { OID } from '../asn1/oids';
import { asPfxError, corruptError, MAX_PFX_BYTES, notPkcs12Error, passwordRequired, tooLargeError, unsupportedAlgorithm, wrongPassword } from '../errors';
import { sniff } from '../sniff';
import { type Candidate, candidatesFor, type Decrypted, decryptAll, PartlyDecrypted, settle, type Settled } from './decrypt-all';
import { DecryptionFailed } from './legacy-ciphers';
import { verifyMac } from './mac';
import { describeProtection } from './protection';
import { emptyBags, type ParsedPfx, parsePfx, parseSafeContents } from './structure';

/** A certificate from a PFX with its bag attributes. */
export interface Pkcs12Certificate {
  der: Buffer;
  x509: X509Certificate;
  friendlyName: string | null;
  localKeyId: Buffer | null;
}

/** A private key from a PFX with its bag attributes. */
export interface Pkcs12PrivateKey {
  key: KeyObject;
  friendlyName: string | null;
  localKeyId: Buffer | null;
}

/** Everything a PFX holds, decrypted, plus how it was protected and which password opened it. */
export interface Pkcs12Contents {
  certificates: Pkcs12Certificate[];
  privateKeys: Pkcs12PrivateKey[];
  protection: PfxProtection;
  passwordUsed: PasswordUsed;
  fileSize: number;
}

/** Options for openPkcs12. */
export interface OpenPkcs12Options {
  /** Refuse larger input (default 10 MB). */
  maxBytes?: number;
}

/**
 * Open a PKCS#12 (.pfx/.p12) file with Node's crypto. With no password (null, undefined or '') both an empty and an
 * absent password are tried, as OpenSSL does. Every failure is a WorkbenchError with a `pfx.*` code.
 */
export async function openPkcs12(bytes: Uint8Array, password: string | null | undefined, options: OpenPkcs12Options = {}): Promise<Pkcs12Contents> {
  try {
    return await openChecked(bytes, password, options);
  } catch (error) {
    throw asPfxError(error, 'PFX file');
  }
}

async function openChecked(bytes: Uint8Array, password: string | null | undefined, options: OpenPkcs12Options): Promise<Pkcs12Contents> {
  const maxBytes = options.maxBytes ?? MAX_PFX_BYTES;
  if (bytes.length > maxBytes) throw tooLargeError(bytes.length, maxBytes);
  const found = sniff(bytes);
  if (found.kind !== 'pkcs12') throw notPkcs12Error(found);
  const pfx = parsePfx(bytes);
  const plain = emptyBags();
  for (const item of pfx.items) if (item.kind === 'data') parseSafeContents(item.safeContents, plain, null);
  const hasEncryption = pfx.items.some((i) => i.kind === 'encrypted') || plain.shroudedKeys.length > 0;
  const candidates = candidatesFor(password);
  const given = candidates[0]!.used === 'given';

  let chosen: Candidate | undefined;
  let result: Settled<Decrypted> | undefined;
  if (pfx.macData) {
    const mac = pfx.macData;
    // The MAC key chain is the longest task, so it starts first; the bags decrypt meanwhile (PBKDF2 on libuv's
    // pool), so a right password costs one round of key derivation, not two.
    const firstMac = settle(verifyMac(mac, candidates[0]!.forms, pfx.authSafe));
    const speculative = given ? settle(decryptAll(pfx, plain, candidates[0]!.forms)) : undefined;
    for (const [i, candidate] of candidates.entries()) {
      const verdict = i === 0 ? await firstMac : await settle(verifyMac(mac, candidate.forms, pfx.authSafe));
      if (!verdict.ok) throw verdict.error;
      if (verdict.value) {
        chosen = candidate;
        break;
      }
    }
    if (!chosen) {
      const probe = await (speculative ?? settle(decryptAll(pfx, plain, candidates[0]!.forms)));
      const decryptsSomething = probe.ok ? hasEncryption : probe.error instanceof PartlyDecrypted && probe.error.decrypted > 0;
      if (decryptsSomething) {
        throw corruptError("The file's integrity check (MAC) fails although the password decrypts its contents: the file was changed or damaged after it was made.");
      }
      throw given ? wrongPassword('mac') : passwordRequired('mac');
    }
    result = chosen === candidates[0] && speculative ? await speculative : await settle(decryptAll(pfx, plain, chosen.forms));
    if (!result.ok) {
      const error = result.error instanceof PartlyDecrypted ? result.error.first : result.error;
      if (error instanceof DecryptionFailed) {
        if (error.message.includes('does not parse')) throw corruptError('The integrity check passes, but the decrypted contents are damaged.', error);
        throw wrongPassword('decryption');
      }
      throw error;
    }
  } else {
    let partly = false;
    for (const candidate of candidates) {
      const attempt = await settle(decryptAll(pfx, plain, candidate.forms));
      if (attempt.ok) {
        chosen = candidate;
        result = attempt;
        break;
      }
      const error = attempt.error instanceof PartlyDecrypted ? attempt.error.first : attempt.error;
      if (!(error instanceof DecryptionFailed)) throw error;
      if (attempt.error instanceof PartlyDecrypted && attempt.error.decrypted > 0) partly = true;
    }
    // Without a MAC, a part that decrypts while another does not means damage, not a wrong password.
    if (!chosen && partly) throw corruptError('Part of the file decrypts with this password and part does not: the file is damaged.');
    if (!chosen || !result?.ok) throw given ? wrongPassword('decryption') : passwordRequired('decryption');
  }
  return buildContents(result.value, pfx, bytes.length, hasEncryption || pfx.macData ? chosen.used : 'not-needed');
}

function buildContents(decrypted: Decrypted, pfx: ParsedPfx, fileSize: number, passwordUsed: PasswordUsed): Pkcs12Contents {
  const certificates = decrypted.certificates.map((bag, i) => {
    let x509: X509Certificate;
    try {
      x509 = new X509Certificate(bag.der);
    } catch (error) {
      throw corruptError(`Certificate ${i + 1} in the file is damaged and cannot be read.`, error);
    }
    return { der: bag.der, x509, friendlyName: bag.friendlyName, localKeyId: bag.localKeyId };
  });
  const privateKeys = decrypted.keys.map((bag) => ({ key: importKey(bag.pkcs8), friendlyName: bag.friendlyName, localKeyId: bag.localKeyId }));
  const encryptedItems = pfx.items.flatMap((i) => (i.kind === 'encrypted' ? [i.scheme] : []));
  const protection = describeProtection({
    mac: pfx.macData,
    certificateEncryption: decrypted.certificates.length > 0 ? decrypted.certificates.map((c) => c.container) : encryptedItems,
    keyEncryption: decrypted.keys.map((k) => k.encryption),
  });
  return { certificates, privateKeys, protection, passwordUsed, fileSize };
}

const KEY_ALGORITHMS: string[] = [OID.rsaEncryption, OID.rsassaPss, OID.ecPublicKey, OID.ed25519, OID.ed448, OID.dsa];

function importKey(pkcs8: Buffer): KeyObject {
  let algorithmOid: string;
  try {
    const info = expectConstructed(parseAsn1(pkcs8), Tag.SEQUENCE, 'PrivateKeyInfo');
    algorithmOid = readOid(childAt(expectConstructed(childAt(info, 1, 'key algorithm'), Tag.SEQUENCE, 'key algorithm'), 0, 'key algorithm OID'));
  } catch (error) {
    throw corruptError('The private key in the file is damaged and cannot be read.', error);
  }
  if (!KEY_ALGORITHMS.includes(algorithmOid)) throw unsupportedAlgorithm(algorithmOid, 'the private key');
  try {
    return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  } catch (error) {
    throw corruptError('The private key in the file is damaged or uses parameters this app cannot read.', error);
  }
}
