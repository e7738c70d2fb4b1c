// The sign-in's waiting time as the admin reads it: 5 minutes when the caller sets none, and exactly one minute reads
// "1 minute", not "60 seconds". Fake timers (setTimeout only; the sockets stay real), so nothing waits for real.
// The default is a module-level constant, so that test imports the listener afresh (Stryker switches a mutant on only
// after the first import; docs/testing.md, Mutation testing).
import { afterEach, describe, expect, it, vi } from 'vitest';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  vi.useRealTimers();
  for (const close of closers.splice(0)) await close();
});

const fresh = async () => {
  vi.resetModules();
  return import('../../../../src/core/signin/loopback-listener');
};

describe('how long the listener waits', () => {
  it('waits 5 minutes by default, and not a moment less', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { startLoopbackListener } = await fresh();
    const l = await startLoopbackListener({ state: 'default-wait' });
    closers.push(() => l.close());
    let outcome = 'waiting';
    l.result.then(
      () => (outcome = 'answered'),
      () => (outcome = 'timed out'),
    );
    await vi.advanceTimersByTimeAsync(5 * 60_000 - 1);
    expect(outcome).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1);
    await expect(l.result).rejects.toMatchObject({
      code: 'signin.timeout',
      message: 'The browser did not come back to the Workbench within 5 minutes.',
      details: { timeoutSeconds: 300 },
    });
  });

  it('says "1 minute" for a wait of exactly 60 seconds', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { startLoopbackListener } = await fresh();
    const l = await startLoopbackListener({ state: 'one-minute', timeoutMs: 60_000 });
    closers.push(() => l.close());
    await vi.advanceTimersByTimeAsync(60_000);
    await expect(l.result).rejects.toMatchObject({
      message: 'The browser did not come back to the Workbench within 1 minute.',
      details: { timeoutSeconds: 60 },
    });
  });
});
