import {
  type Asn1Node,
  Asn1Error,
  childAt,
  decodeBmp,
  expectConstructed,
  isContext,
  isUniversal,
  parseAsn1,
  readBigInt,
  readOctets,
  readOid,
  Tag,
} from '../asn1/reader';
import { OID } from '../asn1/oids';
import { unsafeMac, unsupportedAlgorithm } from '../errors';
import {
  checkIterations,
  DIGESTS,
  HMAC_HASHES,
  type EncryptionScheme,
  parseEncryptionScheme,
  parseKdf,
  type Pbes2Kdf,
} from './algorithms';
import { MAX_BAGS } from './budget';
import type { HashName } from './kdf';
import { tooManyBags } from './plan';

/** Shortest PBMAC1 key accepted (RFC 9579 section 4). */
export const MIN_PBMAC1_KEY_BYTES = 20;

/** The MAC of a PFX: classic HMAC with a PKCS#12-KDF key, or PBMAC1 (RFC 9579) with a PBKDF2 key. */
export type PfxMacData =
  | { kind: 'hmac'; oid: string; hash: HashName; expected: Uint8Array; salt: Uint8Array; iterations: number }
  | {
      kind: 'pbmac1';
      oid: string;
      hash: HashName;
      expected: Uint8Array;
      salt: Uint8Array;
      iterations: number;
      kdf: Extract<Pbes2Kdf, { kind: 'pbkdf2' }>;
    };

/** One ContentInfo of the AuthenticatedSafe. */
export type AuthSafeItem =
  { kind: 'data'; safeContents: Uint8Array } | { kind: 'encrypted'; scheme: EncryptionScheme; ciphertext: Uint8Array };

/** The outer PFX: what the MAC covers, the MAC, and the content items. */
export interface ParsedPfx {
  macData: PfxMacData | null;
  authSafe: Uint8Array;
  items: AuthSafeItem[];
}

/** Parse PFX ::= SEQUENCE { version 3, authSafe ContentInfo, macData MacData OPTIONAL }. */
export function parsePfx(bytes: Uint8Array): ParsedPfx {
  // Some exporters leave padding after the PFX; OpenSSL ignores it too.
  const root = expectConstructed(parseAsn1(bytes, { allowTrailing: true }), Tag.SEQUENCE, 'PFX');
  const version = readBigInt(childAt(root, 0, 'PFX version'), 'PFX version');
  if (version !== 3n) throw new Asn1Error(`PFX version ${version} (expected 3)`);
  const contentInfo = expectConstructed(childAt(root, 1, 'PFX content'), Tag.SEQUENCE, 'PFX content');
  const contentType = readOid(childAt(contentInfo, 0, 'PFX content type'));
  if (contentType !== OID.data) throw unsupportedAlgorithm(contentType, 'the integrity mode');
  const authSafe = explicitOctets(contentInfo.children[1], 'PFX content');
  const macData = root.children[2] ? parseMacData(root.children[2]) : null;
  const safe = expectConstructed(parseAsn1(authSafe), Tag.SEQUENCE, 'AuthenticatedSafe');
  if (safe.children.length > MAX_BAGS) throw tooManyBags(safe.children.length);
  return { macData, authSafe, items: safe.children.map(parseContentInfo) };
}

/** [0] EXPLICIT OCTET STRING, as PKCS#7 data content carries it. */
function explicitOctets(node: Asn1Node | undefined, what: string): Uint8Array {
  if (!isContext(node, 0) || !node.constructed) throw new Asn1Error(`${what}: expected [0] content`);
  return readOctets(childAt(node, 0, what), what);
}

function parseContentInfo(node: Asn1Node): AuthSafeItem {
  const info = expectConstructed(node, Tag.SEQUENCE, 'ContentInfo');
  const type = readOid(childAt(info, 0, 'ContentInfo type'));
  if (type === OID.data) return { kind: 'data', safeContents: explicitOctets(info.children[1], 'data content') };
  if (type !== OID.encryptedData) throw unsupportedAlgorithm(type, 'a part of the file');
  const wrapper = info.children[1];
  if (!isContext(wrapper, 0) || !wrapper.constructed) throw new Asn1Error('encryptedData: expected [0] content');
  // EncryptedData ::= SEQUENCE { version, EncryptedContentInfo { contentType, algorithm, [0] IMPLICIT encryptedContent } }
  const encryptedData = expectConstructed(childAt(wrapper, 0, 'EncryptedData'), Tag.SEQUENCE, 'EncryptedData');
  const eci = expectConstructed(
    childAt(encryptedData, 1, 'EncryptedContentInfo'),
    Tag.SEQUENCE,
    'EncryptedContentInfo',
  );
  const scheme = parseEncryptionScheme(childAt(eci, 1, 'content encryption algorithm'), 'the certificates');
  const content = eci.children[2];
  if (!isContext(content, 0)) return { kind: 'encrypted', scheme, ciphertext: new Uint8Array(0) };
  return { kind: 'encrypted', scheme, ciphertext: readOctets(content, 'encrypted content', true) };
}

function parseMacData(node: Asn1Node): PfxMacData {
  const mac = expectConstructed(node, Tag.SEQUENCE, 'MacData');
  const digestInfo = expectConstructed(childAt(mac, 0, 'MAC digest'), Tag.SEQUENCE, 'MAC digest');
  const algorithm = expectConstructed(childAt(digestInfo, 0, 'MAC algorithm'), Tag.SEQUENCE, 'MAC algorithm');
  const oid = readOid(childAt(algorithm, 0, 'MAC algorithm OID'));
  const expected = readOctets(childAt(digestInfo, 1, 'MAC value'), 'MAC value');
  const salt = readOctets(childAt(mac, 1, 'MAC salt'), 'MAC salt');
  const iterationsNode = mac.children[2];
  const iterations = isUniversal(iterationsNode, Tag.INTEGER)
    ? checkIterations(Number(readBigInt(iterationsNode, 'MAC iterations')), 'the integrity check')
    : 1;
  if (oid === OID.pbmac1) {
    // PBMAC1-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier, messageAuthScheme AlgorithmIdentifier }
    const params = expectConstructed(algorithm.children[1], Tag.SEQUENCE, 'PBMAC1 parameters');
    const kdf = parseKdf(
      expectConstructed(params.children[0], Tag.SEQUENCE, 'PBMAC1 key derivation'),
      'the integrity check',
    );
    if (kdf.kind !== 'pbkdf2') throw unsupportedAlgorithm(OID.scrypt, 'the integrity check');
    // RFC 9579: keyLength MUST be present and at least 20 bytes. A 1-byte key lets 1 in 256 wrong passwords through.
    if (kdf.keyLength === null || kdf.keyLength < MIN_PBMAC1_KEY_BYTES)
      throw unsafeMac(kdf.keyLength, MIN_PBMAC1_KEY_BYTES);
    const schemeOid = readOid(
      childAt(expectConstructed(params.children[1], Tag.SEQUENCE, 'PBMAC1 scheme'), 0, 'PBMAC1 scheme OID'),
    );
    const hash = HMAC_HASHES[schemeOid];
    if (!hash) throw unsupportedAlgorithm(schemeOid, 'the integrity check');
    return { kind: 'pbmac1', oid, hash, expected, salt, iterations: kdf.iterations, kdf };
  }
  const hash = DIGESTS[oid];
  if (!hash) throw unsupportedAlgorithm(oid, 'the integrity check (MAC)');
  return { kind: 'hmac', oid, hash, expected, salt, iterations };
}

/** Bag attributes PKCS#12 defines for display and key matching. */
export interface BagAttributes {
  friendlyName: string | null;
  localKeyId: Buffer | null;
  /** Encryption of the content the bag was in (null: a plain data content). */
  container: EncryptionScheme | null;
}

/** The bags found so far; shrouded keys still need decrypting. */
export interface RawBags {
  certificates: Array<{ der: Buffer } & BagAttributes>;
  keys: Array<{ pkcs8: Buffer } & BagAttributes>;
  shroudedKeys: Array<{ scheme: EncryptionScheme; ciphertext: Uint8Array } & BagAttributes>;
  /** Bags parsed so far in the whole file, shared by every collection of one open (capped at MAX_BAGS). */
  seen: { bags: number };
  /** Kinds of the other bags found (`CRLs`, `secrets`, …), for the protection text. */
  other: string[];
}

/** An empty bag collection. */
export function emptyBags(seen: { bags: number } = { bags: 0 }): RawBags {
  return { certificates: [], keys: [], shroudedKeys: [], seen, other: [] };
}

/** Parse SafeContents ::= SEQUENCE OF SafeBag into `into` (nested safeContentsBags included). */
export function parseSafeContents(
  bytes: Uint8Array,
  into: RawBags,
  container: EncryptionScheme | null,
  depth = 0,
): void {
  if (depth > 4) throw new Asn1Error('SafeContents nested too deep');
  const seq = expectConstructed(parseAsn1(bytes), Tag.SEQUENCE, 'SafeContents');
  into.seen.bags += seq.children.length;
  if (into.seen.bags > MAX_BAGS) throw tooManyBags(into.seen.bags);
  for (const bagNode of seq.children) {
    const bag = expectConstructed(bagNode, Tag.SEQUENCE, 'SafeBag');
    const bagId = readOid(childAt(bag, 0, 'SafeBag type'));
    const valueWrapper = bag.children[1];
    if (!isContext(valueWrapper, 0) || !valueWrapper.constructed) throw new Asn1Error('SafeBag: expected [0] value');
    const value = childAt(valueWrapper, 0, 'SafeBag value');
    const attributes = { ...parseAttributes(bag.children[2]), container };
    if (bagId === OID.certBag) {
      const certBag = expectConstructed(value, Tag.SEQUENCE, 'CertBag');
      if (readOid(childAt(certBag, 0, 'CertBag type')) !== OID.x509Certificate) {
        into.other.push('other certificates');
        continue;
      }
      const der = Buffer.from(explicitOctets(certBag.children[1], 'certificate'));
      into.certificates.push({ der, ...attributes });
    } else if (bagId === OID.keyBag) {
      into.keys.push({ pkcs8: Buffer.from(value.source.subarray(value.start, value.end)), ...attributes });
    } else if (bagId === OID.pkcs8ShroudedKeyBag) {
      const epki = expectConstructed(value, Tag.SEQUENCE, 'EncryptedPrivateKeyInfo');
      const scheme = parseEncryptionScheme(childAt(epki, 0, 'key encryption algorithm'), 'the private key');
      into.shroudedKeys.push({
        scheme,
        ciphertext: readOctets(childAt(epki, 1, 'encrypted key'), 'encrypted key'),
        ...attributes,
      });
    } else if (bagId === OID.safeContentsBag) {
      parseSafeContents(value.source.subarray(value.start, value.end), into, container, depth + 1);
    } else {
      // CRL and secret bags carry nothing this app shows; the protection text still names the part they are in.
      into.other.push(bagId === OID.crlBag ? 'CRLs' : bagId === OID.secretBag ? 'secrets' : 'other items');
    }
  }
}

function parseAttributes(node: Asn1Node | undefined): Omit<BagAttributes, 'container'> {
  const out: Omit<BagAttributes, 'container'> = { friendlyName: null, localKeyId: null };
  if (!isUniversal(node, Tag.SET)) return out;
  for (const attribute of node.children) {
    if (!isUniversal(attribute, Tag.SEQUENCE)) continue;
    const values = attribute.children[1];
    const first = values?.children[0];
    if (!first) continue;
    const type = readOid(attribute.children[0]);
    try {
      if (type === OID.friendlyName && isUniversal(first, Tag.BMP_STRING))
        out.friendlyName = decodeBmp(readOctets(first, 'friendlyName', true));
      else if (type === OID.localKeyId && isUniversal(first, Tag.OCTET_STRING))
        out.localKeyId = Buffer.from(readOctets(first));
    } catch {
      // a damaged attribute is not worth refusing the file for
    }
  }
  return out;
}
