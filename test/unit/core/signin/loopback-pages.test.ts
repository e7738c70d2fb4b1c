// What the loopback listener tells the person in the browser and the caller: each refusal page says what happened,
// the success and error pages say what to do next, the body limit sits exactly at maxBodyBytes, and timeouts,
// cancels and a busy port come back as errors with their own words.
import { connect } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { type LoopbackRefusal, startLoopbackListener } from '../../../../src/core/signin/loopback-listener';
import { httpSend, rawExchange } from '../../../support/idp/raw-http';
import { loopbackListeners } from '../../../support/loopback-listeners';

const state = 'pages-state-7';
const start = loopbackListeners(state);
const form = (fields: string) => ({
  method: 'POST',
  path: '/',
  body: fields,
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

describe('loopback pages', () => {
  it.each([
    [
      'another path',
      { path: `/other?code=x&state=${state}` },
      404,
      'Not found',
      'This is not the sign-in redirect address.',
    ],
    [
      'another state',
      { path: '/?code=x&state=older' },
      400,
      'Not this sign-in',
      'This answer belongs to a different or older sign-in and was ignored.',
    ],
    [
      'no answer yet',
      { path: '/' },
      400,
      'Waiting for Microsoft',
      'This address waits for the answer from the sign-in page; there is nothing to show yet.',
    ],
    ['another method', { method: 'PUT', path: '/' }, 405, 'Not allowed', 'Only the sign-in answer is accepted here.'],
    [
      'a post that is not a form',
      { method: 'POST', path: '/', body: '{}', headers: { 'content-type': 'application/json' } },
      415,
      'Not accepted',
      'The sign-in answer must be a form post.',
    ],
    [
      'another host',
      { path: `/?code=x&state=${state}`, headers: { host: 'evil.example' } },
      400,
      'Wrong address',
      'This listener only answers on localhost.',
    ],
  ] as const)('refuses %s with a page that says so', async (_what, request, status, title, line) => {
    const l = await start();
    const answer = await httpSend(l.port, request);
    expect(answer.status).toBe(status);
    expect(answer.body).toContain(`<h1 id="result" data-result="refused">${title}</h1>`);
    expect(answer.body).toContain(line.replace(/'/g, '&#39;'));
  });

  it('a second answer after the first gets the "already finished" page, or finds the listener gone', async () => {
    const l = await start();
    const socket = connect({ host: '127.0.0.1', port: l.port });
    await new Promise((r) => socket.once('connect', r));
    const first = await httpSend(l.port, { path: `/?code=one&state=${state}` });
    expect(first.status).toBe(200);
    const second = await httpSend(l.port, { path: `/?code=two&state=${state}` }).catch(() => null);
    socket.destroy();
    expect(
      second === null || (second.status === 409 && second.body.includes('This sign-in already received its answer.')),
    ).toBe(true);
    expect((await l.result).params.code).toBe('one');
  });

  it('shows the default success page, or the caller’s words', async () => {
    const plain = await start();
    expect((await httpSend(plain.port, { path: `/?code=a&state=${state}` })).body).toContain(
      'Sign-in finished. You can close this tab and go back to Graph Connection Workbench.',
    );
    const custom = await start({ successMessage: 'Admin consent recorded.' });
    const body = (await httpSend(custom.port, { path: `/?admin_consent=True&state=${state}` })).body;
    expect(body).toContain('<p>Admin consent recorded.</p>');
    expect(body).not.toContain('Sign-in finished.');
  });

  it('shows the error Microsoft sent, its description, and where to go next', async () => {
    const l = await start();
    const body = (
      await httpSend(l.port, { path: `/?error=access_denied&error_description=The+user+declined&state=${state}` })
    ).body;
    expect(body).toContain(
      'data-result="failure">Sign-in did not finish</h1><p>Microsoft sent back an error: access_denied.</p><p>The user declined</p><p>Go back to Graph Connection Workbench: it explains what to do next.</p>',
    );
    expect((await l.result).params.error).toBe('access_denied');
  });

  it('without a description, the error page goes straight from the error to where to go next', async () => {
    const l = await start();
    const body = (await httpSend(l.port, { path: `/?error=access_denied&state=${state}` })).body;
    expect(body).toContain(
      '<p>Microsoft sent back an error: access_denied.</p><p>Go back to Graph Connection Workbench: it explains what to do next.</p>',
    );
  });
});

describe('loopback body limit', () => {
  const fill = (size: number) => {
    const head = `code=c&state=${state}&pad=`;
    return head + 'p'.repeat(size - head.length);
  };

  it('takes a form of exactly maxBodyBytes, declared or streamed', async () => {
    const declared = await start({ maxBodyBytes: 512 });
    expect((await httpSend(declared.port, form(fill(512)))).status).toBe(200);
    const streamed = await start({ maxBodyBytes: 512 });
    const chunked = await rawExchange(streamed.port, [
      `POST / HTTP/1.1\r\nHost: localhost:${streamed.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`,
      `200\r\n${fill(512)}\r\n0\r\n\r\n`,
    ]);
    expect(chunked.text).toMatch(/^HTTP\/1\.1 200/);
  });

  it('refuses one byte more, declared or streamed, with the "too large" page, and keeps waiting', async () => {
    const refusals: LoopbackRefusal[] = [];
    const l = await start({ maxBodyBytes: 512, onRefused: (r) => refusals.push(r) });
    const declared = await rawExchange(l.port, [
      `POST / HTTP/1.1\r\nHost: localhost:${l.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 513\r\n\r\n`,
    ]);
    expect(declared.text).toMatch(/^HTTP\/1\.1 413/);
    expect(declared.text).toContain('The request is larger than a sign-in answer can be.');
    const streamed = await rawExchange(l.port, [
      `POST / HTTP/1.1\r\nHost: localhost:${l.port}\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n`,
      `201\r\n${fill(513)}\r\n0\r\n\r\n`,
    ]);
    expect(streamed.text).toMatch(/^HTTP\/1\.1 413/);
    expect(refusals).toEqual([
      { reason: 'too_large', status: 413 },
      { reason: 'too_large', status: 413 },
    ]);
    expect((await httpSend(l.port, { path: `/?code=then&state=${state}` })).status).toBe(200);
  });
});

describe('loopback protocol errors', () => {
  it.each([
    [
      'a request that is not HTTP',
      ['NOT HTTP AT ALL\r\n\r\n'],
      'HTTP/1.1 400 Bad Request',
      { reason: 'client_error', status: 400 },
    ],
    [
      'headers over the limit',
      ['GET / HTTP/1.1\r\nHost: localhost\r\nX-Fill: ' + 'h'.repeat(4000) + '\r\n\r\n'],
      'HTTP/1.1 431 Request Header Fields Too Large',
      { reason: 'too_large', status: 431 },
    ],
  ])('answers %s with a bare status line and closes', async (_what, chunks, statusLine, refusal) => {
    const refusals: LoopbackRefusal[] = [];
    const l = await start({ maxHeaderBytes: 2048, onRefused: (r) => refusals.push(r) });
    const answer = await rawExchange(l.port, chunks);
    expect(answer.closed).toBe(true);
    expect(answer.text.startsWith(`${statusLine}\r\nConnection: close\r\n`)).toBe(true);
    expect(refusals).toEqual([refusal]);
  });

  it('answers a client too slow with its request 408 Request Timeout', async () => {
    const l = await start({ headersTimeoutMs: 300, requestTimeoutMs: 400 });
    const slow = await rawExchange(
      l.port,
      [`GET /?code=x&state=${state} HTTP/1.1\r\n`, 'Host: local', 'host:1\r\n'],
      700,
    );
    expect(slow.text.startsWith('HTTP/1.1 408 Request Timeout\r\n')).toBe(true);
  });

  it('closes at once even with an idle connection open (it does not wait for the browser to hang up)', async () => {
    const l = await start({ headersTimeoutMs: 120_000, requestTimeoutMs: 120_000 });
    const idle = connect({ host: '127.0.0.1', port: l.port });
    await new Promise((r) => idle.once('connect', r));
    const closed = new Promise((r) => idle.once('close', r));
    await l.close();
    await closed;
    await expect(l.result).rejects.toMatchObject({
      code: 'signin.cancelled',
      message: 'The sign-in was stopped before the browser answered.',
    });
  });
});

describe('loopback errors for the caller', () => {
  it('times out in seconds below a minute and in minutes above, with the default hint and the redirect URI', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const short = await start({ timeoutMs: 1500 });
    const long = await start({ timeoutMs: 180_000 });
    vi.advanceTimersByTime(180_000);
    await expect(short.result).rejects.toMatchObject({
      code: 'signin.timeout',
      message: 'The browser did not come back to the Workbench within 2 seconds.',
      hint: 'Finish the sign-in in the browser tab, or start the test again.',
      details: { redirectUri: `http://localhost:${short.port}`, timeoutSeconds: 2 },
    });
    await expect(long.result).rejects.toMatchObject({
      message: 'The browser did not come back to the Workbench within 3 minutes.',
      details: { timeoutSeconds: 180 },
    });
  });

  it('a cancel says so and how to go on; a cancel after the answer changes nothing', async () => {
    const controller = new AbortController();
    const l = await start({ signal: controller.signal });
    controller.abort();
    await expect(l.result).rejects.toMatchObject({
      code: 'signin.cancelled',
      message: 'The sign-in was cancelled.',
      hint: 'Start it again when you are ready.',
    });
    const late = new AbortController();
    const answered = await start({ signal: late.signal });
    await httpSend(answered.port, { path: `/?code=kept&state=${state}` });
    late.abort();
    expect((await answered.result).params.code).toBe('kept');
  });

  it('says it could not listen, and what may be in the way', async () => {
    await expect(startLoopbackListener({ state, preferredPort: 70_000 })).rejects.toMatchObject({
      code: 'signin.listener_failed',
      message: 'The Workbench could not listen on 127.0.0.1:70000 for the sign-in answer (ERR_SOCKET_BAD_PORT).',
      hint: 'Another program may be holding local ports, or a security policy blocks them. Close programs that listen on localhost, or try again.',
    });
  });

  it('names what is wrong with its own input', async () => {
    await expect(startLoopbackListener({ state, path: 'callback' })).rejects.toMatchObject({
      message: 'The redirect path "callback" must start with "/".',
    });
    await expect(startLoopbackListener({ state: '' })).rejects.toMatchObject({
      message: 'A sign-in needs a state value.',
    });
  });
});
