// `gcw verify` as a real process: the real example manifests and built ones, against profile files, flags and PFX
// files; JSON shapes, human output, reports written with --out, folders with --dir, and exit codes 0/1/2.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate } from '../../../src/core/certificates/generate';
import { buildKeyCredential } from '../../../src/core/certificates/key-credential';
import { writePkcs12 } from '../../../src/core/certificates/pkcs12/write';
import {
  APP_ID,
  fixturesDir,
  goodSpec,
  manifestJson,
  TENANT_ID,
  toGraph,
  type AppSpec,
} from '../../unit/core/registration/manifest-builders';

const bin = resolve(import.meta.dirname, '../../../bin/gcw.mjs');
const SECRET = 'abcQ~SecretForTheCliTest.987';
const PFX_PASSWORD = 'cli-pfx-Passwort!';

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

interface FindingJson {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  fix: string;
  link: string;
}
interface ReportJson {
  file: string;
  format: 'graph' | 'aadgraph';
  counts: Record<'error' | 'warning' | 'info', number>;
  findings: FindingJson[];
}

const codes = (r: ReportJson) => r.findings.map((f) => f.code);
/** `verify --dir --json` prints JSON Lines: one report per line, then { summary }. */
const jsonLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ReportJson & { summary?: unknown });

/** The good spec with its secret's dates around the real clock (the CLI judges dates against now). */
function currentSpec(): AppSpec {
  const day = 86_400_000;
  const spec = goodSpec();
  spec.secrets = spec.secrets.map((s) => ({
    ...s,
    start: new Date(Date.now() - 10 * day).toISOString(),
    end: new Date(Date.now() + 300 * day).toISOString(),
  }));
  return spec;
}

describe('gcw verify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcw-verify-'));
  const byoProfile = ['--auth', 'byo-app', '--client-id', APP_ID, '--tenant', TENANT_ID, '--domain', 'contoso.com'];

  beforeAll(async () => {
    writeFileSync(join(dir, 'good.json'), manifestJson(currentSpec(), 'graph'));
    writeFileSync(join(dir, 'good-aad.json'), manifestJson(currentSpec(), 'aadgraph'));
    writeFileSync(
      join(dir, 'no-callback.json'),
      manifestJson(
        {
          ...currentSpec(),
          audience: 'AzureADMultipleOrgs',
          implicitIdTokens: true,
          redirects: [{ uri: 'http://localhost', platform: 'web' }],
        },
        'graph',
      ),
    );
    writeFileSync(join(dir, 'broken.json'), '{\n  "appId": "x",\n  "web": {\n}');
    const registered = await generateSelfSignedCertificate({ commonName: 'CLI registered', keyAlgorithm: 'ec-p256' });
    const other = await generateSelfSignedCertificate({ commonName: 'CLI other', keyAlgorithm: 'ec-p256' });
    for (const [name, g] of [
      ['registered.pfx', registered],
      ['other.pfx', other],
    ] as const) {
      writeFileSync(
        join(dir, name),
        await writePkcs12({
          certificate: g.certificateDer,
          privateKey: g.privateKey,
          password: PFX_PASSWORD,
          iterations: 1000,
        }),
      );
    }
    const app = toGraph({
      ...currentSpec(),
      secrets: [],
      permissions: ['User.Read', 'Files.Read'].map((name) => ({ name, kind: 'delegated' as const })),
    });
    app.keyCredentials = [
      { ...buildKeyCredential(registered.certificateDer, { customKeyIdentifierEncoding: 'base64' }), key: null },
    ];
    writeFileSync(join(dir, 'cert-app.json'), JSON.stringify(app));
  });

  it('reads the real Azure CLI recording and prints the JSON shape; errors exit 1', () => {
    const manifest = join(fixturesDir, '01_graph-format_az-cli-recording_app-with-cert.json');
    const r = gcw(
      [
        'verify',
        '--manifest',
        manifest,
        '--auth',
        'certificate',
        '--client-id',
        'c603620f-3d35-453e-bcde-9f680b44a0f3',
        '--tenant',
        'organizations',
        '--json',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as ReportJson;
    expect(Object.keys(report).sort()).toEqual(['apps', 'counts', 'file', 'findings', 'format']);
    expect(report.format).toBe('graph');
    // its only certificate ended in 2023: without a PFX that is an error too (certificate.none_usable), not a note
    expect(codes(report)).toEqual(
      expect.arrayContaining([
        'permission.minimum_missing',
        'public_client.enabled_for_confidential',
        'certificate.none_usable',
      ]),
    );
    expect(report.findings.find((f) => f.code === 'certificate.none_usable')).toMatchObject({
      severity: 'error',
      message: expect.stringContaining('expired on 2023-06-08'),
    });
    for (const f of report.findings) {
      expect(Object.keys(f).sort()).toEqual(['code', 'fix', 'link', 'message', 'severity']);
      expect(f.link).toMatch(/^https:\/\/entra\.microsoft\.com\//);
    }
    expect(report.counts.error).toBe(report.findings.filter((f) => f.severity === 'error').length);
  });

  it('reads the real Azure AD Graph example alone and exits 0 (no errors)', () => {
    const r = gcw(
      [
        'verify',
        '--manifest',
        join(fixturesDir, '03_aadgraph-format_azure-docs_saml-token-encryption.cleaned.json'),
        '--json',
      ],
      { cwd: dir },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ format: 'aadgraph', counts: { error: 0 } });
  });

  it('passes a matching manifest against a profile file, comparing the secret hint without printing the secret', () => {
    expect(gcw(['profile', 'new', ...byoProfile, '--out', 'byo.gcw-profile.json'], { cwd: dir }).code).toBe(0);
    const r = gcw(
      [
        'verify',
        '--manifest',
        'good.json',
        '--profile',
        'byo.gcw-profile.json',
        '--loopback',
        '--secret-env',
        'APP_SECRET',
        '--json',
      ],
      { cwd: dir, env: { APP_SECRET: SECRET } },
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      file: 'good.json',
      format: 'graph',
      apps: [{ appId: APP_ID, displayName: 'Contoso automation' }],
      counts: { error: 0, warning: 0, info: 0 },
      findings: [],
    });
    const other = gcw(
      ['verify', '--manifest', 'good.json', '--profile', 'byo.gcw-profile.json', '--secret-env', 'APP_SECRET'],
      { cwd: dir, env: { APP_SECRET: 'Xy~another' } },
    );
    expect(other.code).toBe(1);
    expect(other.stdout).toContain('[secret.hint_mismatch]');
    for (const out of [r.stdout + r.stderr, other.stdout + other.stderr]) expect(out).not.toContain(SECRET.slice(3));
  });

  it('prints findings grouped by severity with their fixes, and writes the report with --out (owner-only, no overwrite without --force)', () => {
    const r = gcw(['verify', '--manifest', 'no-callback.json', ...byoProfile, '--out', 'report.md'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /Errors \(\d+\)\n {2}\[redirect\.byo_callback_missing\][^\n]*\n {4}Fix: [^\n]*Add URI[^\n]*\n {4}Open: https:\/\/entra\.microsoft\.com\//,
    );
    const order = ['Errors (', 'Warnings (', 'Notes ('].map((h) => r.stdout.indexOf(h)).filter((i) => i >= 0);
    expect(order.length).toBeGreaterThanOrEqual(2);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(readFileSync(join(dir, 'report.md'), 'utf8')).toContain('redirect.byo_callback_missing');
    if (process.platform !== 'win32') expect(statSync(join(dir, 'report.md')).mode & 0o777).toBe(0o600);
    const again = gcw(['verify', '--manifest', 'no-callback.json', ...byoProfile, '--out', 'report.md', '--json'], {
      cwd: dir,
    });
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout)).toMatchObject({ ok: false, error: { code: 'file.exists' } });
    expect(
      gcw(['verify', '--manifest', 'no-callback.json', ...byoProfile, '--out', 'report.html', '--force'], { cwd: dir })
        .code,
    ).toBe(1);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/<html[\s\S]*redirect\.byo_callback_missing/);
  });

  it('finds the PFX whose thumbprint is registered (base64 customKeyIdentifier) and reports one that is not', () => {
    const base = [
      'verify',
      '--manifest',
      'cert-app.json',
      '--auth',
      'certificate',
      '--client-id',
      APP_ID,
      '--tenant',
      TENANT_ID,
      '--password-env',
      'PFX_PW',
      '--json',
    ];
    const good = gcw([...base, '--pfx', 'registered.pfx'], { cwd: dir, env: { PFX_PW: PFX_PASSWORD } });
    expect(codes(JSON.parse(good.stdout) as ReportJson)).not.toContain('certificate.not_registered');
    expect(good.code).toBe(0);
    const bad = gcw([...base, '--pfx', 'other.pfx'], { cwd: dir, env: { PFX_PW: PFX_PASSWORD } });
    expect(bad.code).toBe(1);
    expect(codes(JSON.parse(bad.stdout) as ReportJson)).toContain('certificate.not_registered');
    const wrong = gcw([...base, '--pfx', 'registered.pfx'], { cwd: dir, env: { PFX_PW: 'wrong' } });
    expect(wrong.code).toBe(2);
    expect(JSON.parse(wrong.stdout)).toMatchObject({ ok: false, error: { code: 'pfx.wrong_password' } });
  });

  it('checks a Teams Toolkit template and a pasted requiredResourceAccess list instead of refusing them', () => {
    const template = gcw(
      ['verify', '--manifest', join(fixturesDir, '09_teams-toolkit_aad.manifest.json'), ...byoProfile, '--json'],
      { cwd: dir },
    );
    expect(template.code).toBe(0);
    const t = JSON.parse(template.stdout) as ReportJson;
    expect(codes(t)).toEqual(
      expect.arrayContaining(['manifest.template', 'manifest.app_id_placeholder', 'permission.other_api_not_checked']),
    );
    expect(codes(t)).not.toContain('client_id.mismatch');
    expect(codes(t)).not.toContain('secret.none_registered');
    const list = gcw(
      ['verify', '--manifest', join(fixturesDir, '11_fragment_requiredResourceAccess-list.json'), '--json'],
      { cwd: dir },
    );
    expect(list.code).toBe(0);
    expect(codes(JSON.parse(list.stdout) as ReportJson)).toContain('manifest.partial');
  });

  it('exits 2 for bad input: invalid JSON with its line, not a manifest, a missing file, wrong flags', () => {
    const broken = gcw(['verify', '--manifest', 'broken.json', '--json'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(JSON.parse(broken.stdout)).toMatchObject({
      ok: false,
      error: { code: 'manifest.invalid_json', message: expect.stringMatching(/line 4, column/) },
    });
    const secret = gcw(
      ['verify', '--manifest', join(fixturesDir, '07_graph_passwordCredential_addPassword_response.json')],
      { cwd: dir },
    );
    expect(secret.code).toBe(2);
    expect(secret.stderr).toMatch(/not an app registration manifest: it is a single client secret credential/);
    expect(gcw(['verify', '--manifest', 'nope.json', '--json'], { cwd: dir }).code).toBe(2);
    const both = gcw(['verify', '--manifest', 'good.json', '--dir', '.', '--json'], { cwd: dir });
    expect(both.code).toBe(2);
    expect(JSON.parse(both.stdout)).toMatchObject({ ok: false, error: { code: 'cli.usage' } });
    expect(
      gcw(['verify', '--manifest', 'good.json', '--profile', 'byo.gcw-profile.json', '--auth', 'byo-app'], { cwd: dir })
        .code,
    ).toBe(2);
    expect(gcw(['verify', '--manifest', 'good.json', '--secret-env', 'GCW_UNSET_VARIABLE'], { cwd: dir }).code).toBe(2);
    expect(gcw(['verify', '--manifest', 'good.json', '--profile', 'good.json', '--json'], { cwd: dir }).code).toBe(2);
  });

  it('verifies a folder against one profile: one report each, errors exit 1, a non-manifest is an error of that file (exit 1)', () => {
    const folder = join(dir, 'apps');
    mkdirSync(folder);
    copyFileSync(join(dir, 'good.json'), join(folder, 'a-good.json'));
    copyFileSync(join(dir, 'good-aad.json'), join(folder, 'b-good-aad.json'));
    const clean = gcw(['verify', '--dir', 'apps', ...byoProfile, '--json'], { cwd: dir });
    expect(clean.code).toBe(0);
    const cleanLines = jsonLines(clean.stdout);
    expect(cleanLines.slice(0, -1).map((r) => [r.file, r.format, r.counts.error])).toEqual([
      ['a-good.json', 'graph', 0],
      ['b-good-aad.json', 'aadgraph', 0],
    ]);
    expect(cleanLines.at(-1)).toEqual({
      summary: {
        files: 2,
        checked: 2,
        withErrors: 0,
        notManifests: 0,
        findings: expect.objectContaining({ error: 0 }),
        reportsWritten: 0,
        partialExports: [],
      },
    });
    copyFileSync(join(dir, 'no-callback.json'), join(folder, 'c-no-callback.json'));
    const failing = gcw(['verify', '--dir', 'apps', ...byoProfile, '--out', 'reports', '--out-format', 'html'], {
      cwd: dir,
    });
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('c-no-callback.json: 1 error, ');
    expect(readFileSync(join(dir, 'reports', 'c-no-callback.verification.html'), 'utf8')).toContain(
      'redirect.byo_callback_missing',
    );
    copyFileSync(
      join(fixturesDir, '06_graph_selfSignedCertificate_addTokenSigningCertificate_response.json'),
      join(folder, 'd-credential.json'),
    );
    const bad = gcw(['verify', '--dir', 'apps', ...byoProfile, '--json'], { cwd: dir });
    expect(bad.code).toBe(1);
    const reports = jsonLines(bad.stdout).slice(0, -1) as unknown as ReportJson[];
    expect(reports).toHaveLength(4);
    expect(codes(reports[2] as ReportJson)).toContain('redirect.byo_callback_missing');
    expect(reports[3]).toEqual({
      file: 'd-credential.json',
      format: null,
      apps: [],
      counts: { error: 1, warning: 0, info: 0 },
      findings: [
        {
          code: 'manifest.not_a_manifest',
          severity: 'error',
          message: expect.stringContaining('keyCredential'),
          fix: expect.any(String),
          link: null,
        },
      ],
    });
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    expect(JSON.parse(gcw(['verify', '--dir', 'empty', '--json'], { cwd: dir }).stdout)).toMatchObject({
      ok: false,
      error: { code: 'manifest.no_files' },
    });
  });
});
