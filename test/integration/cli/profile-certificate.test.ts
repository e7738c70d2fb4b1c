// gcw profile new --pfx records the certificate's facts in the profile file (never the PFX, key or password), so a
// complete certificate profile lints clean and gcw verify --profile checks the registered certificate without --pfx.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate } from '../../../src/core/certificates/generate';
import { buildKeyCredential } from '../../../src/core/certificates/key-credential';
import { writePkcs12 } from '../../../src/core/certificates/pkcs12/write';
import { runGcw } from '../../support/gcw';
import { APP_ID, goodSpec, TENANT_ID, toGraph } from '../../unit/core/registration/manifest-builders';

const PASSWORD = 'Profile-Pfx-Password-7';
type Finding = { code: string; severity: string; field?: string; message: string };

describe('certificates in profile files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcw-profile-cert-'));
  const gcw = (args: string[], input?: string) =>
    runGcw(args, { cwd: dir, env: { PFX_PW: PASSWORD }, ...(input !== undefined ? { input } : {}) });
  const base = [
    'profile',
    'new',
    '--auth',
    'certificate',
    '--client-id',
    APP_ID,
    '--tenant',
    TENANT_ID,
    '--upn',
    'robot@contoso.com',
  ];
  let sha1 = '';
  let sha256 = '';
  let pfx: Buffer;

  beforeAll(async () => {
    const cert = await generateSelfSignedCertificate({ commonName: 'Profile robot', keyAlgorithm: 'ec-p256' });
    sha1 = cert.details.thumbprintSha1;
    sha256 = cert.details.thumbprintSha256;
    pfx = await writePkcs12({
      certificate: cert.certificateDer,
      privateKey: cert.privateKey,
      password: PASSWORD,
      iterations: 1000,
    });
    writeFileSync(join(dir, 'robot.pfx'), pfx);
    const other = await generateSelfSignedCertificate({ commonName: 'Someone else', keyAlgorithm: 'ec-p256' });
    const app = (der: Buffer) => {
      const manifest = toGraph({
        ...goodSpec(),
        secrets: [],
        permissions: ['User.Read', 'Files.Read'].map((name) => ({ name, kind: 'delegated' as const })),
      });
      manifest.keyCredentials = [{ ...buildKeyCredential(der, { customKeyIdentifierEncoding: 'base64' }), key: null }];
      return JSON.stringify(manifest);
    };
    writeFileSync(join(dir, 'registered.json'), app(cert.certificateDer));
    writeFileSync(join(dir, 'other.json'), app(other.certificateDer));
  });

  it('records thumbprints, subject and expiry — never the PFX, its key or its password — and then lints clean (exit 0)', () => {
    const made = gcw([...base, '--pfx', 'robot.pfx', '--password-env', 'PFX_PW', '--out', 'robot.json', '--json']);
    expect(made.code, made.stderr).toBe(0);
    const text = readFileSync(join(dir, 'robot.json'), 'utf8');
    const file = JSON.parse(text) as { certificate: Record<string, unknown> };
    expect(file.certificate).toEqual({
      thumbprintSha1: sha1,
      thumbprintSha256: sha256,
      subject: 'CN=Profile robot',
      notAfter: expect.stringMatching(/^\d{4}-/),
      fileName: 'robot.pfx',
    });
    for (const secret of [PASSWORD, pfx.toString('base64'), pfx.toString('hex')]) expect(text).not.toContain(secret);
    const lint = gcw(['profile', 'lint', 'robot.json', '--json']);
    expect(lint.code).toBe(0);
    expect((JSON.parse(lint.stdout) as { findings: Finding[] }).findings.filter((f) => f.severity === 'error')).toEqual(
      [],
    );
  });

  it('takes the password from stdin too', () => {
    const made = gcw([...base, '--pfx', 'robot.pfx', '--password-stdin', '--out', 'robot-stdin.json'], `${PASSWORD}\n`);
    expect(made.code, made.stderr).toBe(0);
    expect(
      (JSON.parse(readFileSync(join(dir, 'robot-stdin.json'), 'utf8')) as { certificate: { thumbprintSha1: string } })
        .certificate.thumbprintSha1,
    ).toBe(sha1);
  });

  it('verify --profile compares the recorded thumbprints with the registered certificates, without --pfx', () => {
    const registered = gcw(['verify', '--manifest', 'registered.json', '--profile', 'robot.json', '--json']);
    const codes = (r: { stdout: string }) =>
      (JSON.parse(r.stdout) as { findings: Finding[] }).findings.map((f) => f.code);
    expect(codes(registered)).not.toContain('certificate.not_checked');
    expect(codes(registered)).not.toContain('certificate.not_registered');
    const other = gcw(['verify', '--manifest', 'other.json', '--profile', 'robot.json', '--json']);
    expect(other.code).toBe(1);
    const finding = (JSON.parse(other.stdout) as { findings: Finding[] }).findings.find(
      (f) => f.code === 'certificate.not_registered',
    );
    expect(finding?.message).toContain(sha1);
  });

  it('without --pfx a certificate profile says, in command-line words, how to record the certificate (exit 1)', () => {
    const r = gcw([...base, '--out', 'bare.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('--pfx <cert.pfx>');
    expect(r.stdout).not.toContain('Certificates page');
    const lint = gcw(['profile', 'lint', 'bare.json']);
    expect(lint.code).toBe(1);
    expect(lint.stdout).not.toContain('Certificates page');
  });

  it('refuses --pfx for other options, and a wrong password, with exit 2 and no file', () => {
    const byo = gcw([
      'profile',
      'new',
      '--auth',
      'byo-app',
      '--client-id',
      APP_ID,
      '--tenant',
      TENANT_ID,
      '--domain',
      'contoso.com',
      '--pfx',
      'robot.pfx',
      '--password-env',
      'PFX_PW',
      '--out',
      'byo.json',
      '--json',
    ]);
    expect(byo.code).toBe(2);
    expect(JSON.parse(byo.stdout)).toMatchObject({
      ok: false,
      error: { code: 'cli.usage', message: expect.stringContaining('--pfx') },
    });
    const wrong = runGcw([...base, '--pfx', 'robot.pfx', '--password-env', 'PFX_PW', '--out', 'wrong.json', '--json'], {
      cwd: dir,
      env: { PFX_PW: 'not-it' },
    });
    expect(wrong.code).toBe(2);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, error: { code: 'pfx.wrong_password' } });
    for (const file of ['byo.json', 'wrong.json']) expect(existsSync(join(dir, file)), file).toBe(false);
  });
});
