import { iteratedHash } from './hash-pool';

/** Hash names as Node's crypto spells them. */
export type HashName = 'md5' | 'sha1' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | 'sha512-224' | 'sha512-256';

/** Digest size u and block size v of each hash (RFC 7292 appendix B). */
export const HASH_SIZES: Record<HashName, { u: number; v: number; label: string }> = {
  md5: { u: 16, v: 64, label: 'MD5' },
  sha1: { u: 20, v: 64, label: 'SHA-1' },
  sha224: { u: 28, v: 64, label: 'SHA-224' },
  sha256: { u: 32, v: 64, label: 'SHA-256' },
  sha384: { u: 48, v: 128, label: 'SHA-384' },
  sha512: { u: 64, v: 128, label: 'SHA-512' },
  'sha512-224': { u: 28, v: 128, label: 'SHA-512/224' },
  'sha512-256': { u: 32, v: 128, label: 'SHA-512/256' },
};

/**
 * A password in the two encodings PKCS#12 needs: UTF-8 bytes for PBES2/PBKDF2 and PBMAC1, and a BMPString
 * (UTF-16BE plus a 00 00 terminator) for the PKCS#12 KDF. An absent (NULL) password is empty in both.
 */
export interface PasswordForms {
  utf8: Buffer;
  bmp: Buffer;
}

/** Encode a password; `null` is the absent password, which differs from '' only in the BMP form (no terminator). */
export function passwordForms(password: string | null): PasswordForms {
  if (password === null) return { utf8: Buffer.alloc(0), bmp: Buffer.alloc(0) };
  return {
    utf8: Buffer.from(password, 'utf8'),
    bmp: Buffer.concat([Buffer.from(password, 'utf16le').swap16(), Buffer.alloc(2)]),
  };
}

/** The BMP form OpenSSL before 1.1.0 wrote for a non-ASCII password: each UTF-8 byte taken as one character. */
export function legacyLatin1Forms(password: string): PasswordForms {
  const utf8 = Buffer.from(password, 'utf8');
  return { utf8, bmp: passwordForms(utf8.toString('latin1')).bmp };
}

function repeatTo(source: Uint8Array, length: number): Buffer {
  const out = Buffer.alloc(length);
  if (source.length === 0) return out;
  for (let i = 0; i < length; i++) out[i] = source[i % source.length]!;
  return out;
}

/** Purpose byte of the PKCS#12 KDF. */
export const KDF_ID = { key: 1, iv: 2, mac: 3 } as const;

/** RFC 7292 appendix B.2 key derivation; the iterated hash runs off the main thread for long chains. */
export async function pkcs12Kdf(
  hash: HashName,
  password: Uint8Array,
  salt: Uint8Array,
  id: number,
  iterations: number,
  length: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  const { u, v } = HASH_SIZES[hash];
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([
    repeatTo(salt, v * Math.ceil(salt.length / v)),
    repeatTo(password, v * Math.ceil(password.length / v)),
  ]);
  const blocks = Math.ceil(length / u);
  const out: Buffer[] = [];
  for (let i = 0; i < blocks; i++) {
    const A = await iteratedHash(hash, Buffer.concat([D, I]), Math.max(1, iterations), signal);
    out.push(A);
    if (i === blocks - 1) break;
    const B = repeatTo(A, v);
    // I_j = (I_j + B + 1) mod 2^(8v), for each v-byte block of I
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(out).subarray(0, length);
}
