import { beforeEach, describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
vi.mock('electron', () => ({
  ipcMain: { handle: (channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => handlers.set(channel, fn) },
}));

const { registerContract, senderRefusal } = await import('../../../src/main/ipc');
const { createDispatcher } = await import('../../../src/core/app/dispatcher');
const { createHandlers } = await import('../../../src/core/app/handlers');
const { methodNames, channelFor } = await import('../../../src/shared/contract');
const { createTestHost } = await import('../../support/test-context');

const entryUrl = 'app://workbench/index.html';
const mainFrame = { parent: null, url: 'app://workbench/index.html#/settings' };
const event = (id: number, frame: { parent: unknown; url: string } | null) => ({ sender: { id }, senderFrame: frame });

describe('IPC registration', () => {
  const logs: string[] = [];
  beforeEach(() => {
    handlers.clear();
    const host = createTestHost();
    registerContract(createDispatcher(createHandlers(host.ctx), { log: host.ctx.log }), { trustedIds: new Set([7]), entryUrl, log: (m) => logs.push(m) });
  });

  it('registers every contract method on its own channel', () => {
    expect([...handlers.keys()].sort()).toEqual(methodNames.map(channelFor).sort());
  });

  it('answers our own window', async () => {
    const result = await handlers.get('wb:settings.get')!(event(7, mainFrame), {});
    expect(result).toMatchObject({ ok: true, value: { theme: 'system' } });
  });

  it.each([
    ['a foreign webContents', event(8, mainFrame)],
    ['a sub-frame', event(7, { parent: {}, url: mainFrame.url })],
    ['another origin', event(7, { parent: null, url: 'https://evil.example.com/' })],
    ['a destroyed frame', event(7, null)],
  ])('refuses %s with ipc.forbidden_sender and logs why', async (_what, e) => {
    const result = await handlers.get('wb:settings.update')!(e, { theme: 'dark' });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.forbidden_sender' } });
    expect(logs.at(-1)).toBe('Refused an IPC call');
  });

  it.each([
    ['a foreign webContents', event(8, mainFrame)],
    ['a sub-frame', event(7, { parent: {}, url: mainFrame.url })],
    ['another origin', event(7, { parent: null, url: 'https://evil.example.com/' })],
    ['a destroyed frame', event(7, null)],
  ])('refuses %s on every contract method before the dispatcher runs', async (_what, e) => {
    const reached: string[] = [];
    handlers.clear();
    registerContract({ call: async (method) => (reached.push(method), { ok: true, value: null }) }, { trustedIds: new Set([7]), entryUrl, log: (m) => logs.push(m) });
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
      const result = (await handlers.get(channelFor(name))!(event(7, mainFrame), { unexpectedField: 'x' })) as { ok: boolean; error?: { code: string } };
      if (result.ok || result.error?.code !== 'ipc.invalid_input') loose.push(name);
    }
    expect(loose).toEqual([]);
  });

  it('refuses invalid input with a typed error instead of throwing', async () => {
    const result = await handlers.get('wb:settings.update')!(event(7, mainFrame), { clipboardClearSeconds: 1e9 });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalid_input' } });
  });

  it('explains each refusal reason', () => {
    expect(senderRefusal(event(7, mainFrame) as never, new Set([7]), entryUrl)).toBeNull();
    expect(senderRefusal(event(1, mainFrame) as never, new Set([7]), entryUrl)).toBe('not one of the app windows');
  });
});
