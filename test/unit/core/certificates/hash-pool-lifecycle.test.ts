// Issue 19 item 4: the life of the KDF worker pool (hash-pool.ts) as the app and the CLI live with it — at most two
// threads, the least-loaded one takes the next chain, idle threads stop after 30 s and never keep the process alive,
// a cancelled chain is answered at once, a thread that dies (or cannot start) falls back to hashing inline.
// Everything runs in this process (mutation testing sees only it). The threads are real; `node:worker_threads` is
// wrapped only to count them, to reach them, and to make one die (a crash cannot be caused with the real source);
// `availableParallelism` is set per test so the pool size does not depend on this machine.
import { hash } from 'node:crypto';
import { getEventListeners, once } from 'node:events';
import { readdirSync, readFileSync } from 'node:fs';
import type * as Os from 'node:os';
import type * as Threads from 'node:worker_threads';
import type { Worker as NodeWorker, WorkerOptions } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as HashPool from '../../../../src/core/certificates/pkcs12/hash-pool';

type Mode = 'real' | 'exit' | 'throw' | 'unavailable';
interface ThreadsState {
  cores: number;
  mode: Mode;
  attempts: number;
  created: NodeWorker[];
}
const threads = vi.hoisted((): ThreadsState => ({ cores: 2, mode: 'real', attempts: 0, created: [] }));

vi.mock('node:os', async (importOriginal) => {
  const os = await importOriginal<typeof Os>();
  const availableParallelism = () => threads.cores;
  return { ...os, default: { ...os, availableParallelism }, availableParallelism };
});

vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof Threads>();
  // Appended to the worker's source: a thread that ends (exit) or throws (an uncaught error) on its first chain.
  const crash: Record<Mode, string> = {
    real: '',
    exit: "\nparentPort.removeAllListeners('message'); parentPort.on('message', () => process.exit(1));",
    throw:
      "\nparentPort.removeAllListeners('message'); parentPort.on('message', () => { throw new Error('crashed'); });",
    unavailable: '',
  };
  class RecordedWorker extends real.Worker {
    constructor(source: string, options: WorkerOptions) {
      threads.attempts++;
      if (threads.mode === 'unavailable') throw new Error('worker threads are not available here');
      super(source + crash[threads.mode], options);
      threads.created.push(this);
    }
  }
  return { ...real, default: { ...real, Worker: RecordedWorker }, Worker: RecordedWorker };
});

let pool: typeof HashPool;
const running: AbortController[] = [];

beforeEach(async () => {
  Object.assign(threads, { cores: 2, mode: 'real', attempts: 0, created: [] });
  // A fresh pool per test: no threads, no idle timer, workers not marked broken.
  vi.resetModules();
  pool = await import('../../../../src/core/certificates/pkcs12/hash-pool');
});

afterEach(async () => {
  for (const controller of running.splice(0)) controller.abort();
  vi.useRealTimers();
  await pool.shutdownCertificateWorkers();
});

/** H^rounds(input) with Node, one round at a time. */
function reference(input: Buffer, rounds: number): string {
  let d = hash('sha256', input, 'buffer');
  for (let i = 1; i < rounds; i++) d = hash('sha256', d, 'buffer');
  return d.toString('hex');
}

/** A chain that runs for minutes unless stopped (the test's afterEach stops it); resolves to its error. */
function endless(): { result: Promise<unknown>; stop: () => void } {
  const controller = new AbortController();
  running.push(controller);
  const result = pool.iteratedHash('sha256', Buffer.from('endless'), 2_000_000_000, controller.signal).catch((e) => e);
  return { result, stop: () => controller.abort() };
}

/** A chain just long enough to go to a worker thread. */
const short = (signal?: AbortSignal) =>
  pool.iteratedHash('sha256', Buffer.from('short'), pool.INLINE_ROUNDS + 1, signal);
let shortHex = '';
const shortDigest = () => (shortHex ||= reference(Buffer.from('short'), pool.INLINE_ROUNDS + 1));

/** Resources that keep this process from exiting: a referenced worker thread shows as its MessagePort. */
const active = (type: string) => process.getActiveResourcesInfo().filter((r) => r === type).length;

const idleTimers = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

describe('pool size and choice of thread', () => {
  it('four chains at once on an 8-core machine run on two threads, two each', async () => {
    threads.cores = 8;
    for (let i = 0; i < 4; i++) endless();
    expect(pool.poolLoad()).toEqual([2, 2]);
    expect(threads.created).toHaveLength(2);
  });

  it('one thread on one core, two on two', () => {
    threads.cores = 1;
    endless();
    endless();
    expect(pool.poolLoad()).toEqual([2]);
    threads.cores = 2;
    endless();
    expect(pool.poolLoad()).toEqual([2, 1]);
  });

  it('chains one after another reuse the one warm thread', async () => {
    expect((await short()).toString('hex')).toBe(shortDigest());
    expect((await short()).toString('hex')).toBe(shortDigest());
    expect(threads.created).toHaveLength(1);
    expect(pool.poolLoad()).toEqual([0]);
  });

  it('its threads are named gcw-pkcs12-kdf where the system lists threads (top -H, ps -T, /proc)', async (ctx) => {
    ctx.skip(process.platform !== 'linux', 'thread names are read from /proc/self/task (Linux only)');
    pool.prewarmCertificateWorkers();
    await Promise.all(threads.created.map((worker) => once(worker, 'online')));
    const names = readdirSync('/proc/self/task').map((task) => readFileSync(`/proc/self/task/${task}/comm`, 'utf8'));
    // At least these two (threads of earlier tests may still be stopping).
    expect(names.filter((name) => name.trim() === 'gcw-pkcs12-kdf').length).toBeGreaterThanOrEqual(2);
  });
});

describe('inline or on a worker', () => {
  it(`a chain of up to INLINE_ROUNDS rounds runs inline without a thread; one round more goes to a worker`, async () => {
    const input = Buffer.from('threshold');
    expect((await pool.iteratedHash('sha256', input, pool.INLINE_ROUNDS)).toString('hex')).toBe(
      reference(input, pool.INLINE_ROUNDS),
    );
    expect(threads.created).toHaveLength(0);
    expect((await short()).toString('hex')).toBe(shortDigest());
    expect(threads.created).toHaveLength(1);
  });

  it('an inline chain of three slices lets the event loop turn between one slice and the next', async () => {
    // 4,096 rounds a slice: the loop turns (this immediate runs) after the first slice and after the second.
    let turns = 0;
    let done = false;
    const tick = () => {
      turns++;
      if (!done) setImmediate(tick);
    };
    setImmediate(tick);
    await pool.iteratedHashInline('sha256', Buffer.from('slices'), 3 * 4096);
    done = true;
    expect(turns).toBeGreaterThanOrEqual(2);
  });

  it('an inline chain stops at its next slice when its signal aborts', async () => {
    const controller = new AbortController();
    const chain = pool.iteratedHashInline('sha256', Buffer.from('stop me'), 1_000_000, controller.signal);
    controller.abort();
    await expect(chain).rejects.toMatchObject({ name: 'OpenStopped', reason: 'cancelled' });
  });

  it('a signal already aborted stops a long chain before any thread starts', async () => {
    await expect(short(AbortSignal.abort())).rejects.toMatchObject({ name: 'OpenStopped', reason: 'cancelled' });
    expect(threads.created).toHaveLength(0);
  });
});

describe('what keeps the process alive', () => {
  it('idle threads do not; a thread holds it while it has a chain, until its last chain answers', async () => {
    threads.cores = 1;
    pool.prewarmCertificateWorkers();
    expect([pool.poolLoad(), active('MessagePort')]).toEqual([[0], 0]);
    // Two chains on the one thread, answered in order: the short one first, the long one still running.
    const first = short();
    const long = endless();
    expect([pool.poolLoad(), active('MessagePort')]).toEqual([[2], 1]);
    expect((await first).toString('hex')).toBe(shortDigest());
    expect([pool.poolLoad(), active('MessagePort')]).toEqual([[1], 1]);
    const exited = once(threads.created[0]!, 'exit');
    long.stop();
    await Promise.all([long.result, exited]);
    expect((await short()).toString('hex')).toBe(shortDigest());
    expect([pool.poolLoad(), active('MessagePort')]).toEqual([[0], 0]);
  });

  it('the idle-stop timer does not', async () => {
    await short();
    // shutdown clears the idle timer before it awaits: a referenced timer would be one Timeout fewer after it.
    const before = active('Timeout');
    const stopping = pool.shutdownCertificateWorkers();
    const after = active('Timeout');
    await stopping;
    expect(before).toBe(after);
  });
});

describe('idle stop after 30 s', () => {
  it('threads stop 30 s after the last chain answers', async () => {
    idleTimers();
    expect((await short()).toString('hex')).toBe(shortDigest());
    vi.advanceTimersByTime(29_999);
    expect(pool.poolLoad()).toEqual([0]);
    vi.advanceTimersByTime(1);
    expect(pool.poolLoad()).toEqual([]);
  });

  it('prewarmed threads stop after 30 s unused, counted from the last prewarm', () => {
    idleTimers();
    pool.prewarmCertificateWorkers();
    expect(pool.poolLoad()).toEqual([0, 0]);
    vi.advanceTimersByTime(10_000);
    pool.prewarmCertificateWorkers();
    vi.advanceTimersByTime(25_000);
    expect(pool.poolLoad()).toEqual([0, 0]);
    vi.advanceTimersByTime(5_000);
    expect(pool.poolLoad()).toEqual([]);
  });

  it('a thread with a chain running is never stopped for idleness', async () => {
    idleTimers();
    await short();
    vi.advanceTimersByTime(20_000);
    // A long chain starts 20 s into the idle wait: the old timer must not stop its thread 10 s later.
    endless();
    vi.advanceTimersByTime(15_000);
    expect(pool.poolLoad()).toEqual([1]);
    // Another chain ends on the second thread while the long one runs: no idle stop is due.
    expect((await short()).toString('hex')).toBe(shortDigest());
    vi.advanceTimersByTime(30_000);
    expect(pool.poolLoad()).toEqual([1, 0]);
  });
});

describe('cancel', () => {
  it('a cancelled chain is answered at once, its thread is replaced, and the pool stops 30 s later', async () => {
    idleTimers();
    pool.prewarmCertificateWorkers();
    const long = endless();
    const [first, second] = threads.created;
    const firstExited = once(first!, 'exit');
    let answer: unknown = 'not answered';
    void long.result.then((error) => (answer = error));
    long.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(answer).toMatchObject({ name: 'OpenStopped', reason: 'cancelled' });
    expect([pool.pendingChains(), pool.poolLoad()]).toEqual([0, [0]]);
    // The stopped thread's exit does not take the other one out of the pool.
    await firstExited;
    expect(pool.poolLoad()).toEqual([0]);
    vi.advanceTimersByTime(30_000);
    expect(pool.poolLoad()).toEqual([]);
    await once(second!, 'exit');
  });

  it('a chain that answers leaves no listener on its signal (one signal serves a whole open)', async () => {
    const controller = new AbortController();
    await short(controller.signal);
    await Promise.all([short(controller.signal), short(controller.signal)]);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});

describe('a thread that dies or cannot start: the chain is hashed inline', () => {
  for (const mode of ['exit', 'throw'] as const) {
    it(`a thread that ${mode === 'exit' ? 'exits' : 'throws an uncaught error'} mid-chain`, async () => {
      threads.mode = mode;
      const controller = new AbortController();
      expect((await short(controller.signal)).toString('hex')).toBe(shortDigest());
      expect(threads.created).toHaveLength(1);
      expect([pool.poolLoad(), getEventListeners(controller.signal, 'abort').length]).toEqual([[], 0]);
    });
  }

  it('threads that cannot start are tried once, then every chain stays inline', async () => {
    threads.mode = 'unavailable';
    const controller = new AbortController();
    expect((await short(controller.signal)).toString('hex')).toBe(shortDigest());
    expect((await short(controller.signal)).toString('hex')).toBe(shortDigest());
    expect([threads.attempts, pool.poolLoad(), getEventListeners(controller.signal, 'abort').length]).toEqual([
      1,
      [],
      0,
    ]);
  });
});
