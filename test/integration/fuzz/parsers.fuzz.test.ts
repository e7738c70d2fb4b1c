// Parsers under bad input: 20,000 seeded, reproducible mutations of PFX files, base64 text, app manifests and
// profile files. Every input must end in a result or a typed WorkbenchError of its family, within 2 seconds.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectBase64, inspectPkcs12, shutdownCertificateWorkers } from '../../../src/core/certificates';
import { buildProfileFromFlags, environments, importProfileText, lintProfileFile } from '../../../src/core/connections';
import { isWorkbenchError } from '../../../src/core/errors';
import { manifestOnlyTarget, verifyManifest } from '../../../src/core/registration';
import { isErrorCode } from '../../../src/shared/errors';
import { mutateBytes, mutateJson, mutateText, pick, prng } from '../../support/fuzz';

const DEFAULT_SEED = 20261129;
const SEED = Number(process.env.GCW_FUZZ_SEED ?? DEFAULT_SEED);
/** sha256 of the first 1,000 inputs of each target with the default seed. */
const INPUTS_DIGEST = '7abd4e5d91a93f52a64d9ae0251b777c705c4d11a34d6f3c78a38591bb2a5039';
const PER_TARGET = Number(process.env.GCW_FUZZ_PER_TARGET ?? 5000);
const LIMIT_MS = 2000;
// Validation and expiry are judged against a fixed clock, so a run does not depend on the day it runs.
const NOW = new Date('2026-06-01T00:00:00.000Z');
const root = resolve(import.meta.dirname, '../../..');
const summary: Record<
  string,
  { inputs: number; accepted: number; typedErrors: Record<string, number>; slowestMs: number }
> = {};

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
    if (!isWorkbenchError(error))
      throw new Error(`${which}: untyped ${String(error instanceof Error ? error.stack : error)}`, { cause: error });
    if (!isErrorCode(error.code) || !family.test(error.code))
      throw new Error(`${which}: unexpected code ${error.code}`, { cause: error });
    entry.typedErrors[error.code] = (entry.typedErrors[error.code] ?? 0) + 1;
  } finally {
    clearTimeout(timer);
  }
  const ms = performance.now() - started;
  entry.slowestMs = Math.max(entry.slowestMs, Math.round(ms));
  // Synchronous parsers cannot be interrupted; their time is checked once they return.
  if (ms > LIMIT_MS) throw new Error(`${which} took ${Math.round(ms)} ms`);
}

/** The PFX files to mutate: fixed bytes (test/fixtures/pkcs12/fuzz-seeds.json), so seed + input number reproduce an input. */
function pfxSeeds(): Buffer[] {
  const fixture = JSON.parse(readFileSync(resolve(root, 'test/fixtures/pkcs12/fuzz-seeds.json'), 'utf8')) as {
    seeds: Record<string, string>;
  };
  return Object.values(fixture.seeds).map((b64) => Buffer.from(b64, 'base64'));
}

/** Mutated PFX files. */
function* pfxInputs(count: number): Generator<Uint8Array> {
  const random = prng(SEED);
  const seeds = pfxSeeds();
  for (let i = 0; i < count; i++) {
    let input: Uint8Array = seeds[pick(random, seeds.length)]!;
    for (let m = 1 + pick(random, 3); m > 0; m--) input = mutateBytes(random, input);
    yield input;
  }
}

/** Mutated base64 text of PFX files. */
function* base64Inputs(count: number): Generator<string> {
  const random = prng(SEED + 1);
  const seeds = pfxSeeds().map((b) => b.toString('base64'));
  for (let i = 0; i < count; i++) {
    let text = seeds[pick(random, seeds.length)]!;
    for (let m = 1 + pick(random, 2); m > 0; m--) text = mutateText(random, text);
    yield text;
  }
}

/** What manifests are checked against: alone, and against a Government-cloud own-app profile. */
const manifestTargets = [
  manifestOnlyTarget(environments.office365, { now: NOW }),
  manifestOnlyTarget(environments['usgov-l4'], {
    auth: 'byo-app',
    clientId: '11111111-2222-3333-4444-555555555555',
    tenant: 'contoso.onmicrosoft.us',
    domain: 'flows.contoso.us',
    delegatedScopes: ['openid', 'offline_access', 'User.Read', 'Files.Read'],
    requiredDelegated: ['openid', 'offline_access', ['User.Read.All', 'User.Read'], 'Files.Read'],
    loopbackTest: true,
    secretFirstChars: 'abc',
    now: NOW,
  }),
];

/** Mutated app manifests (the real ones in test/fixtures/manifests), each with the target to check it against. */
function* manifestInputs(count: number): Generator<{ text: string; target: number }> {
  const random = prng(SEED + 2);
  const dir = resolve(root, 'test/fixtures/manifests');
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(resolve(dir, f), 'utf8')) as unknown);
  for (let i = 0; i < count; i++) {
    const seed = seeds[pick(random, seeds.length)];
    const text =
      random() < 0.8
        ? JSON.stringify(mutateJson(random, mutateJson(random, seed)))
        : mutateText(random, JSON.stringify(seed, null, 2));
    yield { text, target: pick(random, manifestTargets.length) };
  }
}

/** Mutated profile files of the three options. */
function* profileInputs(count: number): Generator<string> {
  const random = prng(SEED + 3);
  const seeds = [
    buildProfileFromFlags(
      {
        auth: 'certificate',
        clientId: '11111111-2222-3333-4444-555555555555',
        tenant: 'contoso.onmicrosoft.com',
        upn: 'svc@contoso.com',
        name: 'cert',
      },
      { now: NOW },
    ).file,
    buildProfileFromFlags(
      {
        auth: 'client-credentials',
        clientId: '11111111-2222-3333-4444-555555555555',
        name: 'cc',
        scopes: 'Files.Read',
      },
      { now: NOW },
    ).file,
    buildProfileFromFlags(
      {
        auth: 'byo-app',
        clientId: '11111111-2222-3333-4444-555555555555',
        tenant: 'common',
        domain: 'flows.contoso.com',
        audience: 'multi-tenant',
        name: 'byo',
      },
      { now: NOW },
    ).file,
  ];
  for (let i = 0; i < count; i++) {
    const seed = seeds[pick(random, seeds.length)];
    yield random() < 0.8
      ? JSON.stringify(mutateJson(random, mutateJson(random, seed)))
      : mutateText(random, JSON.stringify(seed, null, 2));
  }
}

describe(`parser fuzz (seed ${SEED}, ${PER_TARGET} inputs per target)`, () => {
  afterAll(async () => {
    await shutdownCertificateWorkers();
    const total = Object.values(summary).reduce((n, s) => n + s.inputs, 0);
    mkdirSync(resolve(root, 'test-results'), { recursive: true });
    writeFileSync(
      resolve(root, 'test-results/fuzz-summary.json'),
      `${JSON.stringify({ seed: SEED, perTarget: PER_TARGET, limitMsPerInput: LIMIT_MS, total, targets: summary }, null, 2)}\n`,
    );
    console.log(`fuzz: ${total} inputs, seed ${SEED}\n${JSON.stringify(summary, null, 1)}`);
  });

  it('PFX bytes: only pfx.* errors, each input under 2 s', async () => {
    for (const input of pfxInputs(PER_TARGET)) await probe('pfx', /^pfx\./, () => inspectPkcs12(input, 'pw'));
    expect(summary.pfx!.inputs).toBe(PER_TARGET);
  }, 600_000);

  it('base64 text of PFX files: only pfx.* errors', async () => {
    for (const text of base64Inputs(PER_TARGET)) await probe('base64', /^pfx\./, () => inspectBase64(text, 'pw'));
  }, 600_000);

  it('app manifests: a report or a manifest.* error', async () => {
    for (const { text, target } of manifestInputs(PER_TARGET))
      await probe('manifest', /^manifest\./, () => verifyManifest(text, manifestTargets[target]!));
  }, 600_000);

  it('profile files: findings or a profile.* error', async () => {
    for (const text of profileInputs(PER_TARGET)) {
      await probe('profile', /^profile\./, () => {
        const lint = lintProfileFile(text, { now: NOW });
        if (!lint.ok && !/^profile\./.test(lint.error.code)) throw new Error(`lint returned ${lint.error.code}`);
        return importProfileText(text, { now: NOW, newId: () => '00000000-0000-4000-8000-00000000f022' });
      });
    }
  }, 600_000);

  it('is reproducible: the seed names the same inputs on every run and machine', () => {
    const digest = () => {
      const hash = createHash('sha256');
      for (const input of pfxInputs(1000)) hash.update(input);
      for (const text of base64Inputs(1000)) hash.update(text);
      for (const { text, target } of manifestInputs(1000)) hash.update(`${target}${text}`);
      for (const text of profileInputs(1000)) hash.update(text);
      return hash.digest('hex');
    };
    const first = digest();
    expect(digest()).toBe(first);
    // Changing a mutator, a seed file or the default seed changes this on purpose: update it in the same change.
    if (SEED === DEFAULT_SEED) expect(first).toBe(INPUTS_DIGEST);
  });
});
