import { createHmac, timingSafeEqual } from 'node:crypto';
import { pbes2Spec } from './decrypt';
import { HASH_SIZES, KDF_ID, type HashName, type PasswordForms } from './kdf';
import { type KdfJob, KdfRunner } from './kdf-runner';
import type { PfxMacData } from './structure';

type MacParams =
  { kind: 'hmac'; hash: HashName; salt: Uint8Array; iterations: number } | Extract<PfxMacData, { kind: 'pbmac1' }>;

/** The derivation of the MAC key: PKCS#12 KDF over the BMPString form, or PBMAC1's PBKDF2 over the UTF-8 form. */
export function macJob(mac: MacParams, password: PasswordForms): KdfJob {
  const u = HASH_SIZES[mac.hash].u;
  if (mac.kind === 'pbmac1') return { spec: pbes2Spec(mac.kdf, u), password: password.utf8 };
  return {
    spec: { kind: 'pkcs12', hash: mac.hash, salt: mac.salt, id: KDF_ID.mac, iterations: mac.iterations, length: u },
    password: password.bmp,
  };
}

/** The MAC key and HMAC over the AuthenticatedSafe octets. */
export async function computeMac(
  mac: MacParams,
  password: PasswordForms,
  data: Uint8Array,
  runner: KdfRunner = new KdfRunner(),
): Promise<Buffer> {
  const job = macJob(mac, password);
  const key = await runner.derive(job.spec, job.password);
  return createHmac(mac.hash, key).update(data).digest();
}

/** True when the password's MAC matches the one stored in the file. */
export async function verifyMac(
  mac: PfxMacData,
  password: PasswordForms,
  data: Uint8Array,
  runner?: KdfRunner,
): Promise<boolean> {
  const actual = await computeMac(mac, password, data, runner);
  return actual.length === mac.expected.length && timingSafeEqual(actual, mac.expected);
}
