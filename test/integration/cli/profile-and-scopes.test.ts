// `gcw profile lint`, `gcw profile new` and `gcw scopes` as real processes: output shapes and exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byoProfileArgs } from '../../support/gcw';

const bin = resolve(import.meta.dirname, '../../../bin/gcw.mjs');
const CLIENT_ID = '6b8c1a2e-3f4d-4e5a-9b7c-1d2e3f4a5b6c';

function gcw(args: string[], options: { cwd?: string; input?: string } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    input: options.input ?? '',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json<T = Record<string, unknown>>(stdout: string): T {
  return JSON.parse(stdout) as T;
}

type Findings = { findings: Array<{ code: string; severity: string; field: string; message: string }> };

describe('gcw profile new and lint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcw-cli-'));

  it('writes a bring-your-own-app profile without secrets that lints clean (exit 0)', () => {
    const made = gcw([...byoProfileArgs('byo.json', { clientId: CLIENT_ID, domain: 'cloud.example.com' }), '--json'], {
      cwd: dir,
    });
    expect(made.code).toBe(0);
    const out = json<{ path: string; profile: Record<string, unknown>; findings: unknown[] }>(made.stdout);
    expect(out.path).toBe(join(dir, 'byo.json'));
    expect(out.profile).toMatchObject({
      format: 'gcw-profile',
      auth: 'byo-app',
      redirectUri: 'https://cloud.example.com/provisioning_/callback',
      scopes: ['openid', 'offline_access', 'User.Read', 'Files.Read'],
    });
    expect(out.findings).toEqual([]);
    const lint = gcw(['profile', 'lint', 'byo.json', '--json'], { cwd: dir });
    expect(lint).toMatchObject({ code: 0, stderr: '' });
    expect(json(lint.stdout)).toEqual({
      findings: [],
      status: {
        completeness: { state: 'complete', missing: [] },
        errors: 0,
        warnings: 0,
        expiry: { state: 'none', what: null, expiresAt: null, daysLeft: null },
      },
    });
  });

  it('never replaces a file unless --force is given', () => {
    const args = [
      'profile',
      'new',
      '--auth',
      'client-credentials',
      '--client-id',
      CLIENT_ID,
      '--tenant',
      'contoso.com',
      '--out',
      'cc.json',
    ];
    expect(gcw(args, { cwd: dir }).code).toBe(0);
    const before = readFileSync(join(dir, 'cc.json'), 'utf8');
    const again = gcw([...args, '--name', 'Other', '--json'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(json(again.stdout)).toMatchObject({
      ok: false,
      error: { code: 'file.exists', message: expect.stringContaining('--force') },
    });
    expect(readFileSync(join(dir, 'cc.json'), 'utf8')).toBe(before);
    expect(gcw([...args, '--name', 'Other', '--force'], { cwd: dir }).code).toBe(0);
    expect(json<{ name: string }>(readFileSync(join(dir, 'cc.json'), 'utf8')).name).toBe('Other');
  });

  it('writes a custom-cloud certificate profile and says what it still lacks (exit 1: it has errors)', () => {
    const r = gcw(
      [
        'profile',
        'new',
        '--auth',
        'certificate',
        '--client-id',
        CLIENT_ID,
        '--tenant',
        'contoso.onmicrosoft.com',
        '--upn',
        'robot@contoso.com',
        '--environment',
        'custom',
        '--login-host',
        'login.example.net',
        '--graph-host',
        'https://graph.example.net/',
        '--out',
        'cert.json',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('No certificate is recorded');
    const file = json<{ customHosts: unknown }>(readFileSync(join(dir, 'cert.json'), 'utf8'));
    expect(file.customHosts).toEqual({ loginHost: 'login.example.net', graphHost: 'graph.example.net' });
    const lint = gcw(['profile', 'lint', 'cert.json', '--json'], { cwd: dir });
    expect(lint.code).toBe(1);
    expect(json<Findings>(lint.stdout).findings.map((f) => f.code)).toContain('certificate.missing');
    expect(json<{ status: unknown }>(lint.stdout).status).toMatchObject({
      completeness: { state: 'incomplete', missing: ['Certificate'] },
      errors: 0,
    });
  });

  it('refuses bad flags with exit 2', () => {
    const noOut = gcw(['profile', 'new', '--auth', 'byo-app', '--json'], { cwd: dir });
    expect(noOut.code).toBe(2);
    expect(json(noOut.stdout)).toMatchObject({ ok: false, error: { code: 'cli.usage' } });
    const badAuth = gcw(['profile', 'new', '--auth', 'password', '--out', 'x.json', '--json'], { cwd: dir });
    expect(badAuth.code).toBe(2);
    expect(json(badAuth.stdout)).toMatchObject({ ok: false, error: { code: 'profile.invalid' } });
    const secretFlag = gcw(['profile', 'new', '--auth', 'byo-app', '--client-secret', 'abc', '--out', 'x.json'], {
      cwd: dir,
    });
    expect(secretFlag.code).toBe(2);
    expect(secretFlag.stderr).toContain("Unknown option '--client-secret'");
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
    expect(gcw(['profile', 'frob'], { cwd: dir }).code).toBe(2);
  });

  it('lints a hand-edited profile with errors: exit 1 and field-level JSON findings', () => {
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify({
        format: 'gcw-profile',
        schemaVersion: 1,
        auth: 'client-credentials',
        name: 'Bad',
        clientId: 'not-a-guid',
        tenant: 'common',
        scopes: ['Files.Read'],
        colour: 'blue',
      }),
    );
    const r = gcw(['profile', 'lint', 'bad.json', '--json'], { cwd: dir });
    expect(r.code).toBe(1);
    const { findings } = json<Findings>(r.stdout);
    expect(findings).toContainEqual({
      code: 'client_id.not_guid',
      severity: 'error',
      field: 'clientId',
      message: expect.stringContaining('GUID'),
    });
    expect(findings.map((f) => f.code)).toContain('file.unknown_field');
    for (const f of findings) expect(['error', 'warning', 'info']).toContain(f.severity);
    const text = gcw(['profile', 'lint', 'bad.json'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('clientId');
  });

  it('lints from stdin with -', () => {
    const r = gcw(['profile', 'lint', '-', '--json'], { input: readFileSync(join(dir, 'byo.json'), 'utf8') });
    expect(r.code).toBe(0);
  });

  it('exits 2 when the file is not a profile or is missing', () => {
    writeFileSync(join(dir, 'list.json'), '[1, 2]');
    writeFileSync(join(dir, 'broken.json'), '{ "auth": ');
    for (const name of ['list.json', 'broken.json']) {
      const r = gcw(['profile', 'lint', name, '--json'], { cwd: dir });
      expect(r.code).toBe(2);
      expect(json(r.stdout)).toMatchObject({ ok: false, error: { code: 'profile.not_a_profile' } });
    }
    const missing = gcw(['profile', 'lint', 'nope.json', '--json'], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(json(missing.stdout)).toMatchObject({ ok: false, error: { code: 'file.not_found' } });
    const text = gcw(['profile', 'lint', 'list.json'], { cwd: dir });
    expect(text.stderr).toContain('not a profile');
  });
});

describe('gcw scopes', () => {
  type ScopesJson = {
    scopes: Array<{ value: string; kind: string; id: string; adminConsentRequired: boolean }>;
    scopeString: string;
    notAvailable: Array<{ value: string }>;
    alternatives: Array<{ chosen: string; alternatives: string[] }>;
  };

  it('prints the minimum delegated set with the least-privileged choice and names the alternative', () => {
    const r = gcw(['scopes', '--auth', 'certificate', '--json']);
    expect(r.code).toBe(0);
    const out = json<ScopesJson>(r.stdout);
    expect(out.scopes).toEqual([
      {
        value: 'User.Read',
        kind: 'delegated',
        id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d',
        adminConsentRequired: false,
      },
      {
        value: 'Files.Read',
        kind: 'delegated',
        id: '10465720-29dd-4523-a11a-6a75c743c9d9',
        adminConsentRequired: false,
      },
    ]);
    expect(out.scopeString).toBe('User.Read Files.Read');
    expect(out.alternatives).toEqual([
      expect.objectContaining({ chosen: 'User.Read', alternatives: ['User.Read.All'] }),
    ]);
  });

  it('adds trigger needs, and gives the full set with --full', () => {
    const triggers = json<ScopesJson>(
      gcw(['scopes', '--auth', 'client-credentials', '--triggers', 'sites,groups', '--json']).stdout,
    );
    expect(triggers.scopeString).toBe('Files.Read openid offline_access User.Read Sites.Read.All Group.Read.All');
    const full = json<ScopesJson>(gcw(['scopes', '--auth', 'byo-app', '--full', '--json']).stdout);
    expect(full.scopes).toHaveLength(14);
  });

  it('with --app-only lists application permissions, those without one, and the /.default scope of the cloud', () => {
    const out = json<ScopesJson>(
      gcw(['scopes', '--auth', 'certificate', '--app-only', '--environment', 'china', '--json']).stdout,
    );
    expect(out.scopes.map((s) => [s.value, s.kind])).toEqual([['User.Read.All', 'application']]);
    expect(out.notAvailable.map((n) => n.value)).toEqual(['Files.Read']);
    expect(out.scopeString).toBe('https://microsoftgraph.chinacloudapi.cn/.default');
  });

  it('prints a readable table without --json', () => {
    const r = gcw(['scopes', '--auth', 'byo-app']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Scope string: openid offline_access User.Read Files.Read');
  });

  it('refuses bad flags with exit 2', () => {
    expect(gcw(['scopes']).code).toBe(2);
    const r = gcw(['scopes', '--auth', 'byo-app', '--triggers', 'mail', '--json']);
    expect(r.code).toBe(2);
    expect(json(r.stdout)).toMatchObject({
      ok: false,
      error: { code: 'cli.usage', message: expect.stringContaining('mail') },
    });
    expect(gcw(['scopes', '--auth', 'byo-app', '--environment', 'custom']).code).toBe(2);
  });
});
