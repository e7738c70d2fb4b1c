// window.workbench as the preload builds it (buildApi from src/shared/contract/names.ts, the same function the gcw ui
// client and the test hosts use): one function per contract method, each sending its input on the method's IPC
// channel, events filtered by name, nothing else exposed. Electron's contextBridge and ipcRenderer are doubles here.
import { beforeAll, describe, expect, it, vi } from 'vitest';

const exposed = new Map<string, unknown>();
const invoked: Array<{ channel: string; input: unknown }> = [];
const ipcListeners = new Map<string, Set<(event: unknown, message: unknown) => void>>();

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      invoked.push({ channel, input });
      return Promise.resolve({ ok: true, value: channel });
    },
    on: (channel: string, listener: (event: unknown, message: unknown) => void) => {
      if (!ipcListeners.has(channel)) ipcListeners.set(channel, new Set());
      ipcListeners.get(channel)!.add(listener);
    },
    removeListener: (channel: string, listener: (event: unknown, message: unknown) => void) =>
      ipcListeners.get(channel)?.delete(listener),
  },
}));

const { contract, events, methodNames, eventNames, channelFor, EVENT_CHANNEL } =
  await import('../../../src/shared/contract');
const { buildApi } = await import('../../../src/shared/contract/names');
type Api = Record<string, Record<string, (input?: unknown) => Promise<unknown>>> & {
  onEvent(name: string, listener: (p: unknown) => void): () => void;
  host: string;
};

let api: Api;
beforeAll(async () => {
  await import('../../../src/preload/preload');
  api = exposed.get('workbench') as Api;
});

const send = (message: unknown) => ipcListeners.get(EVENT_CHANNEL)?.forEach((listener) => listener({}, message));

describe('the preload’s window.workbench', () => {
  it('names exactly the contract’s methods and events (names.ts against the schemas)', () => {
    expect([...methodNames]).toEqual(Object.keys(contract).sort());
    expect([...eventNames]).toEqual(Object.keys(events).sort());
    expect([...exposed.keys()]).toEqual(['workbench']);
  });

  it('has one function per method, grouped by namespace, and nothing else but onEvent and host', () => {
    const listed = Object.entries(api)
      .filter(([key]) => key !== 'onEvent' && key !== 'host')
      .flatMap(([ns, group]) => Object.keys(group).map((member) => `${ns}.${member}`))
      .sort();
    expect(listed).toEqual([...methodNames]);
    expect(api.host).toBe('desktop');
    expect(Object.isFrozen(api)).toBe(true);
    expect(Object.isFrozen(api.profiles)).toBe(true);
  });

  it('sends each call on its method’s channel with its input, and {} when none is given', async () => {
    invoked.length = 0;
    await expect(api.profiles!.get!({ id: 'p1' })).resolves.toEqual({ ok: true, value: channelFor('profiles.get') });
    await api.app!.about!();
    expect(invoked).toEqual([
      { channel: 'wb:profiles.get', input: { id: 'p1' } },
      { channel: 'wb:app.about', input: {} },
    ]);
  });

  it('delivers only the event listened for, until unsubscribed, and refuses an unknown event', () => {
    const heard: unknown[] = [];
    const stop = api.onEvent('app.notice', (payload) => heard.push(payload));
    send({ name: 'app.navigate', payload: { page: '#/about' } });
    send({ name: 'app.notice', payload: { id: 'n1' } });
    stop();
    send({ name: 'app.notice', payload: { id: 'n2' } });
    expect(heard).toEqual([{ id: 'n1' }]);
    expect(() => api.onEvent('app.secret', () => undefined)).toThrow('Unknown event app.secret');
  });
});

describe('buildApi', () => {
  it('builds the same shape for another host and caller (gcw ui, the test hosts)', async () => {
    const calls: Array<[string, unknown]> = [];
    const built = buildApi(
      ['a.one', 'a.two', 'b.three'],
      async (name, input) => void calls.push([name, input]),
      () => () => undefined,
      'browser',
    ) as unknown as Api;
    await built.a!.one!({ x: 1 });
    await built.b!.three!(undefined);
    expect(calls).toEqual([
      ['a.one', { x: 1 }],
      ['b.three', {}],
    ]);
    expect(Object.keys(built).sort()).toEqual(['a', 'b', 'host', 'onEvent']);
    expect(built.host).toBe('browser');
  });
});
