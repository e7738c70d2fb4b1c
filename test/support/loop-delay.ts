// The event loop's largest delay while some work runs (as bench/certs.ts measures it), for tests that report it.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';

/** Run fn and report its wall time and the largest event-loop delay seen (1 ms resolution). */
export async function withLoopDelay<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; maxDelayMs: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  const started = performance.now();
  const value = await fn();
  const ms = performance.now() - started;
  // The histogram records a stall only when its timer fires after it: let the loop turn a few times.
  await sleep(20);
  histogram.disable();
  return { value, ms, maxDelayMs: histogram.max / 1e6 };
}
