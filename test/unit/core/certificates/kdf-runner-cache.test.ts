// The derivation cache, the work budget and the counters of kdf-runner.ts, and its scrypt call
// (docs/mutation/pkcs12-kdf-runner-quirks.md). Real node:crypto; every key is checked against Node's own sync call.
import { pbkdf2Sync, scryptSync } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { shutdownCertificateWorkers } from '../../../../src/core/certificates';
import { type KdfSpec, kdfUnits, WorkMeter } from '../../../../src/core/certificates/pkcs12/budget';
import { KDF_ID, pkcs12Kdf } from '../../../../src/core/certificates/pkcs12/kdf';
import {
  derivationsFinished,
  derivationsStarted,
  KdfRunner,
  OverBudget,
} from '../../../../src/core/certificates/pkcs12/kdf-runner';

afterAll(() => shutdownCertificateWorkers());

const salt = Buffer.from('salt-of-the-part');
const password = Buffer.from('pw');
const pbkdf2 = (over: Partial<Extract<KdfSpec, { kind: 'pbkdf2' }>> = {}): KdfSpec => ({
  kind: 'pbkdf2',
  prf: 'sha256',
  salt,
  iterations: 1,
  length: 16,
  ...over,
});
const scrypt = (over: Partial<Extract<KdfSpec, { kind: 'scrypt' }>> = {}): KdfSpec => ({
  kind: 'scrypt',
  salt,
  cost: 1024,
  blockSize: 8,
  parallelization: 1,
  length: 32,
  ...over,
});
const pkcs12 = (id: number): KdfSpec => ({ kind: 'pkcs12', hash: 'sha1', salt, id, iterations: 1, length: 8 });

describe('the cache: one key per distinct derivation, never another derivation’s key', () => {
  it('PBKDF2 asked with another PRF or iteration count in the same open gets its own key', async () => {
    const runner = new KdfRunner();
    const specs = [pbkdf2(), pbkdf2({ iterations: 2 }), pbkdf2({ prf: 'sha1' })];
    for (const spec of specs) {
      const s = spec as Extract<KdfSpec, { kind: 'pbkdf2' }>;
      expect(await runner.derive(spec, password)).toEqual(pbkdf2Sync(password, salt, s.iterations, s.length, s.prf));
    }
  });

  it('numbers that run together are kept apart (1 iteration + 16 bytes is not 11 iterations + 6 bytes)', async () => {
    const runner = new KdfRunner();
    await runner.derive(pbkdf2({ iterations: 1, length: 16 }), password);
    expect(await runner.derive(pbkdf2({ iterations: 11, length: 6 }), password)).toEqual(
      pbkdf2Sync(password, salt, 11, 6, 'sha256'),
    );
  });

  it('scrypt asked with another cost in the same open gets its own key', async () => {
    const runner = new KdfRunner();
    for (const cost of [16, 32]) {
      expect(await runner.derive(scrypt({ cost, blockSize: 1 }), password)).toEqual(
        scryptSync(password, salt, 32, { N: cost, r: 1, p: 1 }),
      );
    }
  });

  it('the PKCS#12 KDF asked for the IV after the key (same salt, count, length) gets the IV', async () => {
    const runner = new KdfRunner();
    const bmp = Buffer.from('\0p\0w\0\0', 'latin1');
    expect(await runner.derive(pkcs12(KDF_ID.key), bmp)).toEqual(await pkcs12Kdf('sha1', bmp, salt, 1, 1, 8));
    expect(await runner.derive(pkcs12(KDF_ID.iv), bmp)).toEqual(await pkcs12Kdf('sha1', bmp, salt, 2, 1, 8));
  });
});

describe('pricing and the budget', () => {
  it('prices a derivation asked twice once, and one already run at nothing', async () => {
    const runner = new KdfRunner();
    const job = { spec: pbkdf2({ iterations: 1000 }), password };
    expect(runner.unitsOf([job, job])).toBe(kdfUnits(job.spec));
    await runner.derive(job.spec, job.password);
    expect(runner.unitsOf([job])).toBe(0);
  });

  it('refuses a derivation over the budget before starting it, and charges nothing', async () => {
    const spec = pbkdf2({ iterations: 1000 });
    const runner = new KdfRunner(new WorkMeter(kdfUnits(spec) - 1));
    const before = derivationsStarted();
    await expect(runner.derive(spec, password)).rejects.toEqual(new OverBudget(kdfUnits(spec)));
    expect(derivationsStarted()).toBe(before);
    expect(runner.meter.spent).toBe(0);
  });
});

describe('the counters (tests and the bench check that a stopped open leaves nothing running)', () => {
  it('counts a derivation finished when it succeeds and when it fails', async () => {
    const runner = new KdfRunner();
    const before = derivationsFinished();
    await runner.derive(pbkdf2({ length: 20 }), password);
    expect(derivationsFinished()).toBe(before + 1);
    // N = 3 is not a power of two: Node refuses it.
    await expect(runner.derive(scrypt({ cost: 3, blockSize: 1 }), password)).rejects.toThrow();
    expect(derivationsFinished()).toBe(before + 2);
  });
});

describe('scrypt', () => {
  it('derives with the file’s N, r and p, with the memory they need allowed', async () => {
    // N = 1,024, r = 8: a 1 MiB table; OpenSSL also counts 256·r bytes beyond scryptMemory's figure.
    expect(await new KdfRunner().derive(scrypt(), password)).toEqual(
      scryptSync(password, salt, 32, { N: 1024, r: 8, p: 1 }),
    );
  });
});
