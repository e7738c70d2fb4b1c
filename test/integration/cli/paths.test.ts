// Relative paths are the user's: under `npm run gcw` (which npm runs in the repository root) inputs and --out are
// resolved from the folder npm was started in (INIT_CWD), so files are read and written where the user is.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { byoProfileArgs, runGcw } from '../../support/gcw';

const root = resolve(import.meta.dirname, '../../..');

/** `npm --prefix <repo> run --silent gcw -- …` from `cwd`, as an admin runs it from a ticket's folder. */
function npmRunGcw(args: string[], cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync('npm', ['--prefix', root, 'run', '--silent', 'gcw', '--', ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('paths from where the user is', () => {
  it('npm run gcw reads inputs and writes --out in the folder npm was started in, not in the repository', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcw-initcwd-'));
    const before = new Set(readdirSync(root));
    const made = npmRunGcw([...byoProfileArgs('contoso.json'), '--json'], dir);
    expect(made.code, made.stderr).toBe(0);
    expect(JSON.parse(made.stdout)).toMatchObject({ path: join(dir, 'contoso.json') });
    expect(existsSync(join(dir, 'contoso.json'))).toBe(true);
    const lint = npmRunGcw(['profile', 'lint', 'contoso.json', '--json'], dir);
    expect(lint.code, lint.stderr).toBe(0);
    expect(JSON.parse(lint.stdout)).toHaveProperty('findings');
    expect(readdirSync(root).filter((f) => !before.has(f))).toEqual([]);
  });

  it('certificate files from cert new land in the user folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcw-initcwd-cert-'));
    const r = npmRunGcw(
      ['cert', 'new', '--cn', 'contoso-sync', '--out', './certs', '--password-env', 'GCW_TEST_PW', '--json'],
      dir,
      { GCW_TEST_PW: 'Paths-Test-Password-7' },
    );
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'certs')).sort()).toEqual([
      'contoso-sync.cer',
      'contoso-sync.keycredentials.json',
      'contoso-sync.pem',
      'contoso-sync.pfx',
      'contoso-sync.pfx.b64.txt',
    ]);
    expect(existsSync(join(root, 'certs'))).toBe(false);
  });

  it('gcw run directly (on the PATH, npx) resolves from its own working folder even if INIT_CWD is set by another script', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcw-cwd-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'gcw-elsewhere-'));
    writeFileSync(join(dir, 'token.txt'), 'not a token');
    const r = runGcw(['token', 'decode', 'token.txt', '--json'], {
      cwd: dir,
      env: { INIT_CWD: elsewhere, npm_lifecycle_event: 'check', npm_package_name: 'someone-elses-project' },
    });
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, error: { code: 'signin.not_a_jwt' } });
  });

  it('.gitignore keeps key material and exported records out of the repository', () => {
    const files = [
      'app.pfx',
      'certs/app.p12',
      'certs/contoso-sync.pfx.b64.txt',
      'private.key',
      'certs/contoso-sync.keycredentials.json',
      'record.md',
      'record.html',
      'Contoso-connection-record.pdf',
      'reports/app.verification.html',
    ];
    const r = spawnSync('git', ['check-ignore', '--no-index', ...files], { cwd: root, encoding: 'utf8' });
    expect(r.stdout.trim().split('\n').sort()).toEqual([...files].sort());
  });
});
