// The loopback listener's Host check (the DNS-rebinding defence) at its edges: only `localhost:<port>` and
// `127.0.0.1:<port>` of this very listener are answered; a name or port that merely starts or ends like them is not.
import { afterEach, describe, expect, it } from 'vitest';
import {
  type LoopbackListener,
  type LoopbackRefusal,
  startLoopbackListener,
} from '../../../../src/core/signin/loopback-listener';
import { httpSend } from '../../../support/idp/raw-http';

const state = 'host-check-state-42';
let listener: LoopbackListener | null = null;
afterEach(async () => {
  await listener?.close();
  listener = null;
});

async function start(refusals: LoopbackRefusal[]) {
  listener = await startLoopbackListener({ state, onRefused: (r) => refusals.push(r) });
  return listener;
}

describe('loopback listener Host check', () => {
  // Each as a browser on a rebinding page would send it, with a valid code and state.
  const refused: Array<[string, (port: number) => string]> = [
    ['a name starting with localhost', (p) => `localhost.evil.example:${p}`],
    ['a name starting with 127.0.0.1', (p) => `127.0.0.1.evil.example:${p}`],
    ['a name ending in localhost', (p) => `evil.localhost:${p}`],
    ['a name ending in localhost without a dot', (p) => `evillocalhost:${p}`],
    ['another name', (p) => `evil.example:${p}`],
    ['the right name and a port that starts like ours', (p) => `localhost:${p}0`],
    ['the right name and a port that ends like ours', (p) => `localhost:1${p}`],
    ['the right name on another port', (p) => `localhost:${p === 65535 ? p - 1 : p + 1}`],
    ['127.0.0.1 on another port', (p) => `127.0.0.1:${p === 65535 ? p - 1 : p + 1}`],
    ['the right name without a port', () => 'localhost'],
    ['127.0.0.1 without a port', () => '127.0.0.1'],
    ['an IPv6 literal on another port', (p) => `[::1]:${p === 65535 ? p - 1 : p + 1}`],
    ['an IPv4-mapped IPv6 literal', (p) => `[::ffff:127.0.0.1]:${p}`],
    ['another loopback address', (p) => `127.0.0.2:${p}`],
    ['the port alone', (p) => `:${p}`],
  ];

  it.each(refused)('refuses %s (400 bad_host) and keeps waiting for the real answer', async (_what, hostFor) => {
    const refusals: LoopbackRefusal[] = [];
    const l = await start(refusals);
    const answer = await httpSend(l.port, {
      path: `/?code=from-elsewhere&state=${state}`,
      headers: { host: hostFor(l.port) },
    });
    expect(answer.status).toBe(400);
    expect(refusals.map((r) => r.reason)).toEqual(['bad_host']);
    const ok = await httpSend(l.port, { path: `/?code=real&state=${state}` });
    expect(ok.status).toBe(200);
    expect((await l.result).params.code).toBe('real');
  });

  it.each([
    ['localhost', (p: number) => `localhost:${p}`],
    ['127.0.0.1', (p: number) => `127.0.0.1:${p}`],
    ['LOCALHOST in capitals (host names ignore case)', (p: number) => `LOCALHOST:${p}`],
  ])('answers %s on its own port', async (_what, hostFor) => {
    const l = await start([]);
    const answer = await httpSend(l.port, { path: `/?code=good&state=${state}`, headers: { host: hostFor(l.port) } });
    expect(answer.status).toBe(200);
    expect((await l.result).params.code).toBe('good');
  });
});
