// The Verify page in real Chromium against the real contract: profile, dropped manifest and PFX, findings grouped
// with fixes, admin-center links through the shell, reports exported through the save dialog, bad input.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { generateSelfSignedCertificate } from '../../src/core/certificates/generate';
import { buildKeyCredential } from '../../src/core/certificates/key-credential';
import { writePkcs12 } from '../../src/core/certificates/pkcs12/write';
import {
  APP_ID,
  fixturesDir,
  goodSpec,
  manifestJson,
  TENANT_ID,
  toGraph,
  type AppSpec,
} from '../unit/core/registration/manifest-builders';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();

const SECRET = 'Jk4~StoredSecretForTheVerifyPage';
const PFX_PASSWORD = 'e2e-pfx-password';
const day = 86_400_000;

/** The good bring-your-own spec with dates around the real clock, and hints that are not the stored secret's. */
function currentSpec(): AppSpec {
  const spec = goodSpec();
  spec.secrets = spec.secrets.map((s) => ({
    ...s,
    hint: 'Jk4',
    start: new Date(Date.now() - 10 * day).toISOString(),
    end: new Date(Date.now() + 300 * day).toISOString(),
  }));
  return spec;
}

describe.skipIf(missing !== null)('Verify page in Chromium', () => {
  let h: Harness;
  let profileName: string;
  beforeAll(async () => {
    h = await startHarness({ shell: 'desktop' });
  });
  beforeEach(async () => {
    await h?.reset();
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  // Through another page, so the Verify page mounts afresh (same-hash navigation would keep its state).
  const openVerify = async () => {
    await h.open('#/start');
    await h.page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Verify' }).click();
    await h.page.getByRole('heading', { name: 'Verify', level: 1 }).waitFor();
  };

  const dropManifest = async (name: string, text: string | Buffer) => {
    await h.page
      .locator('[data-testid="manifest-drop"] input[type="file"]')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await h.page.getByTestId('chosen-manifest').getByText(name).waitFor();
  };

  it('explains where to download a manifest before anything is chosen', async () => {
    await openVerify();
    const empty = h.page.getByTestId('verify-empty');
    await empty.getByText('az ad app show --id <client ID> > app.json').waitFor();
    await empty
      .getByText(/Manifest/)
      .first()
      .waitFor();
    expect(await h.page.getByRole('button', { name: 'Verify manifest' }).isDisabled()).toBe(true);
    await h.screenshot('verify-empty');
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('checks a manifest against a profile: findings grouped with fixes, a link opened, reports exported', async () => {
    profileName = 'Contoso own app (e2e)';
    await h.open('#/start');
    const created = await h.page.evaluate(
      ([name, clientId, tenant, secret]) =>
        window.workbench.profiles.create({
          auth: 'byo-app',
          name,
          clientId,
          tenant,
          audience: 'single-tenant',
          domain: 'contoso.com',
          scopes: ['openid', 'offline_access', 'User.Read', 'Files.Read'],
          secrets: { clientSecret: secret },
        }),
      [profileName, APP_ID, TENANT_ID, SECRET] as const,
    );
    expect(created.ok).toBe(true);
    await openVerify();
    await h.page
      .getByLabel('Connection profile')
      .selectOption({ label: `${profileName} — Bring your own OAuth 2.0 app` });
    await h.page.getByRole('checkbox', { name: /sign-in test/ }).check();
    const spec = currentSpec();
    spec.redirects = [{ uri: 'https://contoso.com/Provisioning_/callback', platform: 'web' }];
    spec.permissions = spec.permissions.filter((p) => !('name' in p) || p.name !== 'Files.Read');
    spec.audience = 'AzureADMultipleOrgs';
    spec.publicClient = true;
    await dropManifest('contoso-app.json', manifestJson(spec, 'graph'));
    await h.page.getByRole('button', { name: 'Verify manifest' }).click();
    const results = h.page.getByTestId('verify-results');
    await results.getByText('Not ready: the connection will fail until the errors are fixed.').waitFor();
    // The result is where the eye is: its heading takes focus, so a screen reader reads it.
    await expect.poll(() => h.page.evaluate(() => document.activeElement?.id)).toBe('results-title');
    await results.getByText(/^Format:\s*Microsoft Graph$/).waitFor();
    await results.getByRole('cell', { name: APP_ID }).waitFor();

    const errors = h.page.getByTestId('findings-error');
    await errors.locator('[data-finding-code="redirect.case_mismatch"]').waitFor();
    await errors.locator('[data-finding-code="permission.minimum_missing"]').getByText(/^Fix:/).waitFor();
    const run = h.calls.filter((c) => c.method === 'verify.run').at(-1);
    const report = (run?.result as { ok: true; value: { report: { counts: Record<string, number> } } }).value.report;
    expect(await errors.locator('li').count()).toBe(report.counts.error);
    expect(await h.page.getByTestId('findings-warning').locator('li').count()).toBe(report.counts.warning);
    await h.page
      .getByTestId('findings-warning')
      .locator('[data-finding-code="public_client.enabled_for_confidential"]')
      .waitFor();
    expect(await h.page.getByTestId('findings-info').locator('li').count()).toBe(report.counts.info);
    expect(JSON.stringify(h.calls.map((c) => c.result))).not.toContain(SECRET.slice(0, 3) + SECRET.slice(3, 8));

    await errors
      .locator('[data-finding-code="permission.minimum_missing"]')
      .getByRole('button', { name: /Open API permissions on entra\.microsoft\.com/ })
      .click();
    await h.page.getByTestId('verify-status').getByText('Opened in your browser.').waitFor();
    expect(h.host.shell.opened).toEqual([
      `https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/CallAnAPI/appId/${APP_ID}`,
    ]);

    const md = join(h.host.dataDirectory, 'contoso-report.md');
    const html = join(h.host.dataDirectory, 'contoso-report.html');
    h.host.dialogs.saveQueue.push(md, html);
    await h.page.getByRole('button', { name: 'Export Markdown…' }).click();
    await h.page.getByText(`Saved to ${md}`).waitFor();
    await h.page.getByRole('button', { name: 'Export HTML…' }).click();
    await h.page.getByText(`Saved to ${html}`).waitFor();
    expect(readFileSync(md, 'utf8')).toContain('redirect.case_mismatch');
    expect(readFileSync(html, 'utf8')).toMatch(/<html[\s\S]*permission\.minimum_missing/);
    await h.page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => h.host.clipboard.text).toBe(readFileSync(md, 'utf8'));

    await h.page.locator('#results-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await h.screenshot('verify-findings');
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('shows a Teams Toolkit template as a template: its note, names resolved, other APIs listed as not checked', async () => {
    await openVerify();
    await dropManifest('aad.manifest.json', readFileSync(join(fixturesDir, '09_teams-toolkit_aad.manifest.json')));
    await h.page.getByRole('button', { name: 'Verify manifest' }).click();
    const results = h.page.getByTestId('verify-results');
    await results.getByText('No errors; review the warnings.').waitFor();
    await results.getByTestId('app-shape').getByText('Teams Toolkit template').waitFor();
    await results.getByRole('cell', { name: '4 (1 of other APIs, not checked)' }).waitFor();
    const template = h.page.getByTestId('findings-warning').locator('[data-finding-code="manifest.template"]');
    await template.getByText(/Teams Toolkit \(Microsoft 365 Agents Toolkit\) template/).waitFor();
    await template.getByText(/build\/aad\.manifest\.<environment>\.json/).waitFor();
    await h.page
      .getByTestId('findings-warning')
      .locator('[data-finding-code="manifest.app_id_placeholder"]')
      .getByText(/\$\{\{AAD_APP_CLIENT_ID\}\}/)
      .waitFor();
    await h.page
      .getByTestId('findings-info')
      .locator('[data-finding-code="permission.other_api_not_checked"]')
      .getByText(/Office 365 SharePoint Online/)
      .waitFor();
    // User.Read is named in the template, not missing; the placeholder is not another app's client ID
    expect(await h.page.getByTestId('findings-error').locator('li').count()).toBe(0);
    expect(await h.page.locator('[data-finding-code="permission.unknown_name"]').count()).toBe(0);
    await h.page.locator('#results-title').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await h.screenshot('verify-template');
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('shows bad input as a clear error and keeps the chosen file', async () => {
    await openVerify();
    await dropManifest('broken.json', '{\n  "appId": "x",\n  "web": {\n}');
    await h.page.getByRole('button', { name: 'Verify manifest' }).click();
    const alert = h.page.locator('[data-error-code="manifest.invalid_json"]');
    await alert.getByText(/line 4, column \d+/).waitFor();
    await alert.getByText('The manifest could not be checked').waitFor();
    await h.page.getByTestId('chosen-manifest').getByText('broken.json').waitFor();
    await dropManifest(
      'service-principal.json',
      JSON.stringify({ appId: APP_ID, servicePrincipalType: 'Application', appDisplayName: 'x' }),
    );
    await h.page.getByRole('button', { name: 'Verify manifest' }).click();
    await h.page
      .locator('[data-error-code="manifest.not_a_manifest"]')
      .getByText(/service principal/)
      .first()
      .waitFor();
    await h.screenshot('verify-bad-input');
  });

  it('compares a dropped PFX with the registered certificates', async () => {
    const g = await generateSelfSignedCertificate({ commonName: 'E2E registered', keyAlgorithm: 'ec-p256' });
    const pfx = await writePkcs12({
      certificate: g.certificateDer,
      privateKey: g.privateKey,
      password: PFX_PASSWORD,
      iterations: 1000,
    });
    const app = toGraph({ ...currentSpec(), secrets: [] });
    app.keyCredentials = [{ ...buildKeyCredential(g.certificateDer), key: null }];
    await openVerify();
    await dropManifest('cert-app.json', JSON.stringify(app));
    await h.page.getByRole('radio', { name: 'A PFX file' }).check();
    await h.page
      .locator('[data-testid="pfx-drop"] input[type="file"]')
      .setInputFiles({ name: 'robot.pfx', mimeType: 'application/x-pkcs12', buffer: pfx });
    await h.page.getByLabel('PFX password', { exact: true }).fill('wrong password');
    await h.page.getByRole('button', { name: 'Verify manifest' }).click();
    await h.page.locator('[data-error-code="pfx.wrong_password"]').waitFor();
    await h.page.getByLabel('PFX password', { exact: true }).fill(PFX_PASSWORD);
    await h.page.getByRole('button', { name: 'Verify manifest' }).click();
    await h.page.getByTestId('verify-results').getByText('(robot.pfx)').waitFor();
    expect(await h.page.locator('[data-finding-code="certificate.not_registered"]').count()).toBe(0);
    expect(existsSync(join(h.host.dataDirectory, 'profiles.json'))).toBe(true);
  });
});
