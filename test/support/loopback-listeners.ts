// Loopback listeners for one test file: each test's listeners are closed after it (and real timers restored, for the
// tests that fake them), so no listener, socket or timer outlives the test that started it.
import { afterEach, vi } from 'vitest';
import { type LoopbackListener, startLoopbackListener } from '../../src/core/signin/loopback-listener';

export type ListenerOptions = Omit<Parameters<typeof startLoopbackListener>[0], 'state'>;

/** Call at the top of a test file; returns `start(options)`, which starts a listener waiting for `state`. */
export function loopbackListeners(state: string): (options?: ListenerOptions) => Promise<LoopbackListener> {
  const open: LoopbackListener[] = [];
  afterEach(async () => {
    vi.useRealTimers();
    for (const listener of open.splice(0)) await listener.close();
  });
  return async (options = {}) => {
    const listener = await startLoopbackListener({ state, ...options });
    open.push(listener);
    return listener;
  };
}
