// Native-slot fairness of kdf-runner.ts (docs/mutation/pkcs12-kdf-runner-quirks.md): at most 2 of libuv's threads,
// scrypt takes both, first come first served, and a stopped open gives its place back. node:crypto's pbkdf2 and scrypt
// are wrapped so the test decides when each derivation finishes (the key itself is computed by Node); nothing is timed.
import type * as Crypto from 'node:crypto';
import { getEventListeners } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { KdfSpec } from '../../../../src/core/certificates/pkcs12/budget';
import { KdfRunner } from '../../../../src/core/certificates/pkcs12/kdf-runner';
import { OpenStopped } from '../../../../src/core/certificates/pkcs12/stop';

type Callback = (error: Error | null, key?: Buffer) => void;
const native = vi.hoisted(() => ({
  calls: [] as Array<{ kind: 'pbkdf2' | 'scrypt'; salt: string; finish: () => void }>,
  weight: 0,
  maxWeight: 0,
}));

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>();
  const hold = (kind: 'pbkdf2' | 'scrypt', salt: Uint8Array, compute: () => Buffer, callback: Callback): void => {
    const weight = kind === 'scrypt' ? 2 : 1;
    native.weight += weight;
    native.maxWeight = Math.max(native.maxWeight, native.weight);
    native.calls.push({
      kind,
      salt: Buffer.from(salt).toString(),
      finish: () => {
        native.weight -= weight;
        try {
          callback(null, compute());
        } catch (error) {
          callback(error as Error);
        }
      },
    });
  };
  return {
    ...actual,
    pbkdf2: (p: Uint8Array, s: Uint8Array, i: number, l: number, d: string, cb: Callback) =>
      hold('pbkdf2', s, () => actual.pbkdf2Sync(p, s, i, l, d), cb),
    scrypt: (p: Uint8Array, s: Uint8Array, l: number, o: object, cb: Callback) =>
      hold('scrypt', s, () => actual.scryptSync(p, s, l, o), cb),
  };
});

const pbkdf2 = (salt: string): KdfSpec => ({
  kind: 'pbkdf2',
  prf: 'sha256',
  salt: Buffer.from(salt),
  iterations: 1,
  length: 16,
});
const scrypt = (salt: string): KdfSpec => ({
  kind: 'scrypt',
  salt: Buffer.from(salt),
  cost: 16,
  blockSize: 1,
  parallelization: 1,
  length: 16,
});
const password = Buffer.from('pw');

/** Let every pending promise step run (no timers: the wrapped derivations only finish when told). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
const started = () => native.calls.map((c) => c.salt);
const finish = (salt: string) => native.calls.find((c) => c.salt === salt)!.finish();

function state(promise: Promise<unknown>): () => string {
  let now = 'pending';
  promise.then(
    () => (now = 'resolved'),
    (error: unknown) => (now = error instanceof OpenStopped ? `stopped: ${error.reason}` : `failed: ${String(error)}`),
  );
  return () => now;
}

beforeEach(() => {
  native.calls.length = 0;
  native.weight = 0;
  native.maxWeight = 0;
});

describe('native slots', () => {
  it('runs at most two PBKDF2 derivations at once; each finished one lets exactly one waiting one start', async () => {
    const runner = new KdfRunner();
    const all = ['a', 'b', 'c', 'd'].map((salt) => runner.derive(pbkdf2(salt), password));
    await settle();
    expect(started()).toEqual(['a', 'b']);
    finish('a');
    await settle();
    expect(started()).toEqual(['a', 'b', 'c']);
    finish('b');
    finish('c');
    await settle();
    finish('d');
    await Promise.all(all);
    expect(started()).toEqual(['a', 'b', 'c', 'd']);
    expect(native.maxWeight).toBe(2);
  });

  it('scrypt takes both slots and waits for them; a PBKDF2 asked after it does not overtake it', async () => {
    const runner = new KdfRunner();
    const first = [runner.derive(pbkdf2('a'), password), runner.derive(pbkdf2('b'), password)];
    const big = runner.derive(scrypt('s'), password);
    await settle();
    finish('a');
    await settle();
    expect(started()).toEqual(['a', 'b']); // one slot free is not enough for scrypt
    const late = runner.derive(pbkdf2('late'), password);
    await settle();
    expect(started()).toEqual(['a', 'b']); // the free slot stays for scrypt, which came first
    finish('b');
    await settle();
    expect(started()).toEqual(['a', 'b', 's']);
    finish('s');
    await settle();
    expect(started()).toEqual(['a', 'b', 's', 'late']);
    finish('late');
    await Promise.all([...first, big, late]);
    expect(native.maxWeight).toBe(2);
  });
});

describe('a stopped open gives its place back', () => {
  it('a derivation waiting for a slot is stopped at once on cancel, and its slot stays free for others', async () => {
    const busy = new KdfRunner();
    const running = [busy.derive(pbkdf2('a'), password), busy.derive(pbkdf2('b'), password)];
    const controller = new AbortController();
    const stopped = new KdfRunner(undefined, controller.signal);
    const waiting = state(stopped.derive(pbkdf2('c'), password));
    await settle();
    controller.abort();
    await settle();
    expect(waiting()).toBe('stopped: cancelled'); // while both slots are still busy
    finish('a');
    finish('b');
    await Promise.all(running);
    // Both slots are free again: scrypt, which needs both, starts.
    const big = busy.derive(scrypt('s'), password);
    await settle();
    expect(started()).toEqual(['a', 'b', 's']);
    finish('s');
    await big;
  });

  it('stopped just as a slot is handed over: the derivation does not start and the slot is given back', async () => {
    const busy = new KdfRunner();
    const running = [busy.derive(pbkdf2('a'), password), busy.derive(pbkdf2('b'), password)];
    const controller = new AbortController();
    const stopped = new KdfRunner(undefined, controller.signal);
    const waiting = state(stopped.derive(pbkdf2('c'), password));
    await settle();
    finish('a'); // its slot goes to 'c' in the next promise step; the cancel lands in the step after
    queueMicrotask(() => controller.abort());
    await settle();
    expect(waiting()).toBe('stopped: cancelled');
    expect(started()).toEqual(['a', 'b']);
    finish('b');
    await Promise.all(running);
    const big = busy.derive(scrypt('s'), password);
    await settle();
    expect(started()).toEqual(['a', 'b', 's']);
    finish('s');
    await big;
  });

  it("leaves no listener on the caller's signal once a waiting derivation has started", async () => {
    const busy = new KdfRunner();
    const running = [busy.derive(pbkdf2('a'), password), busy.derive(pbkdf2('b'), password)];
    const signal = new AbortController().signal;
    const queued = new KdfRunner(undefined, signal).derive(pbkdf2('c'), password);
    await settle();
    expect(getEventListeners(signal, 'abort')).toHaveLength(1);
    finish('a');
    await settle();
    expect(started()).toEqual(['a', 'b', 'c']);
    expect(getEventListeners(signal, 'abort')).toHaveLength(0);
    finish('b');
    finish('c');
    await Promise.all([...running, queued]);
  });
});
