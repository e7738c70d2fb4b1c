import { getCiphers } from 'node:crypto';
import { WorkbenchError } from '../../errors';
import {
  type Asn1Node,
  Asn1Error,
  childAt,
  expectConstructed,
  isUniversal,
  readNumber,
  readOctets,
  readOid,
  Tag,
} from '../asn1/reader';
import { OID } from '../asn1/oids';
import { unsupportedAlgorithm } from '../errors';
import { scryptAllowed } from './budget';
import { HASH_SIZES, type HashName } from './kdf';
import { scryptRefused } from './plan';

/** Iteration counts above this are refused: opening would take minutes (real files use 1 to 2,000,000). */
export const MAX_ITERATIONS = 10_000_000;

/** A password-based key derivation for PBES2. */
export type Pbes2Kdf =
  | { kind: 'pbkdf2'; salt: Uint8Array; iterations: number; keyLength: number | null; prf: HashName }
  | {
      kind: 'scrypt';
      salt: Uint8Array;
      cost: number;
      blockSize: number;
      parallelization: number;
      keyLength: number | null;
    };

/** Symmetric ciphers reachable from PBES2. */
export interface Pbes2Cipher {
  name:
    | 'aes-128-cbc'
    | 'aes-192-cbc'
    | 'aes-256-cbc'
    | 'camellia-128-cbc'
    | 'camellia-192-cbc'
    | 'camellia-256-cbc'
    | 'des-ede3-cbc'
    | 'des-cbc'
    | 'rc2-cbc';
  label: string;
  keyLength: number;
  iv: Uint8Array;
  rc2Bits: number;
  oid: string;
}

/** PKCS#12 PBE ciphers (RFC 7292 appendix C). */
export type Pkcs12PbeCipher = '3des' | '2des' | 'rc2-40' | 'rc2-128' | 'rc4-40' | 'rc4-128';

/** How an encrypted PFX part is protected. */
export type EncryptionScheme =
  | { kind: 'pbes2'; kdf: Pbes2Kdf; cipher: Pbes2Cipher }
  | {
      kind: 'pkcs12-pbe';
      oid: string;
      cipher: Pkcs12PbeCipher;
      label: string;
      keyLength: number;
      ivLength: number;
      salt: Uint8Array;
      iterations: number;
    };

const PKCS12_PBE: Record<string, { cipher: Pkcs12PbeCipher; label: string; keyLength: number; ivLength: number }> = {
  [OID.pbeWithSHAAnd3KeyTripleDESCBC]: { cipher: '3des', label: '3DES-CBC', keyLength: 24, ivLength: 8 },
  [OID.pbeWithSHAAnd2KeyTripleDESCBC]: { cipher: '2des', label: '2-key 3DES-CBC', keyLength: 16, ivLength: 8 },
  [OID.pbeWithSHAAnd128BitRC2CBC]: { cipher: 'rc2-128', label: 'RC2-128-CBC', keyLength: 16, ivLength: 8 },
  [OID.pbewithSHAAnd40BitRC2CBC]: { cipher: 'rc2-40', label: 'RC2-40-CBC', keyLength: 5, ivLength: 8 },
  [OID.pbeWithSHAAnd128BitRC4]: { cipher: 'rc4-128', label: 'RC4-128', keyLength: 16, ivLength: 0 },
  [OID.pbeWithSHAAnd40BitRC4]: { cipher: 'rc4-40', label: 'RC4-40', keyLength: 5, ivLength: 0 },
};

/** HMAC algorithm OIDs (PBKDF2 PRFs and PBMAC1 schemes) to hash names. */
export const HMAC_HASHES: Record<string, HashName> = {
  [OID.hmacWithSHA1]: 'sha1',
  [OID.hmacWithSHA224]: 'sha224',
  [OID.hmacWithSHA256]: 'sha256',
  [OID.hmacWithSHA384]: 'sha384',
  [OID.hmacWithSHA512]: 'sha512',
  [OID.hmacWithSHA512_224]: 'sha512-224',
  [OID.hmacWithSHA512_256]: 'sha512-256',
};

/** Digest OIDs allowed in a PFX MAC. */
export const DIGESTS: Record<string, HashName> = {
  [OID.md5]: 'md5',
  [OID.sha1]: 'sha1',
  [OID.sha224]: 'sha224',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.sha512_224]: 'sha512-224',
  [OID.sha512_256]: 'sha512-256',
};

const CIPHERS: Record<string, { name: Pbes2Cipher['name']; label: string; keyLength: number }> = {
  [OID.aes128CBC]: { name: 'aes-128-cbc', label: 'AES-128-CBC', keyLength: 16 },
  [OID.aes192CBC]: { name: 'aes-192-cbc', label: 'AES-192-CBC', keyLength: 24 },
  [OID.aes256CBC]: { name: 'aes-256-cbc', label: 'AES-256-CBC', keyLength: 32 },
  [OID.desEDE3CBC]: { name: 'des-ede3-cbc', label: 'DES-EDE3-CBC', keyLength: 24 },
  [OID.desCBC]: { name: 'des-cbc', label: 'DES-CBC', keyLength: 8 },
  [OID.rc2CBC]: { name: 'rc2-cbc', label: 'RC2-CBC', keyLength: 16 },
  [OID.camellia128CBC]: { name: 'camellia-128-cbc', label: 'Camellia-128-CBC', keyLength: 16 },
  [OID.camellia192CBC]: { name: 'camellia-192-cbc', label: 'Camellia-192-CBC', keyLength: 24 },
  [OID.camellia256CBC]: { name: 'camellia-256-cbc', label: 'Camellia-256-CBC', keyLength: 32 },
};

/** Refuse iteration counts that would take minutes; checked before any work starts. */
export function checkIterations(iterations: number, role: string): number {
  if (iterations > MAX_ITERATIONS) {
    throw new WorkbenchError(
      'pfx.too_many_iterations',
      `The file asks for ${iterations.toLocaleString('en-US')} iterations for ${role}; opening it would take minutes.`,
      {
        hint: `Files normally use 2,000 to 2,000,000 iterations. If this one really uses more, export it again with fewer (at most ${MAX_ITERATIONS.toLocaleString('en-US')}).`,
        details: { iterations, role },
      },
    );
  }
  if (iterations < 0) throw new Asn1Error(`Negative iteration count for ${role}`);
  return iterations;
}

/** Parse the AlgorithmIdentifier of an encrypted PFX part; unsupported algorithms are named with their OID. */
export function parseEncryptionScheme(node: Asn1Node, role: string): EncryptionScheme {
  const alg = expectConstructed(node, Tag.SEQUENCE, 'Encryption algorithm');
  const oid = readOid(childAt(alg, 0, 'Encryption algorithm OID'));
  const pbe = PKCS12_PBE[oid];
  if (pbe) {
    const params = expectConstructed(alg.children[1], Tag.SEQUENCE, 'PBE parameters');
    const salt = readOctets(childAt(params, 0, 'PBE salt'), 'PBE salt');
    const iterations = checkIterations(readNumber(childAt(params, 1, 'PBE iterations'), 'PBE iterations'), role);
    return { kind: 'pkcs12-pbe', oid, salt, iterations, ...pbe };
  }
  if (oid !== OID.pbes2) throw unsupportedAlgorithm(oid, role);
  const params = expectConstructed(alg.children[1], Tag.SEQUENCE, 'PBES2 parameters');
  const kdf = parseKdf(expectConstructed(params.children[0], Tag.SEQUENCE, 'PBES2 key derivation'), role);
  const cipher = parseCipher(expectConstructed(params.children[1], Tag.SEQUENCE, 'PBES2 encryption scheme'), role);
  return { kind: 'pbes2', kdf, cipher };
}

/** PBKDF2 or scrypt parameters (also used by PBMAC1). */
export function parseKdf(node: Asn1Node, role: string): Pbes2Kdf {
  const oid = readOid(childAt(node, 0, 'Key derivation OID'));
  const params = expectConstructed(node.children[1], Tag.SEQUENCE, 'Key derivation parameters');
  if (oid === OID.pbkdf2) {
    const saltNode = childAt(params, 0, 'PBKDF2 salt');
    // The salt may name another source (an AlgorithmIdentifier); nothing writes that in practice.
    if (isUniversal(saltNode, Tag.SEQUENCE))
      throw unsupportedAlgorithm(readOid(saltNode.children[0]), `the PBKDF2 salt of ${role}`);
    const salt = readOctets(saltNode, 'PBKDF2 salt');
    const iterations = checkIterations(readNumber(childAt(params, 1, 'PBKDF2 iterations'), 'PBKDF2 iterations'), role);
    let keyLength: number | null = null;
    let prf: HashName = 'sha1';
    for (const extra of params.children.slice(2)) {
      if (isUniversal(extra, Tag.INTEGER)) keyLength = readNumber(extra, 'PBKDF2 key length');
      else {
        const prfOid = readOid(childAt(expectConstructed(extra, Tag.SEQUENCE, 'PBKDF2 PRF'), 0, 'PBKDF2 PRF OID'));
        const found = HMAC_HASHES[prfOid];
        if (!found) throw unsupportedAlgorithm(prfOid, `the PBKDF2 PRF of ${role}`);
        prf = found;
      }
    }
    if (keyLength !== null && (keyLength < 1 || keyLength > 64)) throw new Asn1Error('PBKDF2 key length out of range');
    return { kind: 'pbkdf2', salt, iterations, keyLength, prf };
  }
  if (oid === OID.scrypt) {
    const salt = readOctets(childAt(params, 0, 'scrypt salt'), 'scrypt salt');
    const cost = readNumber(childAt(params, 1, 'scrypt cost'), 'scrypt cost');
    const blockSize = readNumber(childAt(params, 2, 'scrypt block size'), 'scrypt block size');
    const parallelization = readNumber(childAt(params, 3, 'scrypt parallelization'), 'scrypt parallelization');
    const keyLength = params.children[4] ? readNumber(params.children[4], 'scrypt key length') : null;
    if (cost < 2 || (cost & (cost - 1)) !== 0 || blockSize < 1 || parallelization < 1)
      throw new Asn1Error('Bad scrypt parameters');
    // Checked before any work: memory is 128·N·r bytes, so r = 32 or N = 2^20 would ask for gigabytes.
    if (!scryptAllowed(cost, blockSize, parallelization)) {
      throw scryptRefused(cost, blockSize, parallelization, role);
    }
    return { kind: 'scrypt', salt, cost, blockSize, parallelization, keyLength };
  }
  throw unsupportedAlgorithm(oid, `the key derivation of ${role}`);
}

function parseCipher(node: Asn1Node, role: string): Pbes2Cipher {
  const oid = readOid(childAt(node, 0, 'Cipher OID'));
  const known = CIPHERS[oid];
  if (!known) throw unsupportedAlgorithm(oid, `the encryption of ${role}`);
  const params = node.children[1];
  if (known.name === 'rc2-cbc') {
    // RC2-CBC-Parameter ::= SEQUENCE { rc2ParameterVersion INTEGER OPTIONAL, iv OCTET STRING }
    const seq = expectConstructed(params, Tag.SEQUENCE, 'RC2 parameters');
    const hasVersion = isUniversal(seq.children[0], Tag.INTEGER);
    const version = hasVersion ? readNumber(seq.children[0]) : null;
    const iv = readOctets(childAt(seq, hasVersion ? 1 : 0, 'RC2 IV'), 'RC2 IV');
    const rc2Bits =
      version === null
        ? 32
        : version === 160
          ? 40
          : version === 120
            ? 64
            : version === 58
              ? 128
              : version >= 256
                ? version
                : 32;
    // RC2 has 1 to 1,024 effective key bits (RFC 2268); the key a PBKDF2 without a stated length derives holds them
    // all: ceil(bits / 8) bytes, at least 5.
    if (rc2Bits > 1024) throw new Asn1Error(`RC2 effective key bits out of range: ${rc2Bits}`);
    const keyLength = Math.max(5, Math.ceil(rc2Bits / 8));
    return { ...known, iv, rc2Bits, keyLength, oid, label: `RC2-${rc2Bits}-CBC` };
  }
  // Camellia comes from the runtime's crypto library: Node's OpenSSL has it, Electron's BoringSSL does not.
  if (known.name.startsWith('camellia') && !getCiphers().includes(known.name))
    throw unsupportedAlgorithm(oid, `the encryption of ${role}`, 'runtime');
  const iv = readOctets(params, 'Cipher IV');
  const blockSize = known.name.startsWith('aes') || known.name.startsWith('camellia') ? 16 : 8;
  if (iv.length !== blockSize) throw new Asn1Error('Cipher IV has the wrong length');
  return { ...known, iv, rc2Bits: 0, oid };
}

/** Name of a PRF for display (`PBKDF2-HMAC-SHA256`). */
export function kdfLabel(kdf: Pbes2Kdf): string {
  if (kdf.kind === 'scrypt') return `scrypt (N=${kdf.cost}, r=${kdf.blockSize}, p=${kdf.parallelization})`;
  return `PBKDF2-HMAC-${HASH_SIZES[kdf.prf].label.replace('-', '')}`;
}
