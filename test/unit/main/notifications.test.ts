// OS notifications are held until clicked, closed or failed (a collected one loses its click), and failures are logged.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const made: Array<WeakRef<EventEmitter>> = [];
vi.mock('electron', () => ({
  Notification: class extends EventEmitter {
    static isSupported = () => true;
    constructor(readonly options: { title: string; body: string }) {
      super();
      made.push(new WeakRef(this));
    }
    show() {}
  },
}));
const { electronNotifier } = await import('../../../src/main/adapters/os-adapters');

/** Let the current job end (WeakRef targets are kept until then), then collect. */
async function collect(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  gc();
  await new Promise((r) => setTimeout(r, 0));
  gc();
}

const latest = () => made[made.length - 1]!;

describe('electronNotifier', () => {
  it('keeps a shown notification alive until it is clicked, then runs its action and brings the window forward', async () => {
    const win = { isMinimized: () => true, restore: vi.fn(), focus: vi.fn() };
    const onClick = vi.fn();
    // The app keeps its notifier for its whole life (in the app context); so does each test.
    const notifier = electronNotifier(() => win as never, vi.fn());
    notifier.notify({ title: 'Certificate expires in 7 days', body: 'Contoso', onClick });
    const ref = latest();
    await collect();
    expect(ref.deref(), 'collected before the user could click it').toBeDefined();
    ref.deref()!.emit('click');
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
    await collect();
    expect(ref.deref(), 'still held after its click').toBeUndefined();
    expect(notifier).toBeDefined();
  });

  it('lets a notification go once it is closed', async () => {
    const notifier = electronNotifier(() => null, vi.fn());
    notifier.notify({ title: 't', body: 'b' });
    const ref = latest();
    await collect();
    expect(ref.deref()).toBeDefined();
    ref.deref()!.emit('close');
    await collect();
    expect(ref.deref()).toBeUndefined();
    expect(notifier).toBeDefined();
  });

  it('logs a notification that failed, and lets it go', async () => {
    const log = vi.fn();
    const notifier = electronNotifier(() => null, log);
    notifier.notify({ title: 'Secret expires in 30 days', body: 'b' });
    const ref = latest();
    await collect();
    ref.deref()!.emit('failed', {}, 'Notification was not shown: the app is not signed');
    expect(log).toHaveBeenCalledWith('A notification could not be shown', {
      title: 'Secret expires in 30 days',
      error: 'Notification was not shown: the app is not signed',
    });
    await collect();
    expect(ref.deref()).toBeUndefined();
    expect(notifier).toBeDefined();
  });
});
