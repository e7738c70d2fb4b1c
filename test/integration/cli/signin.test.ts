// `gcw signin`, `gcw consent-url` and `gcw token decode` as real processes against the emulator (run-emulator.ts),
// reached through NODE_EXTRA_CA_CERTS and the Custom environment like an admin behind a TLS-inspecting proxy.
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpBrowser } from '../../support/idp';
import { pfxOf } from '../../support/signin-profiles';

const bin = resolve(import.meta.dirname, '../../../bin/gcw.mjs');
const dir = mkdtempSync(join(tmpdir(), 'gcw-signin-cli-'));

interface EmulatorInfo {
  host: string;
  caFile: string;
  tenantId: string;
  webApp: { clientId: string; secret: string; certificatePem: string; privateKeyPem: string };
  publicApp: { clientId: string };
  user: { username: string; password: string };
}

let emulator: ChildProcess;
let info: EmulatorInfo;
let caPem: string;

beforeAll(async () => {
  emulator = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/support/idp/run-emulator.ts', '--ca-file', join(dir, 'ca.pem')],
    { cwd: resolve(import.meta.dirname, '../../..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const line = await new Promise<string>((done, fail) => {
    createInterface({ input: emulator.stdout! }).once('line', done);
    emulator.once('exit', (code) => fail(new Error(`emulator exited with ${code}`)));
  });
  info = JSON.parse(line) as EmulatorInfo;
  caPem = readFileSync(info.caFile, 'utf8');
  writeFileSync(
    join(dir, 'app.pfx'),
    await pfxOf({ certPem: info.webApp.certificatePem, privateKeyPem: info.webApp.privateKeyPem }, 'Pfx-Pass-9'),
  );
  writeFileSync(
    join(dir, 'profile.json'),
    JSON.stringify({
      format: 'gcw-profile',
      schemaVersion: 1,
      auth: 'client-credentials',
      name: 'Emulator',
      clientId: info.webApp.clientId,
      tenant: info.tenantId,
      environment: 'custom',
      customHosts: { loginHost: info.host, graphHost: info.host },
      scopes: ['openid', 'offline_access', 'User.Read', 'Files.Read.All'],
      appOnlyPermissions: ['Sites.Read.All', 'Files.Read.All'],
    }),
  );
});
afterAll(() => {
  emulator?.kill('SIGTERM');
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run gcw; `onStderr` sees stderr as it arrives (to drive the browser when the URL appears). */
function gcw(args: string[], env: Record<string, string> = {}, onStderr?: (text: string) => void): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      env: { ...process.env, NODE_EXTRA_CA_CERTS: info.caFile, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      onStderr?.(stderr);
    });
    child.on('exit', (code) => done({ code, stdout, stderr }));
  });
}

const hosts = () => [
  '--client-id',
  info.webApp.clientId,
  '--tenant',
  info.tenantId,
  '--environment',
  'custom',
  '--login-host',
  info.host,
  '--graph-host',
  info.host,
];

describe('gcw signin client-credentials', () => {
  it('with the secret from an environment variable: exit 0 and the claims JSON', async () => {
    const r = await gcw(['signin', 'client-credentials', ...hosts(), '--secret-env', 'APP_SECRET', '--json'], {
      APP_SECRET: info.webApp.secret,
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      ok: boolean;
      claims: Record<string, unknown>;
      granted: string[];
      missing: string[];
      extra: string[];
    };
    expect(out).toMatchObject({
      ok: true,
      claims: { tokenKind: 'app', credentialUsed: 'client secret', roles: ['Sites.Read.All'], tid: info.tenantId },
      granted: ['Sites.Read.All'],
      missing: [],
    });
    expect(r.stdout).not.toContain(info.webApp.secret);
    expect(r.stdout).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
  });

  it('with a PFX and its password from the profile file: required permissions compared (missing Files.Read.All)', async () => {
    const r = await gcw(
      [
        'signin',
        'client-credentials',
        '--profile',
        'profile.json',
        '--pfx',
        'app.pfx',
        '--password-env',
        'PFX_PASS',
        '--json',
      ],
      { PFX_PASS: 'Pfx-Pass-9' },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: true,
      claims: { credentialUsed: 'certificate' },
      granted: ['Sites.Read.All'],
      missing: ['Files.Read.All'],
      extra: [],
    });
  });

  it('a wrong secret → exit 1 with aadsts 7000215, Microsoft’s message, the fix and the IDs', async () => {
    const r = await gcw(['signin', 'client-credentials', ...hosts(), '--secret-env', 'APP_SECRET', '--json'], {
      APP_SECRET: 'not-the-secret~value',
    });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { ok: boolean; error: Record<string, unknown> };
    expect(out).toEqual({
      ok: false,
      error: {
        code: 'aadsts.7000215',
        aadsts: 7000215,
        message: expect.stringContaining('client secret is wrong'),
        microsoftMessage: expect.stringContaining('AADSTS7000215'),
        fix: expect.stringContaining('copy its Value'),
        traceId: expect.any(String),
        correlationId: expect.any(String),
      },
    });
    const text = await gcw(['signin', 'client-credentials', ...hosts(), '--secret-env', 'APP_SECRET'], {
      APP_SECRET: 'not-the-secret~value',
    });
    expect(text.code).toBe(1);
    expect(text.stderr).toContain('Fix: In Certificates & secrets');
    expect(text.stderr).toMatch(/Trace ID: [0-9a-f-]{36}/);
  });

  it('bad input exits 2: no credential, an unset variable, "common" for app-only, a wrong PFX password', async () => {
    const [none, unset, common, pfx, both] = await Promise.all([
      gcw(['signin', 'client-credentials', ...hosts(), '--json']),
      gcw(['signin', 'client-credentials', ...hosts(), '--secret-env', 'NOT_SET_ANYWHERE', '--json']),
      gcw(
        [
          'signin',
          'client-credentials',
          '--client-id',
          info.webApp.clientId,
          '--tenant',
          'common',
          '--login-host',
          info.host,
          '--graph-host',
          info.host,
          '--secret-env',
          'S',
          '--json',
        ],
        { S: 'x' },
      ),
      gcw(['signin', 'client-credentials', ...hosts(), '--pfx', 'app.pfx', '--password-env', 'P', '--json'], {
        P: 'wrong',
      }),
      gcw(
        ['signin', 'client-credentials', '--profile', 'profile.json', '--tenant', 'contoso.com', '--secret-env', 'S'],
        { S: 'x' },
      ),
    ]);
    expect(none.code).toBe(2);
    expect(JSON.parse(none.stdout)).toMatchObject({ ok: false, error: { code: 'cli.usage' } });
    expect(unset.code).toBe(2);
    expect(JSON.parse(unset.stdout)).toMatchObject({ ok: false, error: { code: 'signin.credential_missing' } });
    expect(common.code).toBe(2);
    expect(JSON.parse(common.stdout)).toMatchObject({
      error: { code: 'signin.tenant_required', message: expect.stringContaining('"common"') },
    });
    expect(pfx.code).toBe(2);
    expect(JSON.parse(pfx.stdout)).toMatchObject({ error: { code: 'pfx.wrong_password' } });
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('either --profile or --tenant');
  });
});

describe('gcw signin interactive', () => {
  it('--no-browser prints the URL on stderr (with --json), waits on the loopback, and the HTTP browser completes it', async () => {
    const browser = new HttpBrowser({ caPem, user: info.user });
    let opened = false;
    const r = await gcw(
      [
        'signin',
        'interactive',
        '--profile',
        'profile.json',
        '--secret-env',
        'APP_SECRET',
        '--no-browser',
        '--timeout',
        '60',
        '--json',
      ],
      { APP_SECRET: info.webApp.secret },
      (stderr) => {
        const url = /^(https:\/\/\S+\/authorize\?\S+)$/m.exec(stderr)?.[1];
        if (url && !opened) {
          opened = true;
          void browser.open(url);
        }
      },
    );
    browser.close();
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('The app registration must list http://localhost under "Web"');
    const out = JSON.parse(r.stdout) as {
      ok: boolean;
      flow: string;
      claims: Record<string, unknown>;
      granted: string[];
      missing: string[];
    };
    expect(out).toMatchObject({
      ok: true,
      flow: 'interactive',
      claims: { user: info.user.username, credentialUsed: 'client secret', tokenKind: 'user' },
      missing: [],
    });
    expect(out.granted).toEqual(expect.arrayContaining(['User.Read', 'Files.Read.All']));
    expect((await browser.last()).finalText).toContain('Signed in');
  });

  it('without --json the URL goes to stdout; a public client (no credential) works the same way', async () => {
    const browser = new HttpBrowser({ caPem, user: info.user });
    let stdoutSeen = false;
    const child = spawn(
      process.execPath,
      [
        bin,
        'signin',
        'interactive',
        '--client-id',
        info.publicApp.clientId,
        '--tenant',
        info.tenantId,
        '--login-host',
        info.host,
        '--graph-host',
        info.host,
        '--no-browser',
        '--timeout',
        '60',
      ],
      {
        cwd: dir,
        env: { ...process.env, NODE_EXTRA_CA_CERTS: info.caFile },
      },
    );
    let stdout = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const url = /^(https:\/\/\S+\/authorize\?\S+)$/m.exec(stdout)?.[1];
      if (url && !stdoutSeen) {
        stdoutSeen = true;
        void browser.open(url);
      }
    });
    const code = await new Promise<number | null>((done) => child.on('exit', done));
    browser.close();
    expect(code).toBe(0);
    expect(stdout).toContain('Signed in as');
    expect(stdout).toMatch(/appidacr\s+0 \(none \(public client\)\)/);
  });

  it('opens the system browser (xdg-open) when not --no-browser, without the secret variables in its environment', async () => {
    const fakeBin = mkdtempSync(join(tmpdir(), 'gcw-fake-open-'));
    const record = join(fakeBin, 'opened.txt');
    const envDump = join(fakeBin, 'env.txt');
    writeFileSync(join(fakeBin, 'xdg-open'), `#!/bin/sh\nenv > "${envDump}"\nprintf '%s' "$1" > "${record}"\n`);
    chmodSync(join(fakeBin, 'xdg-open'), 0o755);
    const browser = new HttpBrowser({ caPem, user: info.user });
    let driven = false;
    const pending = gcw(
      ['signin', 'interactive', '--profile', 'profile.json', '--secret-env', 'S', '--timeout', '60', '--json'],
      { S: info.webApp.secret, GCW_TEST_OTHER: 'kept', PATH: `${fakeBin}:${process.env.PATH ?? ''}` },
      () => {
        if (!driven && existsSync(record) && readFileSync(record, 'utf8').length > 0) {
          driven = true;
          void browser.open(readFileSync(record, 'utf8'));
        }
      },
    );
    // The opener writes the file after the "Waiting on" line: poll until it is there.
    await expect
      .poll(() => existsSync(record) && readFileSync(record, 'utf8').startsWith('https://'), { timeout: 20_000 })
      .toBe(true);
    if (!driven) {
      driven = true;
      void browser.open(readFileSync(record, 'utf8'));
    }
    const r = await pending;
    browser.close();
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('Open this address');
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: true, flow: 'interactive' });
    // The browser (and anything it starts) never sees the client secret; other variables are passed on.
    const seen = readFileSync(envDump, 'utf8');
    expect(seen).toContain('GCW_TEST_OTHER=kept');
    expect(seen).not.toMatch(/^S=/m);
    expect(seen).not.toContain(info.webApp.secret);
  });

  it('nobody comes back: exit 1 with signin.timeout', async () => {
    const r = await gcw(
      ['signin', 'interactive', ...hosts(), '--secret-env', 'S', '--no-browser', '--timeout', '5', '--json'],
      { S: info.webApp.secret },
    );
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: false,
      error: { code: 'signin.timeout', fix: expect.stringContaining('http://localhost') },
    });
  });
});

describe('gcw consent-url and gcw token decode', () => {
  it('prints the v2 and v1 admin consent URLs for the profile’s cloud; v2 refuses "common"', async () => {
    const [v2, v1, common] = await Promise.all([
      gcw(['consent-url', '--profile', 'profile.json']),
      gcw([
        'consent-url',
        '--client-id',
        '11111111-2222-3333-4444-555555555555',
        '--tenant',
        'common',
        '--environment',
        'usgov-l4',
        '--v1',
        '--json',
      ]),
      gcw(['consent-url', '--client-id', '11111111-2222-3333-4444-555555555555', '--tenant', 'common', '--json']),
    ]);
    expect(v2.code).toBe(0);
    const url = new URL(v2.stdout.trim());
    expect(url.origin + url.pathname).toBe(`https://${info.host}/${info.tenantId}/v2.0/adminconsent`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: info.webApp.clientId,
      scope: `https://${info.host}/.default`,
      redirect_uri: 'http://localhost',
    });
    expect(JSON.parse(v1.stdout)).toEqual({
      url: 'https://login.microsoftonline.us/common/adminconsent?client_id=11111111-2222-3333-4444-555555555555&redirect_uri=http%3A%2F%2Flocalhost',
      version: 'v1',
      redirectUri: 'http://localhost',
    });
    expect(common.code).toBe(2);
    expect(JSON.parse(common.stdout)).toMatchObject({ ok: false, error: { code: 'signin.tenant_required' } });
  });

  it('decodes a token file and stdin; refuses what is not a JWT (exit 2)', async () => {
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const exp = Math.floor(Date.now() / 1000) + 3600;
    const token = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ ver: '2.0', aud: 'https://graph.microsoft.com', tid: 't-1', azp: 'app-1', azpacr: '2', scp: 'Files.Read User.Read', preferred_username: 'megan@contoso.com', exp })}.c2ln`;
    writeFileSync(join(dir, 'token.txt'), `${token}\n`);
    const r = await gcw(['token', 'decode', 'token.txt', '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      ok: true,
      header: { alg: 'RS256' },
      claims: {
        ver: '2.0',
        appId: 'app-1',
        credentialUsed: 'certificate',
        scopes: ['Files.Read', 'User.Read'],
        user: 'megan@contoso.com',
      },
      payload: { tid: 't-1' },
    });
    const text = await new Promise<Run>((done) => {
      const child = spawn(process.execPath, [bin, 'token', 'decode', '-'], { cwd: dir });
      let stdout = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.on('exit', (code) => done({ code, stdout, stderr: '' }));
      child.stdin.end(`Bearer ${token}`);
    });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/scp\s+Files\.Read User\.Read/);
    writeFileSync(join(dir, 'garbage.txt'), 'not a token');
    const bad = await gcw(['token', 'decode', 'garbage.txt', '--json']);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stdout)).toMatchObject({ ok: false, error: { code: 'signin.not_a_jwt' } });
  });
});
