// The Verify contract through the dispatcher: with and without a profile, with a PFX that is and one that is not
// registered, report export and copy, bad input — and no result carries a secret or the secret's first characters.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import type { DownloadFile } from '../../../../src/shared/download';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildKeyCredential } from '../../../../src/core/certificates/key-credential';
import { generateSelfSignedCertificate } from '../../../../src/core/certificates/generate';
import { writePkcs12 } from '../../../../src/core/certificates/pkcs12/write';
import type { SavedProfileResult } from '../../../../src/shared/contract/profiles';
import type { VerifyRun } from '../../../../src/shared/contract/verify';
import type { ProfileInputDraft } from '../../../../src/shared/connections';
import { NOW } from '../connections/fixtures';
import { APP_ID, goodSpec, manifestJson, TENANT_ID, toGraph, type AppSpec } from '../registration/manifest-builders';
import { openContractHost, type ContractHost } from './contract-host';

// The secret starts with characters no manifest, id or report text below contains.
const SECRET = 'Q7#vT9.LongSecretValue~ForTheVerifyTests';
const FIRST = SECRET.slice(0, 3);
const PFX_PASSWORD = 'pfx-pässwort-Verify!';

const byoDraft = (): ProfileInputDraft => ({
  auth: 'byo-app',
  name: 'Contoso own app',
  clientId: APP_ID,
  tenant: TENANT_ID,
  audience: 'single-tenant',
  domain: 'contoso.com',
  scopes: ['openid', 'offline_access', 'User.Read', 'Files.Read'],
  secrets: { clientSecret: SECRET },
});

interface Pfx {
  base64: string;
  der: Buffer;
}

let registered: Pfx;
let other: Pfx;

async function makePfx(commonName: string): Promise<Pfx> {
  const g = await generateSelfSignedCertificate({ commonName, keyAlgorithm: 'ec-p256', now: NOW });
  const bytes = await writePkcs12({
    certificate: g.certificateDer,
    privateKey: g.privateKey,
    password: PFX_PASSWORD,
    iterations: 1000,
  });
  return { base64: bytes.toString('base64'), der: g.certificateDer };
}

beforeAll(async () => {
  registered = await makePfx('Verify registered');
  other = await makePfx('Verify other');
});

/** The good byo spec with hints that are not the stored secret's first characters. */
function byoSpec(hint = 'xyz'): AppSpec {
  const spec = goodSpec();
  spec.secrets = spec.secrets.map((s) => ({ ...s, hint }));
  return spec;
}

/** A certificate app with the registered PFX's certificate in keyCredentials (hex thumbprint, its own dates). */
function certificateManifest(): string {
  const spec: AppSpec = {
    ...goodSpec(),
    secrets: [],
    permissions: ['User.Read', 'Files.Read'].map((name) => ({ name, kind: 'delegated' as const })),
  };
  const app = toGraph(spec);
  const credential = buildKeyCredential(registered.der);
  app.keyCredentials = [{ ...credential, key: null }];
  return JSON.stringify(app);
}

async function certificateProfile(h: ContractHost, withPfx: boolean): Promise<string> {
  const saved = await h.ok<SavedProfileResult>('profiles.create', {
    auth: 'certificate',
    name: 'Contoso certificate',
    clientId: APP_ID,
    tenant: TENANT_ID,
    upn: 'robot@contoso.com',
    scopes: ['User.Read', 'Files.Read'],
    secrets: withPfx ? { pfx: registered.base64, pfxPassword: PFX_PASSWORD } : {},
  });
  return saved.entry.id;
}

const codes = (run: VerifyRun) => run.report.findings.map((f) => f.code);

/** No result holds a secret, unless the caller sent it in (a manifest whose hint is the secret's first characters). */
function expectNoSecretsIn(h: ContractHost) {
  const secrets = [SECRET, FIRST, PFX_PASSWORD, registered.base64, other.base64];
  const leaking = h.calls.filter((c) =>
    secrets.some((s) => JSON.stringify(c.result).includes(s) && !(s === FIRST && JSON.stringify(c.input).includes(s))),
  );
  expect(leaking.map((c) => c.method)).toEqual([]);
}

describe('verify contract', () => {
  it('checks a manifest alone: format, apps and findings in the default cloud', async () => {
    const h = openContractHost();
    const run = await h.ok<VerifyRun>('verify.run', {
      manifest: { fileName: 'app.json', text: manifestJson(goodSpec(), 'aadgraph') },
    });
    expect(run.report.format).toBe('aadgraph');
    expect(run.report.apps[0]).toMatchObject({ appId: APP_ID, displayName: 'Contoso automation' });
    expect(run.report.target.auth).toBeNull();
    expect(run.report.fileName).toBe('app.json');
    expect(run.profileId).toBeNull();
    expect(run.reportId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('checks against a bring-your-own profile: a matching manifest is clean, a changed one gets findings with fixes and links', async () => {
    const h = openContractHost();
    const { entry } = await h.ok<SavedProfileResult>('profiles.create', byoDraft());
    const clean = await h.ok<VerifyRun>('verify.run', {
      profileId: entry.id,
      loopbackTest: true,
      manifest: { fileName: 'good.json', text: manifestJson(byoSpec(FIRST), 'graph') },
    });
    expect(codes(clean)).toEqual([]);
    expect(clean.profileName).toBe('Contoso own app');
    const spec = byoSpec();
    spec.redirects = [{ uri: 'https://contoso.com/provisioning_/callback/', platform: 'web' }];
    spec.audience = 'AzureADMultipleOrgs';
    const run = await h.ok<VerifyRun>('verify.run', {
      profileId: entry.id,
      loopbackTest: true,
      manifest: { fileName: 'changed.json', bytesBase64: Buffer.from(manifestJson(spec, 'graph')).toString('base64') },
    });
    expect(codes(run)).toEqual(
      expect.arrayContaining([
        'redirect.trailing_slash',
        'redirect.loopback_missing',
        'secret.hint_mismatch',
        'audience.wider_than_needed',
      ]),
    );
    const slash = run.report.findings.find((f) => f.code === 'redirect.trailing_slash');
    expect(slash?.fix).toMatch(/Authentication|Redirect/);
    expect(slash?.link).toBe(
      `https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Authentication/appId/${APP_ID}`,
    );
    expect(run.report.counts.error).toBeGreaterThan(0);
    expectNoSecretsIn(h);
  });

  it('never puts the client secret or its first three characters in a result', async () => {
    const h = openContractHost();
    const { entry } = await h.ok<SavedProfileResult>('profiles.create', byoDraft());
    const run = await h.ok<VerifyRun>('verify.run', {
      profileId: entry.id,
      manifest: { fileName: 'a.json', text: manifestJson(byoSpec('abc'), 'graph') },
    });
    expect(codes(run)).toContain('secret.hint_mismatch');
    await h.ok('verify.exportReport', { reportId: run.reportId, format: 'markdown' }).catch(() => undefined);
    await h.ok('verify.copyReport', { reportId: run.reportId });
    expect(h.clipboard.text).not.toContain(FIRST);
    expectNoSecretsIn(h);
  });

  it('uses app-only access when asked: application permissions must be listed as Role', async () => {
    const h = openContractHost();
    const { entry } = await h.ok<SavedProfileResult>('profiles.create', {
      ...byoDraft(),
      appOnlyPermissions: ['Files.Read.All'],
    });
    const manifest = { fileName: 'a.json', text: manifestJson(byoSpec(FIRST), 'graph') };
    expect(codes(await h.ok<VerifyRun>('verify.run', { profileId: entry.id, manifest }))).toContain(
      'permission.application_missing',
    );
    expect(codes(await h.ok<VerifyRun>('verify.run', { profileId: entry.id, manifest, appOnly: false }))).not.toContain(
      'permission.application_missing',
    );
  });

  it('finds a dropped PFX whose thumbprint is among keyCredentials, and says when another one is not', async () => {
    const h = openContractHost();
    const id = await certificateProfile(h, false);
    const manifest = { fileName: 'cert-app.json', text: certificateManifest() };
    const good = await h.ok<VerifyRun>('verify.run', {
      profileId: id,
      manifest,
      pfx: { fileName: 'robot.pfx', bytesBase64: registered.base64, password: PFX_PASSWORD },
    });
    expect(codes(good)).not.toContain('certificate.not_registered');
    expect(codes(good)).not.toContain('certificate.not_checked');
    expect(good.certificate).toMatchObject({
      source: 'file',
      fileName: 'robot.pfx',
      subject: 'CN=Verify registered',
      keyMatchesCertificate: true,
    });
    expect(good.report.target.certificateThumbprintSha1).toBe(good.certificate?.thumbprintSha1);
    const bad = await h.ok<VerifyRun>('verify.run', {
      profileId: id,
      manifest,
      pfx: { fileName: 'other.pfx', bytesBase64: other.base64, password: PFX_PASSWORD },
    });
    const finding = bad.report.findings.find((f) => f.code === 'certificate.not_registered');
    expect(finding?.severity).toBe('error');
    expect(finding?.message).toContain(bad.certificate?.thumbprintSha1 ?? '-');
    expect(finding?.link).toContain('/Credentials/appId/');
    // Without a PFX and without remembered thumbprints nothing can be compared.
    expect(codes(await h.ok<VerifyRun>('verify.run', { profileId: id, manifest }))).toContain(
      'certificate.not_checked',
    );
    expectNoSecretsIn(h);
  });

  it('opens the profile’s stored PFX when asked, and checks a PFX without any profile', async () => {
    const h = openContractHost();
    const id = await certificateProfile(h, true);
    const manifest = { fileName: 'cert-app.json', text: certificateManifest() };
    const run = await h.ok<VerifyRun>('verify.run', { profileId: id, manifest, pfx: 'profile' });
    expect(run.certificate).toMatchObject({ source: 'profile-pfx', keyMatchesCertificate: true });
    expect(codes(run)).not.toContain('certificate.not_registered');
    const alone = await h.ok<VerifyRun>('verify.run', {
      manifest,
      pfx: { fileName: 'o.pfx', bytesBase64: other.base64, password: PFX_PASSWORD },
    });
    expect(codes(alone)).toContain('certificate.not_registered');
    const noStored = await h.call('verify.run', { manifest, pfx: 'profile' });
    expect(noStored.ok ? null : noStored.error.code).toBe('vault.not_found');
    expectNoSecretsIn(h);
  });

  it('says when the PFX password is wrong, without echoing it', async () => {
    const h = openContractHost();
    const result = await h.call('verify.run', {
      manifest: { fileName: 'a.json', text: certificateManifest() },
      pfx: { fileName: 'r.pfx', bytesBase64: registered.base64, password: 'not-the-password' },
    });
    expect(result.ok ? null : result.error.code).toBe('pfx.wrong_password');
    expect(JSON.stringify(result)).not.toContain('not-the-password');
  });

  it('exports the report as Markdown and HTML, owner-only, through the save dialog', async () => {
    const h = openContractHost();
    const run = await h.ok<VerifyRun>('verify.run', {
      manifest: {
        fileName: 'app.json',
        text: manifestJson({ ...goodSpec(), displayName: 'Contoso <automation>' }, 'graph'),
      },
    });
    const md = join(h.dataDirectory, 'report.md');
    const html = join(h.dataDirectory, 'report.html');
    h.dialogs.saveQueue.push(md, html);
    expect(await h.ok('verify.exportReport', { reportId: run.reportId, format: 'markdown' })).toEqual({ path: md });
    expect(await h.ok('verify.exportReport', { reportId: run.reportId, format: 'html' })).toEqual({ path: html });
    expect(readFileSync(md, 'utf8')).toMatch(/^# /);
    expect(readFileSync(html, 'utf8')).toMatch(/<html/i);
    expect(readFileSync(html, 'utf8')).toContain('Contoso &lt;automation&gt;');
    if (process.platform !== 'win32') {
      expect(statSync(md).mode & 0o777).toBe(0o600);
      expect(statSync(html).mode & 0o777).toBe(0o600);
    }
    const cancelled = await h.call('verify.exportReport', { reportId: run.reportId, format: 'html' });
    expect(cancelled.ok ? null : cancelled.error.code).toBe('dialog.cancelled');
    await h.ok('verify.copyReport', { reportId: run.reportId });
    expect(h.clipboard.text).toBe(readFileSync(md, 'utf8'));
  });

  it('renders the report for the browser to download (gcw ui): the same Markdown and HTML the save dialog path writes', async () => {
    const h = openContractHost();
    const run = await h.ok<VerifyRun>('verify.run', {
      manifest: {
        fileName: 'app.json',
        text: manifestJson({ ...goodSpec(), displayName: 'Contoso <automation>' }, 'graph'),
      },
    });
    const md = join(h.dataDirectory, 'report.md');
    h.dialogs.saveQueue.push(md);
    await h.ok('verify.exportReport', { reportId: run.reportId, format: 'markdown' });
    const markdown = await h.ok<DownloadFile>('verify.renderReport', { reportId: run.reportId, format: 'markdown' });
    expect(markdown).toMatchObject({ mediaType: 'text/markdown', text: readFileSync(md, 'utf8') });
    expect(markdown.fileName).toMatch(/\.md$/);
    const html = await h.ok<DownloadFile>('verify.renderReport', { reportId: run.reportId, format: 'html' });
    expect(html).toMatchObject({ mediaType: 'text/html', fileName: markdown.fileName.replace(/\.md$/, '.html') });
    expect(html.text).toContain('Contoso &lt;automation&gt;');
    expect(await h.call('verify.renderReport', { reportId: 'nope', format: 'html' })).toMatchObject({
      ok: false,
      error: { code: 'verify.report_not_found' },
    });
  });

  it('refuses a report id it does not keep', async () => {
    const h = openContractHost();
    const result = await h.call('verify.exportReport', { reportId: 'nope', format: 'markdown' });
    expect(result.ok ? null : result.error.code).toBe('verify.report_not_found');
  });

  it('reads the manifest picked in the open dialog, and says nothing was checked when it is cancelled', async () => {
    const h = openContractHost();
    const path = join(h.dataDirectory, 'picked.json');
    writeFileSync(path, manifestJson(goodSpec(), 'graph'));
    h.dialogs.openQueue.push(path);
    const run = await h.ok<VerifyRun>('verify.run', {});
    expect(run.report.fileName).toBe('picked.json');
    const cancelled = await h.call('verify.run', {});
    expect(cancelled.ok ? null : cancelled.error.code).toBe('dialog.cancelled');
  });

  it('turns bad input into clear errors: invalid JSON with line and column, not a manifest, too large, empty', async () => {
    const h = openContractHost();
    const run = (manifest: unknown) => h.call('verify.run', { manifest });
    const invalid = await run({ fileName: 'x.json', text: '{\n  "appId": "x",\n  "web": {\n}' });
    expect(invalid.ok ? null : invalid.error).toMatchObject({ code: 'manifest.invalid_json', details: { line: 4 } });
    expect(invalid.ok ? '' : invalid.error.message).toMatch(/line 4, column \d+/);
    const sp = await run({
      fileName: 'sp.json',
      text: JSON.stringify({ appId: APP_ID, servicePrincipalType: 'Application', appDisplayName: 'x' }),
    });
    expect(sp.ok ? '' : sp.error.message).toContain('service principal');
    const huge = await run({
      fileName: 'big.json',
      bytesBase64: Buffer.alloc(5 * 1024 * 1024 + 10, 0x20).toString('base64'),
    });
    expect(huge.ok ? null : huge.error.code).toBe('manifest.too_large');
    const empty = await run({ fileName: 'e.json', bytesBase64: '' });
    expect(empty.ok ? null : empty.error.code).toBe('manifest.empty');
    const unknownProfile = await h.call('verify.run', {
      profileId: 'missing',
      manifest: { fileName: 'a.json', text: '{}' },
    });
    expect(unknownProfile.ok ? null : unknownProfile.error.code).toBe('profile.not_found');
  });
});
