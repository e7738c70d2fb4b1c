import { createHmac, timingSafeEqual } from 'node:crypto';
import { deriveKey } from './decrypt';
import { HASH_SIZES, KDF_ID, type HashName, type PasswordForms, pkcs12Kdf } from './kdf';
import type { PfxMacData } from './structure';

/** The MAC key and HMAC over the AuthenticatedSafe octets. */
export async function computeMac(
  mac: { kind: 'hmac'; hash: HashName; salt: Uint8Array; iterations: number } | Extract<PfxMacData, { kind: 'pbmac1' }>,
  password: PasswordForms,
  data: Uint8Array,
): Promise<Buffer> {
  const key =
    mac.kind === 'pbmac1'
      ? await deriveKey(mac.kdf, password.utf8, HASH_SIZES[mac.hash].u)
      : await pkcs12Kdf(mac.hash, password.bmp, mac.salt, KDF_ID.mac, mac.iterations, HASH_SIZES[mac.hash].u);
  return createHmac(mac.hash, key).update(data).digest();
}

/** True when the password's MAC matches the one stored in the file. */
export async function verifyMac(mac: PfxMacData, password: PasswordForms, data: Uint8Array): Promise<boolean> {
  const actual = await computeMac(mac, password, data);
  return actual.length === mac.expected.length && timingSafeEqual(actual, mac.expected);
}
