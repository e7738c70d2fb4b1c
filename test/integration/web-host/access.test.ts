// The gcw ui host lets in only the person holding this run's link: the token is exchanged once for the session
// cookie and request key; every other request — another user of the machine, another origin (even another port on
// 127.0.0.1), a DNS-rebinding page, a replayed token — is refused, for every contract method and the event stream.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher, type Dispatcher } from '../../../src/core/app/dispatcher';
import { createHandlers } from '../../../src/core/app/handlers';
import { methodNames } from '../../../src/shared/contract';
import { startWebHost, type WebHost } from '../../../src/web-host/server';
import { rawRequest, readEvents } from '../../support/raw-http';
import { createTestHost, type TestHost } from '../../support/test-context';

const root = resolve(import.meta.dirname, '../../..');
const appCsp = /content="([^"]+)"/
  .exec(readFileSync(join(root, 'src/renderer/index.html'), 'utf8'))![1]!
  .replace(/\s+/g, ' ')
  .trim();

/** A renderer folder with the app's own index.html (its CSP) and one asset; the client scripts as stand-ins. */
function assets(): { rendererDir: string; clientDir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gcw-web-'));
  mkdirSync(join(dir, 'renderer/assets'), { recursive: true });
  mkdirSync(join(dir, 'client'));
  writeFileSync(join(dir, 'renderer/index.html'), readFileSync(join(root, 'src/renderer/index.html')));
  writeFileSync(join(dir, 'renderer/assets/app.js'), 'console.log("app");\n');
  writeFileSync(join(dir, 'client/client.js'), '/* client */\n');
  writeFileSync(join(dir, 'client/login.js'), '/* login */\n');
  return { rendererDir: join(dir, 'renderer'), clientDir: join(dir, 'client') };
}

async function hostWith(
  options: { idleMs?: number; dispatcher?: (real: Dispatcher) => Dispatcher } = {},
): Promise<{ web: WebHost; test: TestHost }> {
  const test = createTestHost();
  const real = createDispatcher(createHandlers(test.ctx), { log: test.ctx.log });
  const web = await startWebHost({
    dispatcher: options.dispatcher?.(real) ?? real,
    ...assets(),
    log: test.ctx.log,
    ...(options.idleMs ? { idleMs: options.idleMs } : {}),
  });
  test.forward = (name, payload) => web.emit(name, payload);
  return { web, test };
}

/** Exchange the link's token as the page's script does; returns the cookie header and the request key. */
async function signIn(web: WebHost): Promise<{ cookie: string; key: string; setCookie: string }> {
  const token = new URL(web.link).hash.replace('#gcw-token=', '');
  const r = await rawRequest(web.port, {
    method: 'POST',
    path: '/gcw/session',
    headers: { origin: web.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  expect(r.status).toBe(200);
  const setCookie = String(r.headers['set-cookie']);
  return { cookie: setCookie.split(';')[0]!, key: (JSON.parse(r.body) as { key: string }).key, setCookie };
}

const call = (web: WebHost, method: string, headers: Record<string, string>, body = '{}') =>
  rawRequest(web.port, {
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });

describe('the gcw ui host: who gets in', () => {
  let web: WebHost;
  let test: TestHost;
  let session: { cookie: string; key: string; setCookie: string };
  let own: Record<string, string>;

  beforeAll(async () => {
    ({ web, test } = await hostWith());
    session = await signIn(web);
    own = { cookie: session.cookie, 'x-workbench-key': session.key, origin: web.origin };
  });
  afterAll(async () => {
    await web.stop();
    await test.ctx.dispose();
  });

  it('listens on loopback only, on a random port, and links with a one-time token in the fragment', () => {
    expect(web.addresses[0]).toBe('127.0.0.1');
    expect(web.addresses.every((a) => a === '127.0.0.1' || a === '::1')).toBe(true);
    expect(web.port).toBeGreaterThan(0);
    expect(web.link).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${web.port}/#gcw-token=[A-Za-z0-9_-]{43}$`));
  });

  it('exchanges the token for an HttpOnly, SameSite=Strict session cookie once: the same token again is refused', async () => {
    expect(session.setCookie).toMatch(
      new RegExp(`^gcw_session_${web.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`),
    );
    const token = new URL(web.link).hash.replace('#gcw-token=', '');
    const replay = await rawRequest(web.port, {
      method: 'POST',
      path: '/gcw/session',
      headers: { origin: web.origin, 'content-type': 'application/json' },
      body: JSON.stringify({ token }),
    });
    expect(replay.status).toBe(401);
    expect(replay.headers['set-cookie']).toBeUndefined();
  });

  it('serves the app with its client script to the session holder, and the sign-in page to anyone else', async () => {
    const app = await rawRequest(web.port, { headers: { cookie: session.cookie } });
    expect(app.body).toContain('<script src="/gcw/client.js"></script>');
    expect(app.body).toContain('"host":"browser"');
    const stranger = await rawRequest(web.port, {});
    expect(stranger.status).toBe(200);
    expect(stranger.body).toContain('/gcw/login.js');
    expect(stranger.body).not.toContain('client.js');
    // The same cookie on a navigation from another site (or another port: same-site) gets the sign-in page too.
    const crossSite = await rawRequest(web.port, {
      headers: { cookie: session.cookie, 'sec-fetch-site': 'same-site' },
    });
    expect(crossSite.body).not.toContain('client.js');
  });

  it('refuses another local user (no cookie) everything but the sign-in page: files, the client script, the API and the events', async () => {
    for (const path of ['/gcw/client.js', '/assets/app.js', '/anything'])
      expect((await rawRequest(web.port, { path })).status, path).toBe(401);
    expect((await call(web, 'app.about', { origin: web.origin })).status).toBe(401);
    expect((await readEvents(web.port, {}, 1, () => undefined)).status).toBe(401);
    // A wrong token is no way in either.
    const guess = await rawRequest(web.port, {
      method: 'POST',
      path: '/gcw/session',
      headers: { origin: web.origin, 'content-type': 'application/json' },
      body: JSON.stringify({ token: 'A'.repeat(43) }),
    });
    expect(guess.status).toBe(401);
  });

  it('reaches every contract method with the cookie and key only — each answers with the dispatcher’s Result', async () => {
    const results: Record<string, string> = {};
    for (const method of methodNames) {
      const none = await call(web, method, { origin: web.origin });
      // A cookie leaked to another port of 127.0.0.1 (cookies are not port-bound) without the page's key is not enough.
      const cookieOnly = await call(web, method, { origin: web.origin, cookie: session.cookie });
      const keyOnly = await call(web, method, { origin: web.origin, 'x-workbench-key': session.key });
      expect([none.status, cookieOnly.status, keyOnly.status], method).toEqual([401, 401, 401]);
      const r = await call(web, method, own);
      expect(r.status, method).toBe(200);
      const { result } = JSON.parse(r.body) as { result: { ok: boolean; error?: { code: string } } };
      results[method] = result.ok ? 'ok' : result.error!.code;
    }
    // Every method got past the host to the dispatcher: it either ran or refused the empty input with the contract's own codes.
    expect(Object.values(results).filter((code) => code.startsWith('host.'))).toEqual([]);
    expect(results['app.about']).toBe('ok');
    expect(results['profiles.get']).toBe('ipc.invalid_input');
  });

  it('answers an unknown method and a body that is not JSON with the contract’s codes, and refuses a form post (415)', async () => {
    expect(JSON.parse((await call(web, 'nope.nothing', own)).body)).toMatchObject({
      result: { ok: false, error: { code: 'ipc.unknown_method' } },
    });
    const bad = await call(web, 'app.about', own, '{not json');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toMatchObject({ result: { ok: false, error: { code: 'ipc.invalid_input' } } });
    const form = await rawRequest(web.port, {
      method: 'POST',
      path: '/api/app.about',
      headers: { ...own, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(form.status).toBe(415);
  });

  it('refuses a DNS-rebinding page: its Host names another host, even with the cookie and key', async () => {
    for (const host of [
      `evil.example:${web.port}`,
      `127.0.0.1:${web.port + 1}`,
      '127.0.0.1',
      `attacker.127.0.0.1.nip.io:${web.port}`,
    ]) {
      const r = await call(web, 'app.about', { ...own, host, origin: `http://${host}` });
      expect(r.status, host).toBe(403);
      expect((await rawRequest(web.port, { path: '/', headers: { host } })).status, host).toBe(403);
    }
    // The loopback names with the right port are this host.
    expect(
      (await call(web, 'app.about', { ...own, host: `localhost:${web.port}`, origin: `http://localhost:${web.port}` }))
        .status,
    ).toBe(200);
  });

  it('refuses another origin — another port on 127.0.0.1, another site, an opaque origin, or none — and answers no CORS preflight', async () => {
    for (const origin of [
      `http://127.0.0.1:${web.port + 1}`,
      'https://evil.example',
      'null',
      `http://localhost:${web.port}`,
    ]) {
      expect((await call(web, 'app.about', { ...own, origin })).status, origin).toBe(403);
    }
    const { origin: _origin, ...withoutOrigin } = own;
    expect((await call(web, 'app.about', withoutOrigin)).status).toBe(403);
    const preflight = await rawRequest(web.port, {
      method: 'OPTIONS',
      path: '/api/app.about',
      headers: {
        origin: 'https://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type,x-workbench-key',
      },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    const fromSameSite = await rawRequest(web.port, {
      path: '/gcw/client.js',
      headers: { cookie: session.cookie, 'sec-fetch-site': 'same-site' },
    });
    expect(fromSameSite.status).toBe(403);
  });

  it('sends the app’s Content-Security-Policy as a header (plus frame-ancestors) and the hardening headers on every response', async () => {
    const responses = [
      await rawRequest(web.port, {}),
      await rawRequest(web.port, { headers: { cookie: session.cookie } }),
      await call(web, 'app.about', own),
      await rawRequest(web.port, { path: '/nope' }),
    ];
    for (const r of responses) {
      expect(r.headers['content-security-policy']).toBe(`${appCsp}; frame-ancestors 'none'`);
      expect(r.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
        'cross-origin-opener-policy': 'same-origin',
      });
      expect(r.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('delivers events over server-sent events to the session holder: the events main emits reach the page', async () => {
    const notice = {
      id: 'clipboard.cleared',
      severity: 'info',
      title: 'Clipboard cleared',
      message: 'The copied secret was removed from the clipboard.',
    };
    const received = readEvents(web.port, { cookie: session.cookie, 'x-workbench-key': session.key }, 2, () => {
      test.ctx.emit('app.notice', notice as never);
      test.ctx.emit('app.navigate', { page: 'connections' });
    });
    expect(await received).toEqual({
      status: 200,
      events: [
        { name: 'app.notice', data: notice },
        { name: 'app.navigate', data: { page: 'connections' } },
      ],
    });
    expect((await readEvents(web.port, { cookie: session.cookie }, 1, () => undefined)).status).toBe(401);
  });
});

describe('the gcw ui host: idle stop', () => {
  it('stops after the idle time without requests, telling open pages why', async () => {
    const { web, test } = await hostWith({ idleMs: 300 });
    const session = await signIn(web);
    const events = readEvents(web.port, { cookie: session.cookie, 'x-workbench-key': session.key }, 1, () => undefined);
    expect(await web.stopped).toBe('idle');
    expect(await events).toEqual({ status: 200, events: [{ name: 'gcw.stopped', data: { reason: 'idle' } }] });
    await expect(rawRequest(web.port, {})).rejects.toThrow();
    await test.ctx.dispose();
  });

  it('does not stop while a call is still running, and stops once it has answered and the idle time has passed', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { web, test } = await hostWith({
      idleMs: 200,
      dispatcher: (real) => ({
        call: async (m, i) => (m === 'app.about' ? gate.then(() => real.call(m, i)) : real.call(m, i)),
      }),
    });
    const session = await signIn(web);
    const slow = call(web, 'app.about', { cookie: session.cookie, 'x-workbench-key': session.key, origin: web.origin });
    let stopped = false;
    void web.stopped.then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 1000));
    expect(stopped).toBe(false);
    release();
    expect((await slow).status).toBe(200);
    expect(await web.stopped).toBe('idle');
    await test.ctx.dispose();
  });
});
