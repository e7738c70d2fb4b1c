// One rule for exit codes and validation in every command: 0 ok, 1 a check found errors, 2 usage error or bad input.
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runGcw, byoProfileArgs, TEST_APP_ID as APP_ID } from '../../support/gcw';

describe('gcw exit codes and validation', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcw-exit-'));
  const gcw = (args: string[], env: Record<string, string> = {}) => runGcw(args, { cwd: dir, env });
  const error = (stdout: string) => (JSON.parse(stdout) as { error: { code: string; message: string } }).error;

  beforeAll(() => {
    const r = gcw(byoProfileArgs('byo.json'));
    expect(r.code, r.stderr).toBe(0);
  });

  it.each([
    ['consent-url', ['consent-url', '--client-id', 'abc', '--tenant', 'contoso.onmicrosoft.com'], '--client-id'],
    ['consent-url', ['consent-url', '--client-id', APP_ID, '--tenant', 'contoso'], '--tenant'],
    [
      'signin',
      ['signin', 'client-credentials', '--client-id', APP_ID, '--tenant', 'contoso dot com', '--secret-env', 'S'],
      '--tenant',
    ],
    [
      'profile new',
      byoProfileArgs('bad-guid.json', { clientId: 'not-a-guid', tenant: 'contoso.com', domain: null }),
      '--client-id',
    ],
    [
      'profile new',
      [
        'profile',
        'new',
        '--auth',
        'certificate',
        '--client-id',
        APP_ID,
        '--tenant',
        'contoso.com',
        '--upn',
        'robot',
        '--out',
        'bad-upn.json',
      ],
      '--upn',
    ],
    [
      'profile new',
      byoProfileArgs('bad-domain.json', { tenant: 'contoso.com', domain: 'https://contoso.com/x' }),
      '--domain',
    ],
    [
      'profile new',
      [
        'profile',
        'new',
        '--auth',
        'client-credentials',
        '--client-id',
        APP_ID,
        '--tenant',
        'contoso.com',
        '--secret-expires',
        '2027-02-30',
        '--out',
        'bad-date.json',
      ],
      '--secret-expires',
    ],
    [
      'verify',
      ['verify', '--manifest', 'app.json', '--auth', 'byo-app', '--client-id', 'abc', '--tenant', 'contoso.com'],
      '--client-id',
    ],
    [
      'record',
      ['record', '--auth', 'byo-app', '--client-id', APP_ID, '--tenant', 'contoso.com', '--domain', 'contoso'],
      '--domain',
    ],
  ])('%s: a malformed value is a usage error naming the flag (exit 2), and nothing is written', (_name, args, flag) => {
    const text = gcw(args, { S: 'x' });
    expect(text.code).toBe(2);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain(`gcw: ${flag} "`);
    const json = gcw([...args, '--json'], { S: 'x' });
    expect(json.code).toBe(2);
    expect(error(json.stdout)).toMatchObject({ code: 'cli.usage', message: expect.stringContaining(flag) });
    const out = args[args.indexOf('--out') + 1];
    if (args.includes('--out') && out) expect(existsSync(join(dir, out))).toBe(false);
  });

  it('profile new exits 1 when the profile it wrote has errors, and its help says so', () => {
    const r = gcw(byoProfileArgs('no-domain.json', { tenant: 'contoso.com', domain: null }));
    expect(r.code).toBe(1);
    expect(existsSync(join(dir, 'no-domain.json'))).toBe(true);
    expect(r.stdout).toContain('fix the errors');
    expect(r.stdout).toMatch(/\(1 error, 0 warnings, 0 notes\)\n$/);
    expect(gcw(['profile', '--help']).stdout).toMatch(/1: written, but the profile has errors/);
  });

  it('verify --dir: a file that is not a manifest is an error of that file (exit 1); the other files are still checked', () => {
    const folder = join(dir, 'apps');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'a-app.json'),
      JSON.stringify({
        appId: APP_ID,
        displayName: 'A',
        signInAudience: 'AzureADMyOrg',
        web: { redirectUris: ['https://contoso.com/provisioning_/callback'] },
      }),
    );
    writeFileSync(join(folder, 'b-notes.json'), '{ "this": "is not an app" }');
    writeFileSync(join(folder, 'c-broken.json'), '{ "appId": ');
    const r = gcw(['verify', '--dir', 'apps', '--profile', 'byo.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('a-app.json:');
    expect(r.stdout).toMatch(/b-notes\.json: 1 error\b/);
    expect(r.stdout).toMatch(/c-broken\.json: 1 error\b/);
    expect(gcw(['verify', '--dir', 'no-such-folder', '--profile', 'byo.json']).code).toBe(2);
    expect(gcw(['verify', '--dir', 'apps', '--profile', 'byo.json', '--bogus']).code).toBe(2);
  });

  it('cert inspect of a certificate without its private key exits 1 (it cannot sign in); a full PFX exits 0', () => {
    const made = gcw(['cert', 'new', '--cn', 'exit-codes', '--out', 'certs', '--password-env', 'PW'], {
      PW: 'Exit-Codes-Password-7',
    });
    expect(made.code, made.stderr).toBe(0);
    const cer = gcw(['cert', 'inspect', 'certs/exit-codes.cer']);
    expect(cer.code).toBe(1);
    expect(cer.stdout).toContain('cannot be used to sign in');
    expect(gcw(['cert', 'inspect', 'certs/exit-codes.cer', '--json']).code).toBe(1);
    expect(
      gcw(['cert', 'inspect', 'certs/exit-codes.pfx', '--password-env', 'PW'], { PW: 'Exit-Codes-Password-7' }).code,
    ).toBe(0);
  });

  it('gcw help <command> prints exactly what gcw <command> --help prints', () => {
    for (const name of ['cert', 'profile', 'verify', 'signin', 'token']) {
      const help = gcw(['help', name]);
      expect(help.code).toBe(0);
      expect(help.stdout).toBe(gcw([name, '--help']).stdout);
      expect(help.stdout).toContain(`gcw ${name}`);
    }
    expect(gcw(['help', 'frobnicate']).code).toBe(2);
    // With --json, help is one JSON object too.
    expect(JSON.parse(gcw(['help', 'verify', '--json']).stdout)).toMatchObject({
      command: 'verify',
      usage: expect.stringContaining('gcw verify'),
    });
  });
});
