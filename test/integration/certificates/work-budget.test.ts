// Issue 13.1 with real files: OpenSSL exports at 2,000,000 iterations still open within the work budget, work bombs
// are refused without stalling the event loop, and a heavy open leaves libuv's pool free for file reads and DNS.
import { lookup } from 'node:dns/promises';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  openPkcs12,
  openPreparedInput,
  prepareCertificateInput,
  shutdownCertificateWorkers,
} from '../../../src/core/certificates';
import { derivationsFinished, derivationsStarted } from '../../../src/core/certificates/pkcs12/kdf-runner';
import { failureOf } from '../../fixtures/pkcs12/test-certificates';
import { opensslOrThrow } from '../../fixtures/pkcs12/openssl';
import {
  assemble,
  dataContent,
  eightByTenMillion,
  fourScryptParts,
  pbes2Pbkdf2,
  shroudedKeyBag,
} from '../../fixtures/pkcs12/work-bombs';
import { withLoopDelay } from '../../support/loop-delay';
import { skipWithout } from '../../support/reference-tools';

const missing = skipWithout('openssl', 'the work-budget checks on OpenSSL-made files') !== null;
const PASSWORD = 'pässwörd-密码';
const dir = mkdtempSync(join(tmpdir(), 'gcw-work-budget-'));

describe.skipIf(missing)('work budget with real files', () => {
  const files: Record<string, Buffer> = {};

  beforeAll(async () => {
    await opensslOrThrow([
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-subj',
      '/CN=Budget Test',
      '-days',
      '30',
    ]);
    const exportWith = async (name: string, args: string[]) => {
      const out = join(dir, `${name}.pfx`);
      await opensslOrThrow([
        'pkcs12',
        '-export',
        '-inkey',
        join(dir, 'key.pem'),
        '-in',
        join(dir, 'cert.pem'),
        '-out',
        out,
        '-passout',
        `pass:${PASSWORD}`,
        ...args,
      ]);
      files[name] = readFileSync(out);
    };
    // The most a real export asks for: 2,000,000 iterations everywhere, in the modern and the Windows 3DES profile.
    await exportWith('aes-2m', ['-iter', '2000000']);
    await exportWith('3des-2m', [
      '-keypbe',
      'PBE-SHA1-3DES',
      '-certpbe',
      'PBE-SHA1-3DES',
      '-macalg',
      'sha1',
      '-iter',
      '2000000',
    ]);
  }, 120_000);

  afterAll(() => shutdownCertificateWorkers());

  it.each(['aes-2m', '3des-2m'])(
    'opens the OpenSSL %s export with a non-ASCII password, and refuses a wrong one as a wrong password',
    async (name) => {
      const opened = await withLoopDelay(() => openPkcs12(files[name]!, PASSWORD));
      expect(opened.value.privateKeys).toHaveLength(1);
      expect(opened.value.protection.summary).toContain('2,000,000 iterations');
      // The request the app makes: a wrong password, then the empty and absent fallbacks, on one budget.
      const wrong = await withLoopDelay(() =>
        failureOf(openPreparedInput(prepareCertificateInput(files[name]!), 'wrong-pässwörd')),
      );
      expect(wrong.value.code).toBe('pfx.wrong_password');
      console.log(
        `[work budget] ${name}: opened in ${opened.ms.toFixed(0)} ms (event loop max delay ${opened.maxDelayMs.toFixed(1)} ms); wrong password with fallbacks in ${wrong.ms.toFixed(0)} ms (max delay ${wrong.maxDelayMs.toFixed(1)} ms)`,
      );
    },
    120_000,
  );

  it('refuses the 8 × 10,000,000 and the scrypt bombs; the event loop stays free while it does', async () => {
    for (const [label, pfx] of [
      ['8 × 10,000,000 PBKDF2', await eightByTenMillion()],
      ['4 × scrypt N=2^20 r=8', await fourScryptParts(2 ** 20, 8)],
      ['4 × scrypt N=2^14 r=32', await fourScryptParts(2 ** 14, 32)],
    ] as const) {
      const rssBefore = process.memoryUsage().rss;
      const refused = await withLoopDelay(() => failureOf(openPkcs12(pfx, PASSWORD)));
      expect([label, refused.value.code]).toEqual([label, 'pfx.over_budget']);
      console.log(
        `[work budget] ${label} (${pfx.length} bytes): refused in ${refused.ms.toFixed(1)} ms, RSS +${((process.memoryUsage().rss - rssBefore) / 1024 / 1024).toFixed(1)} MiB, event loop max delay ${refused.maxDelayMs.toFixed(1)} ms`,
      );
    }
  });

  it('a heavy open within the budget leaves threads for DNS: a lookup answers while the derivations still run', async () => {
    // 4 parts × 7,500,000 PBKDF2 iterations (30,000,000 units): within the budget, seconds of work, random contents.
    // Started all at once they would take all 4 threads of libuv's pool, and the lookup would wait for them.
    // No MAC, so the only derivations are those four.
    const pfx = await assemble(
      [dataContent(Array.from({ length: 4 }, () => shroudedKeyBag(pbes2Pbkdf2(7_500_000))))],
      null,
    );
    const before = derivationsStarted();
    const finishedBefore = derivationsFinished();
    const started = performance.now();
    const opening = failureOf(openPkcs12(pfx, PASSWORD));
    // Let the open fill its slots on libuv's pool, then ask for a DNS answer (getaddrinfo runs on that pool too).
    await expect.poll(() => derivationsStarted() - before).toBeGreaterThanOrEqual(2);
    const asked = performance.now();
    await lookup('localhost');
    const lookupMs = performance.now() - asked;
    // The lookup did not wait for a derivation to make room: none of the 7,500,000-iteration keys had finished.
    const finishedAtLookup = derivationsFinished() - finishedBefore;
    const error = await opening;
    expect(error.code).toBe('pfx.wrong_password');
    expect(finishedAtLookup).toBe(0);
    console.log(
      `[work budget] DNS lookup during a 30,000,000-unit open: answered in ${lookupMs.toFixed(1)} ms; the open took ${(performance.now() - started).toFixed(0)} ms`,
    );
  }, 120_000);
});
