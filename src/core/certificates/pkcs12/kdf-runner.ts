// Runs the key derivations of one open: priced against its budget, cached (a derivation asked twice runs once),
// stoppable (cancel, deadline), and fair to the rest of the process (libuv's pool keeps threads for files and DNS).
import { createHash, pbkdf2, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import type { EncryptionScheme } from './algorithms';
import { kdfUnits, type KdfSpec, scryptMemory, WorkMeter } from './budget';
import { stopReason } from './stop';
import { pkcs12Kdf } from './kdf';

const pbkdf2Async = promisify(pbkdf2);
const scryptAsync = promisify(scrypt) as (
  password: Uint8Array,
  salt: Uint8Array,
  keylen: number,
  options: object,
) => Promise<Buffer>;

/** One derivation with the password bytes it takes. */
export interface KdfJob {
  spec: KdfSpec;
  password: Uint8Array;
}

/** A derivation that would take the open past its budget. */
export class OverBudget extends Error {
  constructor(
    readonly units: number,
    /** Parts found only after decrypting others (keys inside encrypted contents). */
    readonly hidden: EncryptionScheme[] = [],
  ) {
    super('over the work budget');
    this.name = 'OverBudget';
  }
}

/**
 * Native jobs (PBKDF2, scrypt) on libuv's pool, which has 4 threads by default and also serves file reads and DNS
 * lookups: at most 2 slots are used at once (scrypt takes both, so only one scrypt buffer exists at a time).
 */
const NATIVE_SLOTS = 2;
let slotsInUse = 0;
const waiting: Array<{ weight: number; start: () => void }> = [];

function release(weight: number): void {
  slotsInUse -= weight;
  while (waiting.length > 0 && slotsInUse + waiting[0]!.weight <= NATIVE_SLOTS) {
    const next = waiting.shift()!;
    slotsInUse += next.weight;
    next.start();
  }
}

async function withSlots<T>(weight: number, signal: AbortSignal | undefined, run: () => Promise<T>): Promise<T> {
  if (slotsInUse + weight > NATIVE_SLOTS || waiting.length > 0) {
    await new Promise<void>((resolve, reject) => {
      const entry = {
        weight,
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = (): void => {
        const index = waiting.indexOf(entry);
        if (index >= 0) waiting.splice(index, 1);
        reject(stopReason(signal!));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      waiting.push(entry);
    });
    // A slot was handed over; give it back if the open was stopped meanwhile.
    if (signal?.aborted) {
      release(weight);
      throw stopReason(signal);
    }
  } else {
    slotsInUse += weight;
  }
  try {
    return await run();
  } finally {
    release(weight);
  }
}

function runSpec(spec: KdfSpec, password: Uint8Array, signal: AbortSignal | undefined): Promise<Buffer> {
  switch (spec.kind) {
    case 'pbkdf2':
      return withSlots(1, signal, () =>
        pbkdf2Async(password, spec.salt, Math.max(1, spec.iterations), spec.length, spec.prf),
      );
    case 'scrypt': {
      const maxmem = scryptMemory(spec.cost, spec.blockSize, spec.parallelization) + 32 * 1024 * 1024;
      return withSlots(NATIVE_SLOTS, signal, () =>
        scryptAsync(password, spec.salt, spec.length, {
          N: spec.cost,
          r: spec.blockSize,
          p: spec.parallelization,
          maxmem,
        }),
      );
    }
    case 'pkcs12':
      return pkcs12Kdf(spec.hash, password, spec.salt, spec.id, spec.iterations, spec.length, signal);
  }
}

const hex = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

function cacheKey({ spec, password }: KdfJob): string {
  const digest = createHash('sha256').update(password).digest('hex');
  const params =
    spec.kind === 'pbkdf2'
      ? [spec.prf, spec.iterations]
      : spec.kind === 'scrypt'
        ? [spec.cost, spec.blockSize, spec.parallelization]
        : [spec.hash, spec.id, spec.iterations];
  return [spec.kind, ...params, spec.length, hex(spec.salt), digest].join('|');
}

let started = 0;
let finished = 0;

/** Derivations started in this process (tests and the bench check that a refused file started none). */
export function derivationsStarted(): number {
  return started;
}

/** Derivations finished (or failed) in this process. */
export function derivationsFinished(): number {
  return finished;
}

/** The derivations of one open. Without a meter it is unlimited (the writer and tests use it that way). */
export class KdfRunner {
  private readonly cache = new Map<string, Promise<Buffer>>();

  constructor(
    readonly meter: WorkMeter = new WorkMeter(Number.POSITIVE_INFINITY),
    readonly signal?: AbortSignal,
  ) {}

  /** Units the jobs would add: each distinct derivation once, nothing for those already run. */
  unitsOf(jobs: KdfJob[]): number {
    const seen = new Set<string>();
    let units = 0;
    for (const job of jobs) {
      const key = cacheKey(job);
      if (this.cache.has(key) || seen.has(key)) continue;
      seen.add(key);
      units += kdfUnits(job.spec);
    }
    return units;
  }

  /** True when the jobs still fit in the budget. */
  fits(jobs: KdfJob[]): boolean {
    return this.meter.fits(this.unitsOf(jobs));
  }

  /** Derive (or reuse) a key; rejects with OverBudget before starting work that does not fit, OpenStopped once stopped. */
  derive(spec: KdfSpec, password: Uint8Array): Promise<Buffer> {
    const key = cacheKey({ spec, password });
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.signal?.aborted) return Promise.reject(stopReason(this.signal));
    const units = kdfUnits(spec);
    if (!this.meter.fits(units)) return Promise.reject(new OverBudget(units));
    this.meter.charge(units);
    started++;
    const running = runSpec(spec, password, this.signal);
    // A derivation whose open stopped waiting for it must not surface as an unhandled rejection.
    running.then(
      () => finished++,
      () => finished++,
    );
    this.cache.set(key, running);
    return running;
  }
}
