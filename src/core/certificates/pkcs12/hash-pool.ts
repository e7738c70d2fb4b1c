import { createHash, hash as oneShotHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import { checkSignal, OpenStopped, stopReason } from './stop';
import { HASH_WORKER_SOURCE } from './hash-worker-source';
import { iterateSha1, iterateSha256 } from './sha-iterate';

/** Chains up to this many rounds run inline (a few ms each); longer ones go to a worker thread. */
export const INLINE_ROUNDS = 10_000;

/** Rounds between yields to the event loop when hashing inline (~2 ms with the JS loops). */
const SLICE = 4096;

/** Idle workers stop after this long; the next long chain starts them again (~50–130 ms). */
const IDLE_MS = 30_000;

/** One chain waiting for (or running on) a worker. */
interface Job {
  id: number;
  name: string;
  input: Uint8Array;
  rounds: number;
  resolve: (digest: Buffer) => void;
  reject: (error: Error) => void;
  signal: AbortSignal | undefined;
  onAbort: () => void;
}
interface PoolWorker {
  worker: Worker;
  pending: Map<number, Job>;
}

const workers: PoolWorker[] = [];
let nextId = 1;
let idleTimer: NodeJS.Timeout | undefined;
let workersBroken = false;

function digestOnce(name: string, data: Uint8Array): Buffer {
  return typeof oneShotHash === 'function' ? oneShotHash(name, data, 'buffer') : createHash(name).update(data).digest();
}

function hashMore(name: string, digest: Buffer, rounds: number): Buffer {
  if (name === 'sha256') return iterateSha256(digest, rounds, 8);
  if (name === 'sha224') return iterateSha256(digest, rounds, 7);
  if (name === 'sha1') return iterateSha1(digest, rounds);
  let d = digest;
  for (let i = 0; i < rounds; i++) d = digestOnce(name, d);
  return d;
}

/** H^rounds(input) on this thread, yielding to the event loop every slice so no stall exceeds a few ms. */
export async function iteratedHashInline(
  name: string,
  input: Uint8Array,
  rounds: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  let digest = digestOnce(name, input);
  for (let done = 1; done < rounds;) {
    checkSignal(signal);
    const step = Math.min(SLICE, rounds - done);
    digest = hashMore(name, digest, step);
    done += step;
    if (done < rounds) await yieldToLoop();
  }
  return digest;
}

function poolSize(): number {
  return Math.max(1, Math.min(2, availableParallelism()));
}

function settle(job: Job): void {
  job.signal?.removeEventListener('abort', job.onAbort);
}

function retire(entry: PoolWorker): void {
  const index = workers.indexOf(entry);
  if (index >= 0) workers.splice(index, 1);
}

function spawn(): PoolWorker {
  const worker = new Worker(HASH_WORKER_SOURCE, { eval: true, name: 'gcw-pkcs12-kdf' });
  const entry: PoolWorker = { worker, pending: new Map() };
  const fail = (error: Error): void => {
    retire(entry);
    for (const job of entry.pending.values()) {
      settle(job);
      job.reject(error);
    }
    entry.pending.clear();
  };
  worker.on('message', (message: { id: number; digest?: Uint8Array; error?: string }) => {
    const job = entry.pending.get(message.id);
    if (!job) return;
    entry.pending.delete(message.id);
    settle(job);
    if (entry.pending.size === 0) worker.unref();
    if (message.digest) job.resolve(Buffer.from(message.digest));
    else job.reject(new Error(message.error ?? 'hash worker failed'));
    scheduleIdleStop();
  });
  worker.on('error', fail);
  worker.on('exit', () => fail(new Error('hash worker exited')));
  worker.unref();
  workers.push(entry);
  return entry;
}

function scheduleIdleStop(): void {
  if (idleTimer) clearTimeout(idleTimer);
  if (workers.some((w) => w.pending.size > 0)) return;
  idleTimer = setTimeout(() => void shutdownCertificateWorkers(), IDLE_MS);
  idleTimer.unref();
}

function pick(): PoolWorker {
  const idle = workers.find((w) => w.pending.size === 0);
  if (idle) return idle;
  if (workers.length < poolSize()) return spawn();
  return workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
}

function dispatch(job: Job): void {
  let entry: PoolWorker;
  try {
    entry = pick();
  } catch (error) {
    // Worker threads are unavailable here: stop trying and stay inline.
    workersBroken = true;
    settle(job);
    job.reject(error as Error);
    return;
  }
  entry.pending.set(job.id, job);
  entry.worker.ref();
  entry.worker.postMessage({ id: job.id, hash: job.name, input: job.input, rounds: job.rounds });
}

/** Stop a chain: its worker cannot be interrupted, so it is terminated and its other chains move to another worker. */
function cancel(job: Job): void {
  const entry = workers.find((w) => w.pending.has(job.id));
  if (!entry) return;
  entry.pending.delete(job.id);
  settle(job);
  job.reject(stopReason(job.signal!));
  const others = [...entry.pending.values()];
  entry.pending.clear();
  retire(entry);
  void entry.worker.terminate();
  for (const other of others) dispatch(other);
  scheduleIdleStop();
}

function inWorker(name: string, input: Uint8Array, rounds: number, signal: AbortSignal | undefined): Promise<Buffer> {
  if (idleTimer) clearTimeout(idleTimer);
  return new Promise<Buffer>((resolve, reject) => {
    const job: Job = { id: nextId++, name, input, rounds, resolve, reject, signal, onAbort: () => cancel(job) };
    signal?.addEventListener('abort', job.onAbort, { once: true });
    dispatch(job);
  });
}

/**
 * H^rounds(input): hash the input, then hash the digest again rounds-1 times (the core of the PKCS#12 KDF).
 * Long chains run on a warm worker thread so the event loop never stalls; if workers cannot run, inline in slices.
 */
export async function iteratedHash(
  name: string,
  input: Uint8Array,
  rounds: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  checkSignal(signal);
  if (rounds <= INLINE_ROUNDS || workersBroken) {
    await yieldToLoop();
    return iteratedHashInline(name, input, rounds, signal);
  }
  try {
    return await inWorker(name, input, rounds, signal);
  } catch (error) {
    if (error instanceof OpenStopped) throw error;
    return iteratedHashInline(name, input, rounds, signal);
  }
}

/** Chains waiting for or running on the workers (tests check that a stopped open leaves none behind). */
export function pendingChains(): number {
  return workers.reduce((sum, w) => sum + w.pending.size, 0);
}

/** Start the KDF workers ahead of time (e.g. when the Certificates page opens) so the first open does not pay for it. */
export function prewarmCertificateWorkers(): void {
  while (workers.length < poolSize()) spawn();
  scheduleIdleStop();
}

/** Stop the KDF workers (app quit, tests, benchmarks of a cold start). */
export async function shutdownCertificateWorkers(): Promise<void> {
  if (idleTimer) clearTimeout(idleTimer);
  const stopping = workers.splice(0, workers.length);
  await Promise.all(stopping.map((w) => w.worker.terminate()));
}

/** The chains each running worker holds, one number per thread (tests check the pool size, choice and idle stop). */
export function poolLoad(): number[] {
  return workers.map((w) => w.pending.size);
}
