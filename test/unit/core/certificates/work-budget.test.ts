// Issue 13.1: PFX work bombs are refused before any key derivation starts; opens can be cancelled and time out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPkcs12, shutdownCertificateWorkers } from '../../../../src/core/certificates';
import { WorkMeter } from '../../../../src/core/certificates/pkcs12/budget';
import { describeAsk, stoppedError } from '../../../../src/core/certificates/pkcs12/plan';
import type { PfxMacData } from '../../../../src/core/certificates/pkcs12/structure';
import { pendingChains, prewarmCertificateWorkers } from '../../../../src/core/certificates/pkcs12/hash-pool';
import { derivationsStarted } from '../../../../src/core/certificates/pkcs12/kdf-runner';
import { buildPfx, crlBag, type MacSpec } from '../../../fixtures/pkcs12/build-pfx';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';
import { withLoopDelay } from '../../../support/loop-delay';
import {
  assemble,
  dataContent,
  eightByTenMillion,
  fourScryptParts,
  hiddenEightByTenMillion,
  pbe3des,
  pbes2Pbkdf2,
  shroudedKeyBag,
  slowMacOnly,
} from '../../../fixtures/pkcs12/work-bombs';

const PASSWORD = 'Bomb-Test-Password-1';
let ec: TestCertificate;

beforeAll(async () => {
  ec = await testCertificate('ec-p256');
});
afterAll(() => shutdownCertificateWorkers());

/** A file of 2 + n bags: the certificate in an encrypted part, its key, and n CRLs in a plain part (read first). */
const withCrls = (n: number, mac?: MacSpec) =>
  buildPfx({
    certificates: [ec.der],
    key: ec.pkcs8,
    password: PASSWORD,
    ...(mac ? { mac } : {}),
    extraParts: [
      { bags: Array.from({ length: n }, () => crlBag(Buffer.from('3003020100', 'hex'))), encryption: { kind: 'none' } },
    ],
  });

/** Refuse `pfx` and report what it cost: wall time, memory growth, the event loop's largest delay, derivations started. */
async function refusal(pfx: Buffer, password: string | null) {
  const before = { derivations: derivationsStarted(), rss: process.memoryUsage().rss };
  const { value: error, ms, maxDelayMs } = await withLoopDelay(() => failureOf(openPkcs12(pfx, password)));
  return {
    error,
    ms,
    derivations: derivationsStarted() - before.derivations,
    rssGrowth: process.memoryUsage().rss - before.rss,
    maxLoopDelayMs: maxDelayMs,
  };
}

describe('work budget: files that ask for absurd work are refused before any work starts', () => {
  it('8 shrouded-key bags × 10,000,000 PBKDF2 iterations: pfx.over_budget naming what the file asks for, for any password', async () => {
    const pfx = await eightByTenMillion();
    expect(pfx.length).toBeLessThan(2000);
    for (const password of [PASSWORD, 'wrong', null]) {
      const r = await refusal(pfx, password);
      expect(r.error.code).toBe('pfx.over_budget');
      expect(r.error.message).toContain('8 parts × 10,000,000 iterations and a MAC with 2,048 iterations');
      expect(r.error.message).toContain(
        '2.0 times the key-derivation work this app allows for one file. It was refused before any of that work started.',
      );
      expect(r.derivations).toBe(0);
      console.log(
        `[work budget] 8 × 10M (${pfx.length} bytes), password ${JSON.stringify(password)}: refused in ${r.ms.toFixed(1)} ms, RSS +${(r.rssGrowth / 1024).toFixed(0)} KiB, event loop max delay ${r.maxLoopDelayMs.toFixed(1)} ms`,
      );
    }
  });

  it('4 scrypt parts with N=2^20, r=8 (1 GiB each): refused for their memory; r=32 refused for its block size', async () => {
    const big = await fourScryptParts(2 ** 20, 8);
    const r = await refusal(big, PASSWORD);
    expect(r.error).toMatchObject({ code: 'pfx.over_budget', details: { memory: 128 * 2 ** 20 * 8 + 128 * 8 } });
    expect(r.error.message).toContain('N=1,048,576, r=8, p=1: 1 GiB of memory (at most 64 MiB is accepted)');
    expect(r.derivations).toBe(0);
    console.log(
      `[work budget] 4 scrypt N=2^20 r=8 (${big.length} bytes): refused in ${r.ms.toFixed(1)} ms, RSS +${(r.rssGrowth / 1024).toFixed(0)} KiB, event loop max delay ${r.maxLoopDelayMs.toFixed(1)} ms`,
    );

    const wide = await refusal(await fourScryptParts(2 ** 14, 32), PASSWORD);
    expect(wide.error.code).toBe('pfx.over_budget');
    expect(wide.error.message).toContain('a block size r=32 (at most 8 is accepted)');
    expect(wide.derivations).toBe(0);
  });

  it('scrypt parts that each fit in memory but together ask for too much time are refused by the total', async () => {
    const r = await refusal(await fourScryptParts(2 ** 16, 8, 16), PASSWORD);
    expect(r.error.code).toBe('pfx.over_budget');
    expect(r.error.message).toContain('4 parts × scrypt N=65,536, r=8, p=16 (64 MiB each)');
    expect(r.derivations).toBe(0);
  });

  it('parts that pass the per-part limit one by one are added up: 3 × 10,000,000 PKCS#12 PBE iterations', async () => {
    const pfx = await assemble(
      [
        dataContent([
          shroudedKeyBag(pbe3des(10_000_000)),
          shroudedKeyBag(pbe3des(10_000_000)),
          shroudedKeyBag(pbe3des(10_000_000)),
        ]),
      ],
      { hash: 'sha1', iterations: 1 },
    );
    const r = await refusal(pfx, PASSWORD);
    expect(r.error.code).toBe('pfx.over_budget');
    expect(r.error.message).toContain('3 parts × 10,000,000 iterations');
    expect(r.derivations).toBe(0);
  });

  it('keys hidden inside an encrypted content are priced when they come to light, before their work starts', async () => {
    const pfx = await hiddenEightByTenMillion(PASSWORD);
    const before = derivationsStarted();
    const error = await failureOf(openPkcs12(pfx, PASSWORD));
    expect(error.code).toBe('pfx.over_budget');
    expect(error.message).toContain('8 parts × 10,000,000 iterations');
    // The MAC and the content's own key ran; none of the eight 10,000,000-iteration keys did.
    expect(derivationsStarted() - before).toBe(2);
    // A wrong password never gets that far: the MAC refuses it.
    expect(await failureOf(openPkcs12(pfx, 'wrong'))).toMatchObject({ code: 'pfx.wrong_password' });
  });

  it('more than 1,000 bags: pfx.too_many_bags', async () => {
    const bag = shroudedKeyBag(pbes2Pbkdf2(1));
    const pfx = await assemble([dataContent(Array.from({ length: 1001 }, () => bag))], null);
    expect(await failureOf(openPkcs12(pfx, PASSWORD))).toMatchObject({
      code: 'pfx.too_many_bags',
      details: { found: 1001, limit: 1000 },
    });
  });

  it('exactly 1,000 bags still open (a certificate, its key and 998 CRLs)', async () => {
    const opened = await openPkcs12(await withCrls(998), PASSWORD);
    expect([opened.certificates.length, opened.privateKeys.length]).toEqual([1, 1]);
  });

  it.each([
    ['with a MAC', { kind: 'hmac', hash: 'sha256' }],
    ['without a MAC', { kind: 'none' }],
  ] as const)(
    'the 1,001st bag inside an encrypted part is pfx.too_many_bags too, %s (it was pfx.corrupt "decryption failed")',
    async (_what, mac) => {
      expect(await failureOf(openPkcs12(await withCrls(999, mac), PASSWORD))).toMatchObject({
        code: 'pfx.too_many_bags',
        message: expect.stringContaining('more than 1,000 items (1,001 so far)'),
        details: { found: 1001, limit: 1000 },
      });
    },
  );

  it('more than 1,000 parts in the file: pfx.too_many_bags before any part is read; 1,000 empty parts open (holding nothing)', async () => {
    const parts = (n: number) => Array.from({ length: n }, () => dataContent([]));
    expect(await failureOf(openPkcs12(await assemble(parts(1001), null), PASSWORD))).toMatchObject({
      code: 'pfx.too_many_bags',
      hint: 'Export only the certificate you need, with its private key and chain.',
      details: { found: 1001, limit: 1000 },
    });
    expect((await openPkcs12(await assemble(parts(1000), null), PASSWORD)).certificates).toEqual([]);
  });

  it('the empty-password fallback of one request shares its budget: a meter that is spent refuses the next attempt', async () => {
    const pfx = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: PASSWORD });
    const meter = new WorkMeter(10_000);
    expect((await openPkcs12(pfx, PASSWORD, { meter })).certificates).toHaveLength(1);
    expect(meter.spent).toBeGreaterThan(0);
    expect(await failureOf(openPkcs12(pfx, PASSWORD, { meter }))).toMatchObject({ code: 'pfx.over_budget' });
  });
});

describe('what the refusals say (the words an admin checks against the file)', () => {
  it('one part and a MAC, with how many times the budget they ask for', async () => {
    const pfx = await assemble([dataContent([shroudedKeyBag(pbe3des(10_000_000))])], {
      hash: 'sha256',
      iterations: 10_000_000,
    });
    // 3DES: a 24-byte key (two SHA-1 blocks) and an 8-byte IV, 10,000,000 rounds each (30 million units), and a
    // SHA-256 MAC key (one block at weight 2: 20 million): 50 million units of 40 million.
    expect(await failureOf(openPkcs12(pfx, PASSWORD))).toMatchObject({
      code: 'pfx.over_budget',
      message:
        'The file asks for 1 part × 10,000,000 iterations and a MAC with 10,000,000 iterations: 1.3 times the key-derivation work this app allows for one file. It was refused before any of that work started.',
      details: { units: 50_000_000, budget: 40_000_000 },
    });
  });

  it('says a multiple from 1.05 times the budget on: 42 million units of 40 million', async () => {
    const pfx = await assemble([dataContent([shroudedKeyBag(pbe3des(10_000_000))])], {
      hash: 'sha256',
      iterations: 6_000_000,
    });
    expect(await failureOf(openPkcs12(pfx, PASSWORD))).toMatchObject({
      message: expect.stringContaining(': 1.1 times the key-derivation work this app allows for one file.'),
      details: { units: 42_000_000 },
    });
  });

  it('names a MAC of one iteration in the singular, and a file that asks for nothing as such', () => {
    const mac = { iterations: 1 } as PfxMacData;
    expect([describeAsk([], mac), describeAsk([], null)]).toEqual(['a MAC with 1 iteration', 'no key derivation']);
  });

  it('says how long an open ran before its deadline stopped it, in seconds', () => {
    expect(stoppedError('deadline', 60_000)).toMatchObject({
      code: 'pfx.timed_out',
      message: 'Opening the file took longer than 60 seconds and was stopped.',
      hint: expect.stringContaining('close other programs and try again'),
    });
  });

  it('parts of different costs are grouped, the largest group first, then the MAC', async () => {
    const pfx = await assemble(
      [
        dataContent([
          shroudedKeyBag(pbes2Pbkdf2(5_000_000)),
          shroudedKeyBag(pbe3des(10_000_000)),
          shroudedKeyBag(pbe3des(10_000_000)),
        ]),
      ],
      { hash: 'sha1', iterations: 1 },
    );
    expect((await failureOf(openPkcs12(pfx, PASSWORD))).details).toMatchObject({
      ask: '2 parts × 10,000,000 iterations, 1 part × 5,000,000 iterations and a MAC with 1 iteration',
    });
  });

  it('a request whose meter is nearly spent is told the app has no more left for this file, not a multiple', async () => {
    const pfx = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: PASSWORD });
    const meter = new WorkMeter(10_000);
    await openPkcs12(pfx, PASSWORD, { meter });
    const error = await failureOf(openPkcs12(pfx, PASSWORD, { meter }));
    expect(error.message).toContain(
      ': more key-derivation work than this app has left for this file. It was refused before any of that work started.',
    );
    expect(meter.remaining).toBeGreaterThan(0);
    expect(error.details).toMatchObject({ remaining: 10_000 - meter.spent });
    // A meter fits work that uses it exactly, and not one unit more.
    const exact = new WorkMeter(100);
    expect([exact.fits(100), exact.fits(101)]).toEqual([true, false]);
  });

  it('scrypt with p over 16 is refused for its parallelization; p = 16 within the memory cap is not refused for it', async () => {
    const error = await failureOf(openPkcs12(await fourScryptParts(2 ** 10, 8, 17), PASSWORD));
    expect(error).toMatchObject({
      code: 'pfx.over_budget',
      details: {
        ask: 'scrypt N=1024, r=8, p=17',
        // scrypt's table (128·N·r) and its p blocks (128·r·p)
        memory: 128 * 1024 * 8 + 128 * 8 * 17,
        maxBlockSize: 8,
        maxMemory: 64 * 1024 * 1024,
      },
    });
    expect(error.message).toContain('with N=1,024, r=8, p=17: a parallelization p=17 (at most 16 is accepted)');
    // p = 16 is allowed: a part over the memory cap with p = 16 is refused for its memory.
    const wide = await failureOf(openPkcs12(await fourScryptParts(2 ** 17, 8, 16), PASSWORD));
    expect(wide.message).toContain('N=131,072, r=8, p=16: 128 MiB of memory (at most 64 MiB is accepted)');
  });
});

describe('cancel and deadline: a long open stops, and its worker stops with it', () => {
  it('an aborted signal stops the open with pfx.cancelled and leaves no chain running on the workers', async () => {
    prewarmCertificateWorkers();
    // 20,000,000 SHA-1 rounds of the PKCS#12 KDF for the MAC: seconds of work on a worker thread.
    const pfx = await slowMacOnly(10_000_000, ec.der);
    const controller = new AbortController();
    const opening = failureOf(openPkcs12(pfx, PASSWORD, { signal: controller.signal }));
    await expect.poll(() => pendingChains()).toBeGreaterThan(0);
    controller.abort();
    expect(await opening).toMatchObject({ code: 'pfx.cancelled', message: 'Opening the file was cancelled.' });
    expect(pendingChains()).toBe(0);
  });

  it('cancelling one open leaves the others that share its worker to finish with their own answer', async () => {
    prewarmCertificateWorkers();
    const pfx = await slowMacOnly(2_000_000, ec.der);
    const controller = new AbortController();
    const first = failureOf(openPkcs12(pfx, PASSWORD, { signal: controller.signal }));
    // Three chains on two workers: one of the others waits on the worker that is about to be stopped.
    const others = [failureOf(openPkcs12(pfx, 'other password 1')), failureOf(openPkcs12(pfx, 'other password 2'))];
    await expect.poll(() => pendingChains()).toBe(3);
    controller.abort();
    expect((await first).code).toBe('pfx.cancelled');
    expect((await Promise.all(others)).map((e) => e.code)).toEqual(['pfx.wrong_password', 'pfx.wrong_password']);
    expect(pendingChains()).toBe(0);
  });

  it('an open past its deadline stops with pfx.timed_out', async () => {
    const pfx = await slowMacOnly(10_000_000, ec.der);
    const error = await failureOf(openPkcs12(pfx, PASSWORD, { deadlineMs: 200 }));
    expect(error).toMatchObject({ code: 'pfx.timed_out', details: { deadlineMs: 200 } });
    expect(pendingChains()).toBe(0);
  });

  it('a signal aborted before the open starts stops it before any work', async () => {
    const pfx = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: PASSWORD });
    const before = derivationsStarted();
    expect(await failureOf(openPkcs12(pfx, PASSWORD, { signal: AbortSignal.abort() }))).toMatchObject({
      code: 'pfx.cancelled',
      hint: 'Open it again when you are ready.',
    });
    expect(derivationsStarted()).toBe(before);
  });
});
