import { createDecipheriv, pbkdf2, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import type { EncryptionScheme, Pbes2Kdf } from './algorithms';
import { KDF_ID, type PasswordForms, pkcs12Kdf } from './kdf';
import { DecryptionFailed, desDecrypt, rc2Decrypt, rc4 } from './legacy-ciphers';

const pbkdf2Async = promisify(pbkdf2);
const scryptAsync = promisify(scrypt) as (password: Uint8Array, salt: Uint8Array, keylen: number, options: object) => Promise<Buffer>;

/** PBKDF2 or scrypt on libuv's thread pool (never on the main thread). */
export function deriveKey(kdf: Pbes2Kdf, password: Uint8Array, keyLength: number): Promise<Buffer> {
  if (kdf.kind === 'pbkdf2') return pbkdf2Async(password, kdf.salt, Math.max(1, kdf.iterations), kdf.keyLength ?? keyLength, kdf.prf);
  const maxmem = 256 * kdf.cost * kdf.blockSize * kdf.parallelization + 32 * 1024 * 1024;
  return scryptAsync(password, kdf.salt, kdf.keyLength ?? keyLength, { N: kdf.cost, r: kdf.blockSize, p: kdf.parallelization, maxmem });
}

function nodeDecrypt(name: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Buffer {
  try {
    const decipher = createDecipheriv(name, key, iv);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch (error) {
    throw new DecryptionFailed((error as Error).message);
  }
}

/** Decrypt one encrypted PFX part; a wrong key surfaces as DecryptionFailed (bad padding). */
export async function decrypt(scheme: EncryptionScheme, data: Uint8Array, password: PasswordForms): Promise<Buffer> {
  if (scheme.kind === 'pbes2') {
    const { cipher } = scheme;
    const key = await deriveKey(scheme.kdf, password.utf8, cipher.keyLength);
    if (cipher.name === 'rc2-cbc') return rc2Decrypt(key, cipher.iv, data, cipher.rc2Bits);
    if (cipher.name === 'des-cbc') return desDecrypt(key, cipher.iv, data);
    if (key.length !== cipher.keyLength) throw new DecryptionFailed('key length does not fit the cipher');
    return nodeDecrypt(cipher.name, key, cipher.iv, data);
  }
  const [key, iv] = await Promise.all([
    pkcs12Kdf('sha1', password.bmp, scheme.salt, KDF_ID.key, scheme.iterations, scheme.keyLength),
    scheme.ivLength > 0 ? pkcs12Kdf('sha1', password.bmp, scheme.salt, KDF_ID.iv, scheme.iterations, scheme.ivLength) : Promise.resolve(Buffer.alloc(0)),
  ]);
  switch (scheme.cipher) {
    case '3des':
      return nodeDecrypt('des-ede3-cbc', key, iv, data);
    case '2des':
      // Two-key 3DES is three-key 3DES with K3 = K1.
      return nodeDecrypt('des-ede3-cbc', Buffer.concat([key, key.subarray(0, 8)]), iv, data);
    case 'rc2-40':
      return rc2Decrypt(key, iv, data, 40);
    case 'rc2-128':
      return rc2Decrypt(key, iv, data, 128);
    case 'rc4-40':
    case 'rc4-128':
      return rc4(key, data);
  }
}
