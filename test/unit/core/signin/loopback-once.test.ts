// The loopback listener takes one answer, once, whole: a second answer on the same connection is refused, the first
// part of an oversized form is not taken as the answer, and after close nothing of the listener stays behind (no
// timer keeping the CLI alive, no listener on the caller's AbortSignal).
import { getEventListeners } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { LoopbackRefusal } from '../../../../src/core/signin/loopback-listener';
import { httpSend, rawExchange } from '../../../support/idp/raw-http';
import { loopbackListeners } from '../../../support/loopback-listeners';

const state = 'once-state-3';
const start = loopbackListeners(state);
const formHead = (port: number) =>
  `POST / HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`;
const chunk = (text: string) => `${text.length.toString(16)}\r\n${text}\r\n`;

describe('one answer, once', () => {
  it('a second answer sent right behind the first on the same connection is refused as a duplicate', async () => {
    const refusals: LoopbackRefusal[] = [];
    const l = await start({ onRefused: (r) => refusals.push(r) });
    const get = (code: string) => `GET /?code=${code}&state=${state} HTTP/1.1\r\nHost: localhost:${l.port}\r\n\r\n`;
    const exchange = await rawExchange(l.port, [get('first') + get('second')]);
    expect(exchange.text).toMatch(/^HTTP\/1\.1 200/);
    expect(refusals).toEqual([{ reason: 'duplicate', status: 409 }]);
    expect((await l.result).params.code).toBe('first');
  });

  it('an oversized form is refused whole: its first part, though it carries code and state, is not the answer', async () => {
    const refusals: LoopbackRefusal[] = [];
    const l = await start({ maxBodyBytes: 64, onRefused: (r) => refusals.push(r) });
    const head = `code=smuggled&state=${state}&pad=`;
    const exchange = await rawExchange(l.port, [
      formHead(l.port) + chunk(head) + chunk('p'.repeat(64)) + chunk('p'.repeat(64)) + '0\r\n\r\n',
    ]);
    expect(exchange.text).toMatch(/^HTTP\/1\.1 413/);
    expect(exchange.text).toContain('<h1 id="result" data-result="refused">Too large</h1>');
    expect(exchange.text).toContain('The request is larger than a sign-in answer can be.');
    expect(refusals).toEqual([{ reason: 'too_large', status: 413 }]);
    expect((await httpSend(l.port, { path: `/?code=real&state=${state}` })).status).toBe(200);
    expect((await l.result).params.code).toBe('real');
  });

  it('an oversized form declared up front gets the same "Too large" page', async () => {
    const l = await start({ maxBodyBytes: 64 });
    const exchange = await rawExchange(l.port, [
      `POST / HTTP/1.1\r\nHost: localhost:${l.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 65\r\n\r\n`,
    ]);
    expect(exchange.text).toMatch(/^HTTP\/1\.1 413/);
    expect(exchange.text).toContain('<h1 id="result" data-result="refused">Too large</h1>');
  });
});

describe('nothing stays behind', () => {
  it('close() stops the sign-in timer, so a CLI run can exit at once instead of after the timeout', async () => {
    // Only setTimeout is faked, so the count is the listener's own timer (the sockets' timers stay real).
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const l = await start({ timeoutMs: 600_000 });
    expect(vi.getTimerCount()).toBe(1);
    await l.close();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('close() takes its listener off the caller’s AbortSignal (one signal may serve many sign-ins)', async () => {
    const controller = new AbortController();
    const l = await start({ signal: controller.signal });
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    await l.close();
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });
});
