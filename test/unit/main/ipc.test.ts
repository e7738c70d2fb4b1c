import { beforeEach, describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, fn),
  },
}));

const { registerContract, senderRefusal } = await import('../../../src/main/ipc');
const { createDispatcher } = await import('../../../src/core/app/dispatcher');
const { createHandlers } = await import('../../../src/core/app/handlers');
const { methodNames, channelFor } = await import('../../../src/shared/contract');
const { createTestHost } = await import('../../support/test-context');
const { securityDocFigure } = await import('../../support/doc-figures');

const entryUrl = 'app://workbench/index.html';
const mainFrame = { parent: null, url: 'app://workbench/index.html#/settings' };
const event = (id: number, frame: { parent: unknown; url: string } | null) => ({ sender: { id }, senderFrame: frame });

describe('IPC registration', () => {
  const logs: string[] = [];
  const logged: Array<Record<string, unknown> | undefined> = [];
  beforeEach(() => {
    handlers.clear();
    const host = createTestHost();
    registerContract(createDispatcher(createHandlers(host.ctx), { log: host.ctx.log }), {
      trustedIds: new Set([7]),
      entryUrl,
      log: (m, d) => (logs.push(m), logged.push(d)),
    });
  });

  it('registers every contract method on its own channel, as many as docs/security.md counts', () => {
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(channelFor).sort());
    expect(methodNames.length).toBe(securityDocFigure(/\| (\d+) methods × 4 senders/));
    expect(methodNames.length * 4).toBe(securityDocFigure(/methods × 4 senders \([^)]*\) = (\d+) calls/));
  });

  it('answers our own window', async () => {
    const result = await handlers.get('wb:settings.get')!(event(7, mainFrame), {});
    expect(result).toMatchObject({ ok: true, value: { theme: 'system' } });
  });

  it.each([
    ['a foreign webContents', event(8, mainFrame), 'not one of the app windows'],
    ['a sub-frame', event(7, { parent: {}, url: mainFrame.url }), 'not the main frame'],
    ['another origin', event(7, { parent: null, url: 'https://evil.example.com/' }), 'not the app origin'],
    ['a destroyed frame', event(7, null), 'the frame is gone'],
  ])('refuses %s with ipc.forbidden_sender and logs why', async (_what, e, reason) => {
    const result = await handlers.get('wb:settings.update')!(e, { theme: 'dark' });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.forbidden_sender' } });
    expect(logs.at(-1)).toBe('Refused an IPC call');
    expect(logged.at(-1)).toEqual({ method: 'settings.update', reason });
  });

  it.each([
    ['a foreign webContents', event(8, mainFrame)],
    ['a sub-frame', event(7, { parent: {}, url: mainFrame.url })],
    ['another origin', event(7, { parent: null, url: 'https://evil.example.com/' })],
    ['a destroyed frame', event(7, null)],
  ])('refuses %s on every contract method before the dispatcher runs', async (_what, e) => {
    const reached: string[] = [];
    handlers.clear();
    registerContract(
      { call: async (method) => (reached.push(method), { ok: true, value: null }) },
      { trustedIds: new Set([7]), entryUrl, log: (m) => logs.push(m) },
    );
    for (const name of methodNames) {
      const result = await handlers.get(channelFor(name))!(e, {});
      expect(result, name).toMatchObject({ ok: false, error: { code: 'ipc.forbidden_sender' } });
    }
    expect(reached).toEqual([]);
    // The same spy answers our own window, so the refusals above are the sender check, not a broken spy.
    await handlers.get(channelFor(methodNames[0]))!(event(7, mainFrame), {});
    expect(reached).toEqual([methodNames[0]]);
  });

  it('refuses an unknown field on every contract method (every input schema is strict)', async () => {
    const loose: string[] = [];
    for (const name of methodNames) {
      const result = (await handlers.get(channelFor(name))!(event(7, mainFrame), { unexpectedField: 'x' })) as {
        ok: boolean;
        error?: { code: string };
      };
      if (result.ok || result.error?.code !== 'ipc.invalid_input') loose.push(name);
    }
    expect(loose).toEqual([]);
  });

  it('refuses invalid input with a typed error instead of throwing', async () => {
    const result = await handlers.get('wb:settings.update')!(event(7, mainFrame), { clipboardClearSeconds: 1e9 });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalid_input' } });
  });

  it('explains each refusal reason', () => {
    const refusal = (e: ReturnType<typeof event>) => senderRefusal(e as never, new Set([7]), entryUrl);
    expect(refusal(event(7, mainFrame))).toBeNull();
    expect(refusal(event(1, mainFrame))).toBe('not one of the app windows');
    expect(refusal(event(7, null))).toBe('the frame is gone');
    expect(refusal(event(7, { parent: {}, url: mainFrame.url }))).toBe('not the main frame');
    expect(refusal(event(7, { parent: null, url: 'https://evil.example.com/' }))).toBe('not the app origin');
  });
});
