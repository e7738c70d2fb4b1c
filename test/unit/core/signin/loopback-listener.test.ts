import { connect, createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../../src/core/errors';
import { type LoopbackRefusal, startLoopbackListener } from '../../../../src/core/signin/loopback-listener';
import { httpSend, portIsFree, rawExchange } from '../../../support/idp/raw-http';

const state = 'expected-state-123';

async function rejection(promise: Promise<unknown>): Promise<WorkbenchError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkbenchError);
  return err as WorkbenchError;
}

/** How a TCP connection attempt ended: 'connected' or the error code. */
function tryConnect(host: string, port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve('timeout');
    });
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? e.message));
  });
}

/** The machine's addresses that are not loopback (link-local IPv6 with its interface as scope). */
function otherAddresses(): string[] {
  const out: string[] = [];
  for (const [name, list] of Object.entries(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.internal) continue;
      out.push(a.family === 'IPv6' && a.address.toLowerCase().startsWith('fe80:') ? `${a.address}%${name}` : a.address);
    }
  }
  return out;
}

describe('loopback listener', () => {
  it("is reachable on loopback only: 127.0.0.1 and ::1 connect, the machine's other addresses are refused", async (ctx) => {
    const others = otherAddresses();
    ctx.skip(
      others.length === 0,
      'this machine has no non-loopback address (os.networkInterfaces()) to try the listener on',
    );
    const l = await startLoopbackListener({ state });
    try {
      expect(await tryConnect('127.0.0.1', l.port)).toBe('connected');
      expect(await tryConnect('::1', l.port)).toBe('connected');
      const outcomes = await Promise.all(others.map(async (a) => [a, await tryConnect(a, l.port)] as const));
      console.log(
        `loopback reachability on port ${l.port}: 127.0.0.1 → connected, ::1 → connected, ${outcomes.map(([a, o]) => `${a} → ${o}`).join(', ')}`,
      );
      for (const [address, outcome] of outcomes) expect(outcome, address).toBe('ECONNREFUSED');
    } finally {
      await l.close();
    }
  });

  it('binds a free port and names http://localhost:<port> as the redirect URI', async () => {
    const l = await startLoopbackListener({ state });
    expect(l.redirectUri).toBe(`http://localhost:${l.port}`);
    expect(l.port).toBeGreaterThan(0);
    await l.close();
    await expect(l.result).rejects.toMatchObject({ code: 'signin.cancelled' });
  });

  it('accepts a query response with the expected state and shows a success page', async () => {
    const l = await startLoopbackListener({ state });
    const res = await httpSend(l.port, { path: `/?code=abc&state=${state}` });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Signed in');
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.body).not.toMatch(/<script|https?:\/\//);
    await expect(l.result).resolves.toEqual({ params: { code: 'abc', state }, mode: 'query' });
    await l.close();
    expect(await portIsFree(l.port)).toBe(true);
  });

  it('accepts a form_post response on a custom path and shows the error Entra sent', async () => {
    const l = await startLoopbackListener({ state, path: '/callback' });
    expect(l.redirectUri).toBe(`http://localhost:${l.port}/callback`);
    const res = await httpSend(l.port, {
      method: 'POST',
      path: '/callback',
      body: new URLSearchParams({
        error: 'access_denied',
        error_description: 'AADSTS65004: User declined <b>',
        state,
      }).toString(),
    });
    expect(res.status).toBe(200);
    expect(res.body).toContain('Sign-in did not finish');
    expect(res.body).toContain('AADSTS65004: User declined &#60;b&#62;');
    const result = await l.result;
    expect(result.mode).toBe('form_post');
    expect(result.params.error).toBe('access_denied');
  });

  it('refuses other paths, wrong or repeated state, other methods and hosts, then still takes the real answer', async () => {
    const refusals: LoopbackRefusal[] = [];
    const l = await startLoopbackListener({ state, path: '/callback', onRefused: (r) => refusals.push(r) });
    expect((await httpSend(l.port, { path: `/other?code=x&state=${state}` })).status).toBe(404);
    expect((await httpSend(l.port, { path: '/callback?code=x&state=wrong' })).status).toBe(400);
    expect((await httpSend(l.port, { path: `/callback?code=x&state=${state}&state=${state}` })).status).toBe(400);
    expect((await httpSend(l.port, { path: '/callback' })).status).toBe(400);
    expect((await httpSend(l.port, { method: 'PUT', path: '/callback' })).status).toBe(405);
    expect(
      (
        await httpSend(l.port, {
          method: 'POST',
          path: '/callback',
          body: '{}',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(415);
    expect(
      (await httpSend(l.port, { path: `/callback?code=x&state=${state}`, headers: { host: 'evil.example:80' } }))
        .status,
    ).toBe(400);
    expect(refusals.map((r) => r.reason)).toEqual([
      'wrong_path',
      'wrong_state',
      'wrong_state',
      'no_response',
      'bad_method',
      'bad_content_type',
      'bad_host',
    ]);
    const ok = await httpSend(l.port, {
      path: `/callback?code=good&state=${state}`,
      headers: { host: `127.0.0.1:${l.port}` },
    });
    expect(ok.status).toBe(200);
    expect((await l.result).params.code).toBe('good');
  });

  it('takes exactly one response: a second callback is refused and the port is freed', async () => {
    const l = await startLoopbackListener({ state });
    const [a, b] = await Promise.all([
      httpSend(l.port, { path: `/?code=first&state=${state}` }),
      httpSend(l.port, { path: `/?code=second&state=${state}` }).catch(() => null),
    ]);
    expect(a.status).toBe(200);
    // The second request is either answered 409 on its connection or finds the listener already gone; never a 200.
    expect(b === null ? 'listener gone' : b.status).toBeOneOf([409, 'listener gone']);
    expect((await l.result).params.code).toBe('first');
    await l.close();
    await expect(httpSend(l.port, { path: `/?code=third&state=${state}` })).rejects.toThrow();
    expect(await portIsFree(l.port)).toBe(true);
  });

  it('refuses an oversized body (413) and oversized headers (431)', async () => {
    const refusals: string[] = [];
    const l = await startLoopbackListener({
      state,
      maxBodyBytes: 1024,
      maxHeaderBytes: 2048,
      onRefused: (r) => refusals.push(`${r.reason}:${r.status}`),
    });
    // Only the headers: a declared Content-Length over the limit is refused before any body is read.
    const big = await rawExchange(l.port, [
      `POST / HTTP/1.1\r\nHost: localhost:${l.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\n`,
    ]);
    expect(big.text).toMatch(/^HTTP\/1\.1 413/);
    const chunked = await rawExchange(l.port, [
      `POST / HTTP/1.1\r\nHost: localhost:${l.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`,
      `1000\r\n${'b'.repeat(4096)}\r\n`,
      `1000\r\n${'c'.repeat(4096)}\r\n0\r\n\r\n`,
    ]);
    expect(chunked.text).toMatch(/^HTTP\/1\.1 413/);
    const headers = await rawExchange(l.port, [
      `GET /?code=x&state=${state} HTTP/1.1\r\nHost: localhost:${l.port}\r\nX-Fill: ${'h'.repeat(4000)}\r\n\r\n`,
    ]);
    expect(headers.text).toMatch(/^HTTP\/1\.1 431/);
    expect(refusals).toContain('too_large:431');
    expect(refusals.filter((r) => r === 'too_large:413').length).toBeGreaterThanOrEqual(1);
    // None of that settled the sign-in.
    const ok = await httpSend(l.port, { path: `/?code=fine&state=${state}` });
    expect(ok.status).toBe(200);
    expect((await l.result).params.code).toBe('fine');
  });

  it('drops slow clients (408) without settling the sign-in', async () => {
    const l = await startLoopbackListener({ state, headersTimeoutMs: 300, requestTimeoutMs: 400 });
    const slow = await rawExchange(
      l.port,
      [`GET /?code=x&state=${state} HTTP/1.1\r\n`, 'Host: local', 'host:1\r\n'],
      700,
    );
    expect(slow.closed).toBe(true);
    expect(slow.text).toMatch(/^HTTP\/1\.1 408/);
    const ok = await httpSend(l.port, { path: `/?code=after&state=${state}` });
    expect(ok.status).toBe(200);
    await l.close();
  });

  it('times out with signin.timeout, names the redirect URI, and frees the port', async () => {
    const l = await startLoopbackListener({
      state,
      timeoutMs: 150,
      timeoutHint: 'Register http://localhost under Web.',
    });
    const err = await rejection(l.result);
    expect(err.code).toBe('signin.timeout');
    expect(err.hint).toContain('Register http://localhost');
    expect(err.details?.redirectUri).toBe(`http://localhost:${l.port}`);
    await l.close();
    expect(await portIsFree(l.port)).toBe(true);
  });

  it('frees its port by itself after the answer, a timeout or a cancel, even when the caller never calls close()', async () => {
    const answered = await startLoopbackListener({ state });
    expect((await httpSend(answered.port, { path: `/?code=x&state=${state}` })).status).toBe(200);
    await answered.result;
    const timedOut = await startLoopbackListener({ state, timeoutMs: 100 });
    await expect(timedOut.result).rejects.toMatchObject({ code: 'signin.timeout' });
    const controller = new AbortController();
    const cancelled = await startLoopbackListener({ state, signal: controller.signal });
    controller.abort();
    await expect(cancelled.result).rejects.toMatchObject({ code: 'signin.cancelled' });
    for (const l of [answered, timedOut, cancelled])
      await expect.poll(() => portIsFree(l.port), { timeout: 3000 }).toBe(true);
  });

  it('is cancelled by an AbortSignal, before or while waiting', async () => {
    const controller = new AbortController();
    const l = await startLoopbackListener({ state, signal: controller.signal });
    controller.abort();
    expect((await rejection(l.result)).code).toBe('signin.cancelled');
    await l.close();
    expect(await portIsFree(l.port)).toBe(true);
    const early = await startLoopbackListener({ state, signal: AbortSignal.abort() });
    expect((await rejection(early.result)).code).toBe('signin.cancelled');
    await early.close();
  });

  it('uses the preferred port when free and falls back when it is busy', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    const busy = (blocker.address() as { port: number }).port;
    const l = await startLoopbackListener({ state, preferredPort: busy });
    expect(l.port).not.toBe(busy);
    await l.close();
    await new Promise<void>((r) => blocker.close(() => r()));
    const again = await startLoopbackListener({ state, preferredPort: busy });
    expect(again.port).toBe(busy);
    await again.close();
  });

  it('reports signin.listener_failed when it cannot listen, and rejects bad input', async () => {
    const err = await rejection(startLoopbackListener({ state, preferredPort: 70_000 }));
    expect(err.code).toBe('signin.listener_failed');
    expect((await rejection(startLoopbackListener({ state: '' }))).code).toBe('signin.invalid_input');
    expect((await rejection(startLoopbackListener({ state, path: 'callback' }))).code).toBe('signin.invalid_input');
  });
});
