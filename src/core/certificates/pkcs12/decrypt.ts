import { createDecipheriv } from 'node:crypto';
import type { EncryptionScheme, Pbes2Cipher, Pbes2Kdf } from './algorithms';
import type { KdfSpec } from './budget';
import { KDF_ID, type PasswordForms } from './kdf';
import { type KdfJob, KdfRunner } from './kdf-runner';
import { DecryptionFailed, desDecrypt, rc2Decrypt, rc4 } from './legacy-ciphers';

/** The derivation a PBES2 key (or PBMAC1 key) takes: the length the file states, else the one the cipher needs. */
export function pbes2Spec(kdf: Pbes2Kdf, keyLength: number): KdfSpec {
  const length = kdf.keyLength ?? keyLength;
  if (kdf.kind === 'pbkdf2')
    return { kind: 'pbkdf2', prf: kdf.prf, salt: kdf.salt, iterations: kdf.iterations, length };
  return {
    kind: 'scrypt',
    salt: kdf.salt,
    cost: kdf.cost,
    blockSize: kdf.blockSize,
    parallelization: kdf.parallelization,
    length,
  };
}

/** The derivations decrypting one part takes with these password forms (UTF-8 for PBES2, BMPString for PKCS#12 PBE). */
export function schemeJobs(scheme: EncryptionScheme, password: PasswordForms): KdfJob[] {
  if (scheme.kind === 'pbes2')
    return [{ spec: pbes2Spec(scheme.kdf, scheme.cipher.keyLength), password: password.utf8 }];
  const spec = (id: number, length: number): KdfSpec => ({
    kind: 'pkcs12',
    hash: 'sha1',
    salt: scheme.salt,
    id,
    iterations: scheme.iterations,
    length,
  });
  const jobs: KdfJob[] = [{ spec: spec(KDF_ID.key, scheme.keyLength), password: password.bmp }];
  if (scheme.ivLength > 0) jobs.push({ spec: spec(KDF_ID.iv, scheme.ivLength), password: password.bmp });
  return jobs;
}

/** PBKDF2 or scrypt on libuv's thread pool (never on the main thread). */
export function deriveKey(
  kdf: Pbes2Kdf,
  password: Uint8Array,
  keyLength: number,
  runner: KdfRunner = new KdfRunner(),
): Promise<Buffer> {
  return runner.derive(pbes2Spec(kdf, keyLength), password);
}

/** Decrypt with Node's cipher; a wrong key surfaces as DecryptionFailed (bad padding). */
export function nodeDecrypt(name: string, key: Uint8Array, iv: Uint8Array, data: Uint8Array): Buffer {
  try {
    const decipher = createDecipheriv(name, key, iv);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch (error) {
    throw new DecryptionFailed((error as Error).message);
  }
}

/** A PBES2 part's cipher with a derived key. */
export function pbes2Cipher(cipher: Pbes2Cipher, key: Buffer, data: Uint8Array): Promise<Buffer> | Buffer {
  if (cipher.name === 'rc2-cbc') return rc2Decrypt(key, cipher.iv, data, cipher.rc2Bits);
  if (cipher.name === 'des-cbc') return desDecrypt(key, cipher.iv, data);
  if (key.length !== cipher.keyLength) throw new DecryptionFailed('key length does not fit the cipher');
  return nodeDecrypt(cipher.name, key, cipher.iv, data);
}

/** A PKCS#12 PBE part, its key and IV derived from `bmp` (the password's BMPString form, or a quirky one). */
export async function decryptPbe(
  scheme: Extract<EncryptionScheme, { kind: 'pkcs12-pbe' }>,
  data: Uint8Array,
  bmp: Uint8Array,
  runner: KdfRunner,
): Promise<Buffer> {
  const jobs = schemeJobs(scheme, { utf8: Buffer.alloc(0), bmp: Buffer.from(bmp) });
  const [key, iv] = await Promise.all(jobs.map((job) => runner.derive(job.spec, job.password)));
  if (!key) throw new DecryptionFailed('no key');
  const ivBytes = iv ?? Buffer.alloc(0);
  switch (scheme.cipher) {
    case '3des':
      return nodeDecrypt('des-ede3-cbc', key, ivBytes, data);
    case '2des':
      // Two-key 3DES is three-key 3DES with K3 = K1.
      return nodeDecrypt('des-ede3-cbc', Buffer.concat([key, key.subarray(0, 8)]), ivBytes, data);
    case 'rc2-40':
      return rc2Decrypt(key, ivBytes, data, 40);
    case 'rc2-128':
      return rc2Decrypt(key, ivBytes, data, 128);
    case 'rc4-40':
    case 'rc4-128':
      return rc4(key, data);
  }
}

/** Decrypt one encrypted PFX part as the standard says (UTF-8 for PBES2, BMPString for PKCS#12 PBE). */
export async function decrypt(
  scheme: EncryptionScheme,
  data: Uint8Array,
  password: PasswordForms,
  runner: KdfRunner = new KdfRunner(),
): Promise<Buffer> {
  if (scheme.kind === 'pkcs12-pbe') return decryptPbe(scheme, data, password.bmp, runner);
  const key = await deriveKey(scheme.kdf, password.utf8, scheme.cipher.keyLength, runner);
  return pbes2Cipher(scheme.cipher, key, data);
}
