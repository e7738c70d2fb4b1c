// `gcw cert` as a user runs it: a real process, files made by OpenSSL and by gcw itself, thumbprints checked by OpenSSL.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openssl, opensslFingerprint, opensslOrThrow, opensslVersion } from '../../fixtures/pkcs12/openssl';
import { skipWithout } from '../../support/reference-tools';

const bin = resolve(import.meta.dirname, '../../../bin/gcw.mjs');
const PASSWORD = 'Cli-Test-Password-7';

function gcw(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(r: { stdout: string }): Record<string, unknown> & { error?: { code: string; message: string } } {
  return JSON.parse(r.stdout) as Record<string, unknown> & { error?: { code: string; message: string } };
}

const version = skipWithout('openssl', 'the CLI checks against OpenSSL') === null ? opensslVersion() : null;

describe('gcw cert', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcw-cert-cli-'));
  const env = { GCW_TEST_PFX_PASSWORD: PASSWORD };

  beforeAll(() => {
    const r = gcw(
      [
        'cert',
        'new',
        '--cn',
        'Contoso CLI',
        '--o',
        'Contoso',
        '--out',
        'made',
        '--password-env',
        'GCW_TEST_PFX_PASSWORD',
        '--json',
      ],
      { cwd: dir, env },
    );
    expect(r.code, r.stderr).toBe(0);
  });

  it('prints help for the subcommands, saying where passwords come from', () => {
    const r = gcw(['cert', '--help']);
    expect(r.code).toBe(0);
    for (const word of [
      'inspect <file>',
      'base64 <file>',
      'decode <base64-file>',
      'new --cn NAME',
      'printed ONCE on stderr',
      'never\nfrom the command line',
    ])
      expect(r.stdout).toContain(word);
    expect(gcw(['--help']).stdout).toContain('cert');
  });

  it('new writes the five files owner-only and refuses to replace them', () => {
    const names = ['pfx', 'cer', 'pem', 'pfx.b64.txt', 'keycredentials.json'].map((ext) =>
      join(dir, 'made', `Contoso-CLI.${ext}`),
    );
    for (const file of names) expect(statSync(file).mode & 0o777).toBe(0o600);
    const pfx = readFileSync(names[0]!);
    expect(readFileSync(names[3]!, 'utf8')).toBe(pfx.toString('base64'));
    const again = gcw(
      ['cert', 'new', '--cn', 'Contoso CLI', '--out', 'made', '--password-env', 'GCW_TEST_PFX_PASSWORD', '--json'],
      { cwd: dir, env },
    );
    expect(again.code).toBe(2);
    expect(json(again).error).toMatchObject({
      code: 'file.exists',
      message: expect.stringContaining('Contoso-CLI.pfx'),
    });
    expect(readFileSync(names[0]!).equals(pfx)).toBe(true);
  });

  it.skipIf(!version)(
    'new --compat and the default profile are both opened by openssl pkcs12 -info without -legacy',
    async () => {
      const r = gcw(
        [
          'cert',
          'new',
          '--cn',
          'Compat',
          '--key',
          'ec-p384',
          '--years',
          '2',
          '--compat',
          '--out',
          'compat',
          '--password-env',
          'GCW_TEST_PFX_PASSWORD',
        ],
        { cwd: dir, env },
      );
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('3DES, SHA-1 MAC for older Windows');
      const compat = await openssl([
        'pkcs12',
        '-in',
        join(dir, 'compat', 'Compat.pfx'),
        '-info',
        '-noout',
        '-passin',
        `pass:${PASSWORD}`,
      ]);
      const modern = await openssl([
        'pkcs12',
        '-in',
        join(dir, 'made', 'Contoso-CLI.pfx'),
        '-info',
        '-noout',
        '-passin',
        `pass:${PASSWORD}`,
      ]);
      expect([compat.code, modern.code]).toEqual([0, 0]);
      expect(compat.stderr + compat.stdout).toContain('MAC: sha1');
      expect(modern.stderr + modern.stdout).toContain('MAC: sha256');
    },
  );

  it('new without a password option prints a generated password once, on stderr, and it opens the file', () => {
    const r = gcw(['cert', 'new', '--cn', 'Generated Password', '--out', 'gen', '--key', 'ec-p256', '--json'], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    const password = r.stderr.trim().split('\n').pop()!;
    expect(password).toMatch(/^([A-Za-z2-9]{5}-){3}[A-Za-z2-9]{5}$/);
    expect(r.stdout).not.toContain(password);
    expect(json(r)).toMatchObject({
      ok: true,
      passwordGenerated: true,
      certificate: { keyType: 'EC', curve: 'P-256', extendedKeyUsage: ['clientAuth'] },
    });
    const opened = gcw(['cert', 'inspect', join('gen', 'Generated-Password.pfx'), '--password-stdin', '--json'], {
      cwd: dir,
      input: `${password}\n`,
    });
    expect(opened.code, opened.stdout).toBe(0);
    expect(json(opened)).toMatchObject({ subject: 'CN=Generated Password', passwordUsed: 'given' });
  });

  it('new refuses bad options with exit 2', () => {
    for (const args of [
      ['--cn', 'x', '--out', 'bad', '--key', 'rsa-1024'],
      ['--cn', 'x', '--out', 'bad', '--years', '5'],
      ['--out', 'bad'],
      ['--cn', 'x'],
    ]) {
      const r = gcw(['cert', 'new', ...args, '--json'], { cwd: dir });
      expect([args.join(' '), r.code, json(r).error?.code]).toEqual([args.join(' '), 2, 'cli.usage']);
    }
    const empty = gcw(['cert', 'new', '--cn', 'x', '--out', 'bad', '--password-env', 'EMPTY', '--json'], {
      cwd: dir,
      env: { EMPTY: '' },
    });
    expect(json(empty).error?.code).toBe('pfx.export_password_required');
  });

  describe.skipIf(!version)('inspect against OpenSSL', () => {
    const ca = join(dir, 'ossl');
    beforeAll(async () => {
      await opensslOrThrow(
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-keyout',
          'ca.key',
          '-out',
          'ca.pem',
          '-subj',
          '/CN=Contoso Test CA',
          '-days',
          '30',
        ],
        await mkdir(ca),
      );
      await opensslOrThrow(
        [
          'req',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          'leaf.key',
          '-out',
          'leaf.csr',
          '-subj',
          '/O=Contoso/CN=Contoso Leaf',
        ],
        ca,
      );
      await opensslOrThrow(
        [
          'x509',
          '-req',
          '-in',
          'leaf.csr',
          '-CA',
          'ca.pem',
          '-CAkey',
          'ca.key',
          '-set_serial',
          '0x1234',
          '-days',
          '20',
          '-out',
          'leaf.pem',
        ],
        ca,
      );
      await opensslOrThrow(
        [
          'pkcs12',
          '-export',
          '-inkey',
          'leaf.key',
          '-in',
          'leaf.pem',
          '-certfile',
          'ca.pem',
          '-out',
          'chain.pfx',
          '-passout',
          `pass:${PASSWORD}`,
          '-name',
          'Leaf Name',
        ],
        ca,
      );
      await opensslOrThrow(
        ['pkcs12', '-export', '-inkey', 'leaf.key', '-in', 'leaf.pem', '-out', 'empty.pfx', '-passout', 'pass:'],
        ca,
      );
      await opensslOrThrow(
        [
          'pkcs12',
          '-export',
          '-legacy',
          '-inkey',
          'leaf.key',
          '-in',
          'leaf.pem',
          '-out',
          'legacy.pfx',
          '-passout',
          `pass:${PASSWORD}`,
        ],
        ca,
      );
    });

    it('--json holds the thumbprints openssl computes, the chain with who signed whom, and the protection', async () => {
      const r = gcw(['cert', 'inspect', join(ca, 'chain.pfx'), '--password-env', 'GCW_TEST_PFX_PASSWORD', '--json'], {
        env,
      });
      expect(r.code, r.stdout).toBe(0);
      const out = json(r) as Record<string, unknown> & {
        chain: Array<Record<string, unknown>>;
        protection: { summary: string; legacy: boolean };
      };
      expect(out).toMatchObject({
        ok: true,
        input: 'pfx-file',
        subject: 'CN=Contoso Leaf, O=Contoso',
        issuer: 'CN=Contoso Test CA',
        serialNumber: '1234',
        thumbprintSha1: await opensslFingerprint(join(ca, 'leaf.pem'), 'sha1'),
        thumbprintSha256: await opensslFingerprint(join(ca, 'leaf.pem'), 'sha256'),
        keyType: 'RSA',
        keySize: 2048,
        curve: null,
        hasPrivateKey: true,
        keyMatchesCertificate: true,
        friendlyName: 'Leaf Name',
        passwordUsed: 'given',
      });
      expect(String(out.notBefore)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(String(out.notAfter)).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(out.chain.map((c) => [c.index, c.role, c.issuedByIndex, c.subject])).toEqual([
        [0, 'leaf', 1, 'CN=Contoso Leaf, O=Contoso'],
        [1, 'root', 1, 'CN=Contoso Test CA'],
      ]);
      expect(out.chain[1]).toMatchObject({
        thumbprintSha1: await opensslFingerprint(join(ca, 'ca.pem'), 'sha1'),
        keyType: 'EC',
        curve: 'P-256',
      });
      expect(out.protection).toMatchObject({ summary: expect.stringContaining('AES-256-CBC'), legacy: false });
      expect((out.warnings as Array<{ code: string }>).map((w) => w.code)).toContain('expiring_soon');
    });

    it('tries an empty and an absent password when none is given, and names legacy protection', () => {
      expect(json(gcw(['cert', 'inspect', join(ca, 'empty.pfx'), '--json']))).toMatchObject({
        ok: true,
        passwordUsed: 'empty',
      });
      const legacy = gcw(['cert', 'inspect', join(ca, 'legacy.pfx'), '--password-env', 'GCW_TEST_PFX_PASSWORD'], {
        env,
      });
      expect(legacy.code).toBe(0);
      expect(legacy.stdout).toMatch(/Protection:\s+.*RC2-40/);
      expect(legacy.stdout).toContain('Warnings:');
    });

    it('exits 2 with the error code for a wrong or missing password', () => {
      const wrong = gcw(['cert', 'inspect', join(ca, 'chain.pfx'), '--password-stdin', '--json'], { input: 'nope\n' });
      expect(wrong.code).toBe(2);
      expect(json(wrong).error).toMatchObject({ code: 'pfx.wrong_password', message: expect.stringContaining('MAC') });
      const missing = gcw(['cert', 'inspect', join(ca, 'chain.pfx'), '--json']);
      expect([missing.code, json(missing).error?.code]).toEqual([2, 'pfx.password_required']);
      const text = gcw(['cert', 'inspect', join(ca, 'chain.pfx'), '--password-stdin'], { input: 'nope' });
      expect(text.code).toBe(2);
      expect(text.stderr).toContain('gcw: The password is wrong');
      expect(text.stderr).not.toContain('nope');
    });

    it('shows a PEM certificate without a private key', async () => {
      const r = gcw(['cert', 'inspect', join(ca, 'leaf.pem'), '--json']);
      expect(json(r)).toMatchObject({
        ok: true,
        input: 'certificate-file',
        hasPrivateKey: false,
        protection: null,
        thumbprintSha1: await opensslFingerprint(join(ca, 'leaf.pem'), 'sha1'),
      });
    });
  });

  it('inspect exits 2 for input that is not a PFX, a missing file, or an unset password variable', () => {
    writeFileSync(join(dir, 'notes.zip'), Buffer.from('PK\x03\x04 not really'));
    expect(json(gcw(['cert', 'inspect', join(dir, 'notes.zip'), '--json'])).error?.code).toBe('pfx.not_pkcs12');
    expect(json(gcw(['cert', 'inspect', join(dir, 'nope.pfx'), '--json'])).error?.code).toBe('file.not_found');
    const unset = gcw([
      'cert',
      'inspect',
      join(dir, 'made', 'Contoso-CLI.pfx'),
      '--password-env',
      'GCW_SURELY_UNSET',
      '--json',
    ]);
    expect([unset.code, json(unset).error?.code]).toEqual([2, 'cli.usage']);
    expect(json(gcw(['cert', 'frob', '--json'])).error?.code).toBe('cli.usage');
  });

  it('base64 prints exactly the base64 of the file, or writes it once to --out', () => {
    const pfx = readFileSync(join(dir, 'made', 'Contoso-CLI.pfx'));
    const r = gcw(['cert', 'base64', join('made', 'Contoso-CLI.pfx')], { cwd: dir });
    expect(r).toMatchObject({ code: 0, stdout: pfx.toString('base64') });
    expect(
      json(gcw(['cert', 'base64', join('made', 'Contoso-CLI.pfx'), '--out', 'copy.txt', '--json'], { cwd: dir })),
    ).toMatchObject({ ok: true, length: pfx.toString('base64').length });
    expect(readFileSync(join(dir, 'copy.txt'), 'utf8')).toBe(pfx.toString('base64'));
    expect(statSync(join(dir, 'copy.txt')).mode & 0o777).toBe(0o600);
    const again = gcw(['cert', 'base64', join('made', 'Contoso-CLI.pfx'), '--out', 'copy.txt', '--json'], { cwd: dir });
    expect([again.code, json(again).error?.code]).toEqual([2, 'file.exists']);
    const ofCer = gcw(['cert', 'base64', join('made', 'Contoso-CLI.cer'), '--json'], { cwd: dir });
    expect([ofCer.code, json(ofCer).error?.code]).toEqual([2, 'pfx.not_pkcs12']);
    const ofText = gcw(['cert', 'base64', join('made', 'Contoso-CLI.pfx.b64.txt'), '--json'], { cwd: dir });
    expect(json(ofText).error?.code).toBe('pfx.base64_text');
  });

  it('decode says what base64 text holds, opens it with a password, and writes the exact bytes', () => {
    const pfx = readFileSync(join(dir, 'made', 'Contoso-CLI.pfx'));
    const b64 = join('made', 'Contoso-CLI.pfx.b64.txt');
    expect(json(gcw(['cert', 'decode', b64, '--json'], { cwd: dir }))).toMatchObject({
      ok: true,
      kind: 'pkcs12',
      byteLength: pfx.length,
      passwordRequired: true,
      certificate: null,
    });
    const opened = gcw(
      ['cert', 'decode', b64, '--password-env', 'GCW_TEST_PFX_PASSWORD', '--out', 'decoded.pfx', '--json'],
      { cwd: dir, env },
    );
    expect(json(opened)).toMatchObject({
      ok: true,
      certificate: { subject: 'CN=Contoso CLI, O=Contoso', hasPrivateKey: true },
    });
    expect(readFileSync(join(dir, 'decoded.pfx')).equals(pfx)).toBe(true);
    const refused = gcw(['cert', 'decode', b64, '--out', 'decoded.pfx', '--json'], { cwd: dir });
    expect([refused.code, json(refused).error?.code]).toEqual([2, 'file.exists']);
    const wrong = gcw(['cert', 'decode', b64, '--password-stdin', '--json'], { cwd: dir, input: 'wrong' });
    expect([wrong.code, json(wrong).error?.code]).toEqual([2, 'pfx.wrong_password']);
    writeFileSync(join(dir, 'junk.txt'), 'this is not base64 at all!');
    expect(json(gcw(['cert', 'decode', 'junk.txt', '--json'], { cwd: dir })).error?.code).toBe('pfx.invalid_base64');
    expect(json(gcw(['cert', 'decode', join('made', 'Contoso-CLI.pfx'), '--json'], { cwd: dir })).error?.code).toBe(
      'pfx.invalid_base64',
    );
    const text = gcw(['cert', 'decode', join('made', 'Contoso-CLI.pem')], { cwd: dir });
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('PEM text with a certificate');
  });
});

async function mkdir(path: string): Promise<string> {
  const { mkdirSync } = await import('node:fs');
  mkdirSync(path, { recursive: true });
  return path;
}
