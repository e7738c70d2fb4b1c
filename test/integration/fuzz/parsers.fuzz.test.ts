// Parsers under bad input: 20,000 seeded, reproducible mutations of PFX files, base64 text, app manifests and
// profile files. Every input must end in a result or a typed WorkbenchError of its family, within 2 seconds.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate, inspectBase64, inspectPkcs12, shutdownCertificateWorkers, writePkcs12 } from '../../../src/core/certificates';
import { buildProfileFromFlags, environments, importProfileText, lintProfileFile } from '../../../src/core/connections';
import { isWorkbenchError } from '../../../src/core/errors';
import { manifestOnlyTarget, verifyManifest } from '../../../src/core/registration';
import { isErrorCode } from '../../../src/shared/errors';
import { mutateBytes, mutateJson, mutateText, pick, prng } from '../../support/fuzz';

const SEED = Number(process.env.GCW_FUZZ_SEED ?? 20261129);
const PER_TARGET = Number(process.env.GCW_FUZZ_PER_TARGET ?? 5000);
const LIMIT_MS = 2000;
const root = resolve(import.meta.dirname, '../../..');
const summary: Record<string, { inputs: number; accepted: number; typedErrors: Record<string, number>; slowestMs: number }> = {};

/** Thrown when an input has not settled within LIMIT_MS (a hang, e.g. a worker that never answers). */
class Hang extends Error {}

/** Run one input; fails the test on an untyped error, an error of another family, a hang or a slow input. */
async function probe(target: string, family: RegExp, run: () => unknown): Promise<void> {
  const entry = (summary[target] ??= { inputs: 0, accepted: 0, typedErrors: {}, slowestMs: 0 });
  entry.inputs += 1;
  const which = `${target} input #${entry.inputs} (seed ${SEED})`;
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_ok, fail) => {
    timer = setTimeout(() => fail(new Hang(`${which} did not finish within ${LIMIT_MS} ms`)), LIMIT_MS);
  });
  try {
    await Promise.race([Promise.resolve().then(run), deadline]);
    entry.accepted += 1;
  } catch (error) {
    if (error instanceof Hang) throw error;
    if (!isWorkbenchError(error)) throw new Error(`${which}: untyped ${String(error instanceof Error ? error.stack : error)}`, { cause: error });
    if (!isErrorCode(error.code) || !family.test(error.code)) throw new Error(`${which}: unexpected code ${error.code}`, { cause: error });
    entry.typedErrors[error.code] = (entry.typedErrors[error.code] ?? 0) + 1;
  } finally {
    clearTimeout(timer);
  }
  const ms = performance.now() - started;
  entry.slowestMs = Math.max(entry.slowestMs, Math.round(ms));
  // Synchronous parsers cannot be interrupted; their time is checked once they return.
  if (ms > LIMIT_MS) throw new Error(`${which} took ${Math.round(ms)} ms`);
}

async function pfxSeeds(): Promise<Buffer[]> {
  const rsa = await generateSelfSignedCertificate({ commonName: 'fuzz-rsa', keyAlgorithm: 'rsa-2048' });
  const ec = await generateSelfSignedCertificate({ commonName: 'fuzz-ec', keyAlgorithm: 'ec-p256' });
  return Promise.all([
    writePkcs12({ certificate: rsa.certificateDer, privateKey: rsa.privateKey, password: 'pw', profile: 'modern', iterations: 1 }),
    writePkcs12({ certificate: ec.certificateDer, privateKey: ec.privateKey, password: 'pw', profile: 'compat', iterations: 1 }),
    writePkcs12({ certificate: ec.certificateDer, privateKey: ec.privateKey, password: 'pw', profile: 'modern', iterations: 2048 }),
  ]);
}

describe(`parser fuzz (seed ${SEED}, ${PER_TARGET} inputs per target)`, () => {
  afterAll(async () => {
    await shutdownCertificateWorkers();
    const total = Object.values(summary).reduce((n, s) => n + s.inputs, 0);
    mkdirSync(resolve(root, 'test-results'), { recursive: true });
    writeFileSync(resolve(root, 'test-results/fuzz-summary.json'), `${JSON.stringify({ seed: SEED, perTarget: PER_TARGET, limitMsPerInput: LIMIT_MS, total, targets: summary }, null, 2)}\n`);
    console.log(`fuzz: ${total} inputs, seed ${SEED}\n${JSON.stringify(summary, null, 1)}`);
  });

  it('PFX bytes: only pfx.* errors, each input under 2 s', async () => {
    const random = prng(SEED);
    const seeds = await pfxSeeds();
    for (let i = 0; i < PER_TARGET; i++) {
      let input: Uint8Array = seeds[pick(random, seeds.length)]!;
      for (let m = 1 + pick(random, 3); m > 0; m--) input = mutateBytes(random, input);
      await probe('pfx', /^pfx\./, () => inspectPkcs12(input, 'pw'));
    }
    expect(summary.pfx!.inputs).toBe(PER_TARGET);
  }, 600_000);

  it('base64 text of PFX files: only pfx.* errors', async () => {
    const random = prng(SEED + 1);
    const seeds = (await pfxSeeds()).map((b) => b.toString('base64'));
    for (let i = 0; i < PER_TARGET; i++) {
      let text = seeds[pick(random, seeds.length)]!;
      for (let m = 1 + pick(random, 2); m > 0; m--) text = mutateText(random, text);
      await probe('base64', /^pfx\./, () => inspectBase64(text, 'pw'));
    }
  }, 600_000);

  it('app manifests: a report or a manifest.* error', async () => {
    const random = prng(SEED + 2);
    const dir = resolve(root, 'test/fixtures/manifests');
    const seeds = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as unknown);
    const targets = [
      manifestOnlyTarget(environments.office365),
      manifestOnlyTarget(environments['usgov-l4'], { auth: 'byo-app', clientId: '11111111-2222-3333-4444-555555555555', tenant: 'contoso.onmicrosoft.us', domain: 'flows.contoso.us', delegatedScopes: ['openid', 'offline_access', 'User.Read', 'Files.Read'], requiredDelegated: ['openid', 'offline_access', ['User.Read.All', 'User.Read'], 'Files.Read'], loopbackTest: true, secretFirstChars: 'abc' }),
    ];
    for (let i = 0; i < PER_TARGET; i++) {
      const seed = seeds[pick(random, seeds.length)];
      const text = random() < 0.8 ? JSON.stringify(mutateJson(random, mutateJson(random, seed))) : mutateText(random, JSON.stringify(seed, null, 2));
      await probe('manifest', /^manifest\./, () => verifyManifest(text, targets[pick(random, targets.length)]!));
    }
  }, 600_000);

  it('profile files: findings or a profile.* error', async () => {
    const random = prng(SEED + 3);
    const seeds = [
      buildProfileFromFlags({ auth: 'certificate', clientId: '11111111-2222-3333-4444-555555555555', tenant: 'contoso.onmicrosoft.com', upn: 'svc@contoso.com', name: 'cert' }).file,
      buildProfileFromFlags({ auth: 'client-credentials', clientId: '11111111-2222-3333-4444-555555555555', name: 'cc', scopes: 'Files.Read' }).file,
      buildProfileFromFlags({ auth: 'byo-app', clientId: '11111111-2222-3333-4444-555555555555', tenant: 'common', domain: 'flows.contoso.com', audience: 'multi-tenant', name: 'byo' }).file,
    ];
    for (let i = 0; i < PER_TARGET; i++) {
      const seed = seeds[pick(random, seeds.length)];
      const text = random() < 0.8 ? JSON.stringify(mutateJson(random, mutateJson(random, seed))) : mutateText(random, JSON.stringify(seed, null, 2));
      await probe('profile', /^profile\./, () => {
        const lint = lintProfileFile(text);
        if (!lint.ok && !/^profile\./.test(lint.error.code)) throw new Error(`lint returned ${lint.error.code}`);
        return importProfileText(text);
      });
    }
  }, 600_000);
});
