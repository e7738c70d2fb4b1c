import { describe, expect, it } from 'vitest';
import { ClipboardService, type Timers } from '../../../../src/core/os/clipboard-service';
import { MemoryClipboard } from '../../../support/doubles';

function manualTimers() {
  const queue: Array<{ fn: () => void; ms: number; id: number }> = [];
  let next = 1;
  const timers: Timers = {
    setTimeout: (fn, ms) => {
      queue.push({ fn, ms, id: next });
      return next++;
    },
    clearTimeout: (id) => {
      const i = queue.findIndex((q) => q.id === id);
      if (i >= 0) queue.splice(i, 1);
    },
  };
  return { timers, queue, fire: () => queue.splice(0).forEach((q) => q.fn()) };
}

describe('clipboard', () => {
  it('clears a copied secret after the configured seconds', async () => {
    const board = new MemoryClipboard();
    const t = manualTimers();
    let cleared = 0;
    const service = new ClipboardService(
      board,
      () => 45,
      () => cleared++,
      t.timers,
    );
    expect(await service.copy('s3cret', { secret: true })).toEqual({ clearsInSeconds: 45 });
    expect(t.queue[0]?.ms).toBe(45_000);
    t.fire();
    await Promise.resolve();
    expect(board.text).toBe('');
    expect(cleared).toBe(1);
  });

  it('leaves the clipboard alone when the user copied something else since', async () => {
    const board = new MemoryClipboard();
    const t = manualTimers();
    const service = new ClipboardService(
      board,
      () => 60,
      () => undefined,
      t.timers,
    );
    await service.copy('s3cret', { secret: true });
    await board.writeText('user text');
    t.fire();
    await Promise.resolve();
    expect(board.text).toBe('user text');
  });

  it('does not clear non-secret copies', async () => {
    const board = new MemoryClipboard();
    const t = manualTimers();
    const service = new ClipboardService(
      board,
      () => 60,
      () => undefined,
      t.timers,
    );
    expect(await service.copy('client-id', { secret: false })).toEqual({ clearsInSeconds: null });
    expect(t.queue).toHaveLength(0);
  });

  it('on quit clears a secret we copied that is still on the clipboard, at once', async () => {
    const board = new MemoryClipboard();
    const t = manualTimers();
    const service = new ClipboardService(
      board,
      () => 60,
      () => undefined,
      t.timers,
    );
    await service.copy('s3cret', { secret: true });
    await service.dispose();
    expect(board.text).toBe('');
    expect(t.queue).toEqual([]);
  });

  it('on quit leaves the user’s own text and a copied non-secret on the clipboard', async () => {
    const board = new MemoryClipboard();
    const t = manualTimers();
    const service = new ClipboardService(
      board,
      () => 60,
      () => undefined,
      t.timers,
    );
    await service.copy('s3cret', { secret: true });
    await board.writeText('user text');
    await service.dispose();
    expect(board.text).toBe('user text');
    await service.copy('s3cret', { secret: true });
    await service.copy('client-id-not-secret', { secret: false });
    await service.dispose();
    expect(board.text).toBe('client-id-not-secret');
  });
});
