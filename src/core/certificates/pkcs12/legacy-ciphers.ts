// Ciphers that Electron's BoringSSL (or OpenSSL 3 without its legacy provider) lacks: RC2 and single DES through
// node-forge's JavaScript implementations, RC4 here. Only old PFX files use them; forge is loaded on first need.
import type * as Forge from 'node-forge';

/** Which part failed to decrypt, how it is encrypted, and how many other password forms were tried. */
export interface FailedPart {
  name: 'certificates' | 'private key';
  description: string;
  otherForms: number;
  stoppedByBudget: boolean;
}

/** Padding or key failure while decrypting: with an unverified password this means the password is wrong. */
export class DecryptionFailed extends Error {
  constructor(
    message = 'decryption failed',
    /** The part that failed, once known (set by decryptAll). */
    readonly part: FailedPart | null = null,
  ) {
    super(message);
    this.name = 'DecryptionFailed';
  }
}

let forgePromise: Promise<typeof Forge> | undefined;

async function loadForge(): Promise<typeof Forge> {
  forgePromise ??= import('node-forge').then((m) => (m as { default?: typeof Forge }).default ?? m);
  return forgePromise;
}

const binary = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** RC2-CBC decryption with the given effective key bits (40 for pbeWithSHAAnd40BitRC2-CBC). */
export async function rc2Decrypt(
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
  effectiveBits: number,
): Promise<Buffer> {
  const forge = await loadForge();
  const cipher = forge.rc2.createDecryptionCipher(binary(key), effectiveBits);
  cipher.start(binary(iv));
  cipher.update(forge.util.createBuffer(binary(data)));
  if (!cipher.finish()) throw new DecryptionFailed('bad padding');
  return Buffer.from(cipher.output.getBytes(), 'latin1');
}

/** RC2-CBC encryption (tests build legacy files with it). */
export async function rc2Encrypt(
  key: Uint8Array,
  iv: Uint8Array,
  data: Uint8Array,
  effectiveBits: number,
): Promise<Buffer> {
  const forge = await loadForge();
  const cipher = forge.rc2.createEncryptionCipher(binary(key), effectiveBits);
  cipher.start(binary(iv));
  cipher.update(forge.util.createBuffer(binary(data)));
  cipher.finish();
  return Buffer.from(cipher.output.getBytes(), 'latin1');
}

/** Single-DES CBC decryption (PBES2 with DES-CBC). */
export async function desDecrypt(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Promise<Buffer> {
  const forge = await loadForge();
  const decipher = forge.cipher.createDecipher('DES-CBC', binary(key));
  decipher.start({ iv: binary(iv) });
  decipher.update(forge.util.createBuffer(binary(data)));
  if (!decipher.finish()) throw new DecryptionFailed('bad padding');
  return Buffer.from(decipher.output.getBytes(), 'latin1');
}

/** RC4 (a stream cipher: no padding, so a wrong key shows only when the result does not parse). */
export function rc4(key: Uint8Array, data: Uint8Array): Buffer {
  if (key.length === 0) throw new DecryptionFailed('empty RC4 key');
  const s = new Uint8Array(256);
  for (let i = 0; i < 256; i++) s[i] = i;
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = Buffer.alloc(data.length);
  for (let n = 0, i = 0, j = 0; n < data.length; n++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[n] = data[n]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}
