// What a hostile review tried and could not break (issue 13 item 7), kept as tests so it stays that way: the loopback
// listener against DNS rebinding, CSRF and reflected input, two sign-ins at once, link-allowlist tricks, --out through
// symlinks, hostile profile files and deeply nested manifests. (Slow sockets, body and header caps, timeouts and
// refused addresses are in test/unit/core/signin/loopback-listener.test.ts and loopback-ipv6.test.ts.)
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importProfileText } from '../../../src/core/connections/profile-export';
import { ExternalLinkPolicy } from '../../../src/core/os/external-links';
import { verifyManifest } from '../../../src/core/registration/verify-manifest';
import { type LoopbackRefusal, startLoopbackListener } from '../../../src/core/signin/loopback-listener';
import { writeFileAtomic, writeNewFile } from '../../../src/core/storage/atomic-write';
import { httpSend } from '../../support/idp';
import { APP_ID, goodSpec, goodTarget, manifestJson } from '../../unit/core/registration/manifest-builders';

const state = 'held-attacks-state';

/** Send raw bytes and read until the server closes. */
function raw(port: number, text: string): Promise<string> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    let out = '';
    socket.on('data', (d: Buffer) => (out += d.toString('utf8')));
    socket.on('close', () => done(out));
    socket.on('error', () => done(out));
    socket.on('connect', () => socket.write(text));
  });
}

describe('loopback listener: DNS rebinding, CSRF, reflected input', () => {
  it('answers only Host localhost:<port> or 127.0.0.1:<port>: other names, ports, a trailing dot and no Host are refused', async () => {
    const refusals: LoopbackRefusal[] = [];
    const l = await startLoopbackListener({ state, onRefused: (r) => refusals.push(r) });
    for (const host of [
      `rebind.attacker.example:${l.port}`,
      `localhost:${l.port + 1}`,
      `localhost.:${l.port}`,
      'localhost',
      `127.0.0.2:${l.port}`,
      `localhost.attacker.example:${l.port}`,
    ]) {
      expect((await httpSend(l.port, { path: `/?code=c&state=${state}`, headers: { host } })).status, host).toBe(400);
    }
    expect(await raw(l.port, `GET /?code=c&state=${state} HTTP/1.0\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/);
    expect(refusals.every((r) => r.reason === 'bad_host')).toBe(true);
    // None of these settled the sign-in: the real answer is still taken.
    expect((await httpSend(l.port, { path: `/?code=real&state=${state}` })).status).toBe(200);
    expect((await l.result).params.code).toBe('real');
  });

  it('CSRF: a form post with a wrong, missing or doubled state (also a right one in the query) settles nothing', async () => {
    const l = await startLoopbackListener({ state });
    const post = (body: string, path = '/') => httpSend(l.port, { method: 'POST', path, body });
    expect((await post('admin_consent=True&state=guess')).status).toBe(400);
    expect((await post('admin_consent=True')).status).toBe(400);
    expect((await post(`admin_consent=True&state=${state}&state=${state}`)).status).toBe(400);
    expect((await post(`admin_consent=True&state=other&state=${state}`)).status).toBe(400);
    expect((await post('admin_consent=True&state=guess', `/?state=${state}`)).status).toBe(400);
    expect((await post(`admin_consent=True&state=${state.toUpperCase()}`)).status).toBe(400);
    expect((await post(`code=real&state=${state}`)).status).toBe(200);
    await expect(l.result).resolves.toMatchObject({ params: { code: 'real' }, mode: 'form_post' });
  });

  it('reflects nothing it was sent as markup: refusal pages do not echo the request, the error page escapes Microsoft’s text', async () => {
    const l = await startLoopbackListener({ state });
    const probe = '<script>alert(1)</script>';
    for (const res of [
      await httpSend(l.port, { path: `/${encodeURIComponent(probe)}?code=x&state=${state}` }),
      await httpSend(l.port, { path: `/?code=${encodeURIComponent(probe)}&state=${encodeURIComponent(probe)}` }),
      await httpSend(l.port, { path: `/?error=${encodeURIComponent(probe)}&state=wrong` }),
    ]) {
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.body).not.toContain('<script');
      expect(res.body).not.toContain('alert(1)');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    }
    const answer = await httpSend(l.port, {
      path: `/?error=access_denied&error_description=${encodeURIComponent(`${probe}<img src=x onerror=alert(2)>`)}&state=${state}`,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).not.toMatch(/<script|<img/);
    await l.result;
  });

  it('two sign-ins at once: each takes only its own answer; an answer sent to the other one is refused', async () => {
    const a = await startLoopbackListener({ state: 'state-of-a' });
    const b = await startLoopbackListener({ state: 'state-of-b' });
    expect(a.port).not.toBe(b.port);
    expect((await httpSend(b.port, { path: '/?code=for-a&state=state-of-a' })).status).toBe(400);
    expect((await httpSend(a.port, { path: '/?code=for-b&state=state-of-b' })).status).toBe(400);
    await Promise.all([
      httpSend(a.port, { path: '/?code=for-a&state=state-of-a' }),
      httpSend(b.port, { path: '/?code=for-b&state=state-of-b' }),
    ]);
    expect((await a.result).params.code).toBe('for-a');
    expect((await b.result).params.code).toBe('for-b');
  });
});

describe('link allowlist tricks', () => {
  const policy = new ExternalLinkPolicy();
  it.each([
    ['suffix', 'https://login.microsoftonline.com.attacker.example/'],
    ['prefix', 'https://evil-login.microsoftonline.com/'],
    ['look-alike label', 'https://login.microsoftonline.co/'],
    ['userinfo', 'https://login.microsoftonline.com@attacker.example/'],
    ['encoded userinfo', 'https://login.microsoftonline.com%40attacker.example/'],
    ['trailing dot', 'https://login.microsoftonline.com./common'],
    ['IDN look-alike (Cyrillic o)', 'https://l\u043egin.microsoftonline.com/'],
    ['IDN in punycode', 'https://xn--lgin-43d.microsoftonline.com/'],
    ['backslash host', 'https://attacker.example\\login.microsoftonline.com/'],
    ['scheme-relative', '//login.microsoftonline.com/'],
    ['javascript:', 'javascript:alert(document.domain)//https://login.microsoftonline.com/'],
    ['file:', 'file:///C:/Windows/System32/calc.exe'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['http', 'http://login.microsoftonline.com/'],
    ['IP address', 'https://20.190.160.1/'],
    ['other port', 'https://login.microsoftonline.com:8443/'],
  ])('refuses %s', (_what, url) => expect(policy.check(url)).not.toBeNull());

  it('a backslash after the host stays on the host (the OS gets the parsed href)', () => {
    expect(policy.resolve('https://login.microsoftonline.com\\@attacker.example/')).toEqual({
      href: 'https://login.microsoftonline.com/@attacker.example/',
    });
  });
});

describe('--out through symlinks, and file modes', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'gcw-out-'));

  it('a symlink at the --out path is never followed: refused without --force, replaced (not written through) with it', () => {
    const d = dir();
    const victim = join(d, 'victim.txt');
    writeFileSync(victim, 'keep me', { mode: 0o644 });
    const link = join(d, 'report.md');
    symlinkSync(victim, link);
    expect(() => writeNewFile(link, 'report')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    const dangling = join(d, 'dangling.md');
    symlinkSync(join(d, 'created-through-link.txt'), dangling);
    expect(() => writeNewFile(dangling, 'report')).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(() => statSync(join(d, 'created-through-link.txt'))).toThrow();
    writeNewFile(link, 'report', { overwrite: true });
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(link).isSymbolicLink()).toBe(false);
    expect(statSync(link).mode & 0o777).toBe(0o600);
  });

  it('replacing a world-readable file leaves an owner-only one', () => {
    const d = dir();
    const file = join(d, 'report.md');
    writeFileSync(file, 'old', { mode: 0o644 });
    writeFileAtomic(file, 'new');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('gcw verify --out onto a symlink: refused (exit 2, says what to do), the link’s target untouched; --force replaces the link', () => {
    const d = dir();
    const victim = join(d, 'victim.txt');
    writeFileSync(victim, 'keep me');
    symlinkSync(victim, join(d, 'report.md'));
    writeFileSync(join(d, 'app.json'), manifestJson(goodSpec(), 'graph'));
    const bin = resolve(import.meta.dirname, '../../../bin/gcw.mjs');
    const run = (extra: string[]) =>
      spawnSync(
        process.execPath,
        [
          bin,
          'verify',
          '--manifest',
          'app.json',
          '--client-id',
          APP_ID,
          '--auth',
          'client-credentials',
          '--out',
          'report.md',
          ...extra,
        ],
        { cwd: d, encoding: 'utf8', timeout: 60_000 },
      );
    const refused = run([]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/exists already.*--force/);
    expect(readlinkSync(join(d, 'report.md'))).toBe(victim);
    run(['--force']);
    expect(readFileSync(victim, 'utf8')).toBe('keep me');
    expect(lstatSync(join(d, 'report.md')).isSymbolicLink()).toBe(false);
    expect(statSync(join(d, 'report.md')).mode & 0o777).toBe(0o600);
  });
});

describe('hostile profile files and deep manifests', () => {
  const context = {
    now: new Date('2026-01-15T00:00:00.000Z'),
    newId: () => '11111111-2222-4333-8444-555555555555',
    context: { storedSecrets: {} },
  };

  it('__proto__ and constructor keys pollute nothing and come back as unknown fields', () => {
    const text =
      '{"format":"gcw-profile","schemaVersion":1,"auth":"client-credentials","name":"x","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted2":true}}}';
    const imported = importProfileText(text, context);
    expect(imported.findings.map((f) => f.code)).toContain('file.unknown_field');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted2).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });

  it('a profile file nested 100,000 levels deep is read without a crash', () => {
    const text = `{"format":"gcw-profile","schemaVersion":1,"auth":"client-credentials","notes":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(() => importProfileText(text, context as never)).not.toThrow(RangeError);
  });

  it('a manifest nested 100,000 levels deep is checked, and a deep array is a typed refusal', () => {
    const deep = `{"appId":"x","signInAudience":"AzureADMyOrg","extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    expect(verifyManifest(deep, goodTarget('client-credentials')).apps).toHaveLength(1);
    expect(() =>
      verifyManifest(`${'['.repeat(100_000)}${']'.repeat(100_000)}`, goodTarget('client-credentials')),
    ).toThrow(expect.objectContaining({ code: 'manifest.not_a_manifest' }));
  });
});
