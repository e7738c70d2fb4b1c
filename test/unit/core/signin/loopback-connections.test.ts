// The loopback listener's connection cap, in this process (test/integration/signin/loopback-flood.test.ts floods a
// child process): over the cap, the oldest idle connection is closed, one with a request in progress only when all are
// busy, and the newest (the browser's) always gets in; connections that ended do not count. (Every page the
// listener sends closes its connection, so an idle connection is one that has sent nothing yet.)
// "In progress" is made certain without timing: a request with `Expect: 100-continue` gets "100 Continue" back only
// once the listener has taken it.
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { LoopbackListener, LoopbackRefusal } from '../../../../src/core/signin/loopback-listener';
import { httpSend, rawExchange } from '../../../support/idp/raw-http';
import { loopbackListeners } from '../../../support/loopback-listeners';

const state = 'cap-state-5';
const answer = `code=from-browser&state=${state}`;
const listen = loopbackListeners(state);
const sockets: Socket[] = [];
// Registered after the listeners' own clean-up, so it runs first: the sockets go before their listener closes.
afterEach(() => {
  for (const s of sockets.splice(0)) s.destroy();
});

function start(maxConnections: number, refusals: LoopbackRefusal[]): Promise<LoopbackListener> {
  return listen({ maxConnections, onRefused: (r) => refusals.push(r) });
}

/** A raw connection that keeps what it receives and knows when the listener closed it. */
function client(port: number) {
  const socket = connect({ host: '127.0.0.1', port });
  sockets.push(socket);
  let text = '';
  const waiters: Array<() => void> = [];
  socket.on('data', (d: Buffer) => {
    text += d.toString('utf8');
    for (const w of waiters.splice(0)) w();
  });
  socket.on('error', () => undefined);
  const closed = new Promise<void>((r) => socket.once('close', () => r()));
  const connected = new Promise<void>((r) => socket.once('connect', () => r()));
  /** Resolves once the text received so far contains `needle`. */
  const received = (needle: string) =>
    new Promise<void>((resolve) => {
      const check = () => (text.includes(needle) ? resolve() : waiters.push(check));
      check();
    });
  return { socket, closed, connected, received, text: () => text };
}

/** Starts a form post and waits until the listener has taken it (100 Continue); the body is sent later. */
async function postInProgress(port: number) {
  const c = client(port);
  await c.connected;
  c.socket.write(
    `POST / HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
      `Content-Length: ${answer.length}\r\nExpect: 100-continue\r\n\r\n`,
  );
  await c.received('HTTP/1.1 100 Continue');
  return c;
}

/** A connection that is open but has sent nothing yet (as browsers keep spare ones, or a flood would). */
async function idle(port: number) {
  const c = client(port);
  await c.connected;
  return c;
}

describe('loopback connection cap', () => {
  it('over the cap, closes the idle connection and keeps the answer in progress, even when that one is older', async () => {
    const refusals: LoopbackRefusal[] = [];
    const l = await start(2, refusals);
    const browser = await postInProgress(l.port);
    const spare = await idle(l.port);
    expect(refusals).toEqual([]);
    const newcomer = client(l.port);
    const first = await Promise.race([browser.closed.then(() => 'browser'), spare.closed.then(() => 'idle')]);
    expect(first).toBe('idle');
    expect(refusals).toEqual([{ reason: 'too_many_connections', status: 503 }]);
    browser.socket.write(answer);
    await browser.received('Signed in');
    expect((await l.result).params.code).toBe('from-browser');
    await newcomer.connected;
  });

  it('when every connection is busy, closes the oldest: the newest (the browser) always gets in', async () => {
    const refusals: LoopbackRefusal[] = [];
    const l = await start(1, refusals);
    const busy = await postInProgress(l.port);
    expect(refusals).toEqual([]);
    const browser = client(l.port);
    await busy.closed;
    expect(refusals).toEqual([{ reason: 'too_many_connections', status: 503 }]);
    browser.socket.write(`GET /?${answer} HTTP/1.1\r\nHost: localhost:${l.port}\r\n\r\n`);
    await browser.received('Signed in');
    expect((await l.result).params.code).toBe('from-browser');
  });

  it('a client that sends garbage and keeps its side open is hung up on: it holds no place under the cap', async () => {
    const refusals: LoopbackRefusal[] = [];
    const l = await start(1, refusals);
    const garbage = connect({ host: '127.0.0.1', port: l.port, allowHalfOpen: true });
    sockets.push(garbage);
    garbage.on('error', () => undefined);
    let text = '';
    garbage.on('data', (d: Buffer) => (text += d.toString('utf8')));
    await new Promise<void>((r) => garbage.once('connect', () => r()));
    garbage.write('NOT HTTP AT ALL\r\n\r\n');
    await new Promise<void>((r) => garbage.once('end', () => r()));
    expect(text).toMatch(/^HTTP\/1\.1 400 Bad Request/);
    expect((await httpSend(l.port, { path: `/?${answer}` })).status).toBe(200);
    expect(refusals).toEqual([{ reason: 'client_error', status: 400 }]);
  });

  it('connections that ended do not count: many answers one after another, none turned away', async () => {
    const refusals: LoopbackRefusal[] = [];
    const l = await start(2, refusals);
    for (let i = 0; i < 6; i += 1) {
      const exchange = await rawExchange(l.port, [
        `GET /elsewhere HTTP/1.1\r\nHost: localhost:${l.port}\r\nConnection: close\r\n\r\n`,
      ]);
      expect(exchange.text).toMatch(/^HTTP\/1\.1 404/);
    }
    expect((await httpSend(l.port, { path: `/?${answer}` })).status).toBe(200);
    expect(refusals).toEqual(Array.from({ length: 6 }, () => ({ reason: 'wrong_path', status: 404 })));
  });
});
