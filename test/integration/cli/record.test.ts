// `gcw record` as a real process: a profile file, a real PFX and a built manifest → the connection record in
// Markdown (stdout or file) and HTML, owner-only, with the manifest's open findings and never the PFX password.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate } from '../../../src/core/certificates/generate';
import { buildKeyCredential } from '../../../src/core/certificates/key-credential';
import { writePkcs12 } from '../../../src/core/certificates/pkcs12/write';
import { APP_ID, goodSpec, TENANT_ID, toGraph } from '../../unit/core/registration/manifest-builders';

const bin = resolve(import.meta.dirname, '../../../bin/gcw.mjs');
const PFX_PASSWORD = 'record-pfx-Kennwort!';

function gcw(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    input: '',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('gcw record', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcw-record-'));
  let sha1 = '';
  const withPfx = ['--pfx', 'robot.pfx', '--password-env', 'PFX_PW'];
  const env = { PFX_PW: PFX_PASSWORD };

  beforeAll(async () => {
    const cert = await generateSelfSignedCertificate({ commonName: 'Record robot', keyAlgorithm: 'ec-p256' });
    sha1 = cert.details.thumbprintSha1;
    writeFileSync(
      join(dir, 'robot.pfx'),
      await writePkcs12({
        certificate: cert.certificateDer,
        privateKey: cert.privateKey,
        password: PFX_PASSWORD,
        iterations: 1000,
      }),
    );
    // The app registration has the certificate but leaves public client flows on: one open finding to record.
    const app = toGraph({
      ...goodSpec(),
      secrets: [],
      permissions: ['User.Read', 'Files.Read'].map((name) => ({ name, kind: 'delegated' as const })),
    });
    app.keyCredentials = [
      { ...buildKeyCredential(cert.certificateDer, { customKeyIdentifierEncoding: 'base64' }), key: null },
    ];
    app.isFallbackPublicClient = true;
    writeFileSync(join(dir, 'app.json'), JSON.stringify(app));
    const made = gcw(
      [
        'profile',
        'new',
        '--auth',
        'certificate',
        '--name',
        'Record robot',
        '--client-id',
        APP_ID,
        '--tenant',
        TENANT_ID,
        '--upn',
        'robot@contoso.com',
        '--scopes',
        'User.Read Files.Read',
        '--pfx',
        'robot.pfx',
        '--password-env',
        'PFX_PW',
        '--out',
        'robot.json',
      ],
      { cwd: dir, env },
    );
    expect(made.code, made.stdout).toBe(0);
    expect(
      gcw(
        [
          'profile',
          'new',
          '--auth',
          'client-credentials',
          '--name',
          'Secret app',
          '--client-id',
          APP_ID,
          '--tenant',
          TENANT_ID,
          '--out',
          'secret.json',
        ],
        { cwd: dir },
      ).code,
    ).toBe(0);
  });

  it('prints the Markdown record with the PFX’s thumbprint and expiry, and no password', () => {
    const r = gcw(['record', '--profile', 'robot.json', ...withPfx], { cwd: dir, env });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Connection record: Record robot\n/);
    for (const fact of [
      'Client certificate',
      APP_ID,
      TENANT_ID,
      'robot@contoso.com',
      sha1,
      'CN=Record robot',
      'by gcw ',
      'None recorded',
    ])
      expect(r.stdout).toContain(fact);
    expect(r.stdout + r.stderr).not.toContain(PFX_PASSWORD);
  });

  it('records the manifest check’s open findings, written owner-only to --out; refuses to overwrite without --force', () => {
    const r = gcw(
      ['record', '--profile', 'robot.json', ...withPfx, '--manifest', 'app.json', '--out', 'robot-record.md'],
      { cwd: dir, env },
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /Wrote the connection record of “Record robot” to .*robot-record\.md \(Markdown\)\. It holds no secret\.\nManifest check: \d+ errors?, \d+ warnings? recorded/,
    );
    const text = readFileSync(join(dir, 'robot-record.md'), 'utf8');
    expect(text).toContain('### Open findings');
    expect(text).toContain('public_client.enabled_for_confidential');
    expect(text).not.toContain('certificate.not_registered');
    expect(text).not.toContain(PFX_PASSWORD);
    if (process.platform !== 'win32') expect(statSync(join(dir, 'robot-record.md')).mode & 0o777).toBe(0o600);
    const again = gcw(['record', '--profile', 'robot.json', '--out', 'robot-record.md', '--json'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: false, error: { code: 'file.exists' } });
    const html = gcw(['record', '--profile', 'robot.json', ...withPfx, '--out', 'robot-record.html'], {
      cwd: dir,
      env,
    });
    expect(html.code).toBe(0);
    expect(readFileSync(join(dir, 'robot-record.html'), 'utf8')).toMatch(/<html[\s\S]*Record robot[\s\S]*<\/html>/);
  });

  it('prints the record as JSON with --json', () => {
    const r = gcw(['record', '--profile', 'robot.json', ...withPfx, '--manifest', 'app.json', '--json'], {
      cwd: dir,
      env,
    });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as {
      record: {
        profileName: string;
        certificate: { thumbprintSha1: string };
        verification: { counts: { warning: number } };
      };
      written: string | null;
    };
    expect(out.written).toBeNull();
    expect(out.record.profileName).toBe('Record robot');
    expect(out.record.certificate.thumbprintSha1).toBe(sha1);
    expect(out.record.verification.counts.warning).toBeGreaterThan(0);
  });

  it('exits 2 with a message for bad input', () => {
    const none = gcw(['record', '--json'], { cwd: dir });
    expect(none.code).toBe(2);
    expect(JSON.parse(none.stdout)).toMatchObject({
      ok: false,
      error: { code: 'cli.usage', message: expect.stringContaining('--profile') },
    });
    expect(gcw(['record', '--profile', 'secret.json', ...withPfx], { cwd: dir, env }).stderr).toContain(
      '--pfx is for client-certificate profiles',
    );
    expect(gcw(['record', '--profile', 'robot.json', '--loopback'], { cwd: dir }).stderr).toContain('add --manifest');
    expect(gcw(['record', '--profile', 'robot.json', '--out', 'record.pdf'], { cwd: dir }).stderr).toContain(
      '--out must end in .md or .html',
    );
    const notManifest = gcw(['record', '--profile', 'robot.json', '--manifest', 'robot.json', '--json'], { cwd: dir });
    expect(notManifest.code).toBe(2);
    expect(JSON.parse(notManifest.stdout)).toMatchObject({ ok: false, error: { code: 'manifest.not_a_manifest' } });
    const notProfile = gcw(['record', '--profile', 'app.json', '--json'], { cwd: dir });
    expect(notProfile.code).toBe(2);
    const wrongPassword = gcw(['record', '--profile', 'robot.json', ...withPfx, '--json'], {
      cwd: dir,
      env: { PFX_PW: 'wrong' },
    });
    expect(wrongPassword.code).toBe(2);
    expect(JSON.parse(wrongPassword.stdout)).toMatchObject({ ok: false, error: { code: 'pfx.wrong_password' } });
  });
});
