// Connections and Scopes in real Chromium against the real contract implementation: one profile of each kind,
// validation as the admin types, the connection sheet's copies, reload, delete with undo, and the Scopes page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestHost, type TestHost } from '../support/test-context';
import { ManualTimers } from '../support/doubles';
import { generateSelfSignedCertificate, writePkcs12 } from '../../src/core/certificates';
import { contract } from '../../src/shared/contract';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();

const CLIENT_ID = '6b8c1a2e-3f4d-4e5a-9b7c-1d2e3f4a5b6c';
const TENANT_ID = '0f1e2d3c-4b5a-4697-8877-665544332211';
const SECRET_CC = 'Zq8~kP3.xY7_abcDEF-secretValue123~XYZ';
const SECRET_BYO = 'Ab1~byoSecretValue.456_uvwXYZ-987~qrs';
const PFX_PASSWORD = 'pfx-pässwort-42!';
// A real PFX, made at test time: the form reads it in main to fill the certificate's thumbprints and expiry.
let PFX_BYTES: Buffer = Buffer.alloc(0);
let PFX_SHA1 = '';
const SECRETS = [SECRET_CC, SECRET_BYO, PFX_PASSWORD];

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe.skipIf(missing !== null)('connections in Chromium', () => {
  let h: Harness;
  let host: TestHost;
  const timers = new ManualTimers();

  beforeAll(async () => {
    const cert = await generateSelfSignedCertificate({ commonName: 'Contoso robot', keyAlgorithm: 'ec-p256' });
    PFX_BYTES = await writePkcs12({
      certificate: cert.certificateDer,
      privateKey: cert.privateKey,
      password: PFX_PASSWORD,
      profile: 'modern',
    });
    PFX_SHA1 = cert.details.thumbprintSha1;
    SECRETS.push(PFX_BYTES.toString('base64'));
    host = createTestHost({ timers });
    h = await startHarness({ shell: 'desktop', host });
  });
  beforeEach(async () => {
    await h?.reset();
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  const field = (name: RegExp) => h.page.getByLabel(name).and(h.page.locator('input, textarea'));
  /** Open a page in a fresh document (the harness does), so a form left dirty by a failed test cannot hold the navigation back. */
  const open = (path: string) => h.open(path);
  const alertText = (text: string | RegExp) => h.page.getByText(text);
  const newConnection = async (option: string) => {
    await open('#/connections');
    await h.page.getByRole('main').getByRole('button', { name: 'New connection' }).first().click();
    await h.page
      .getByRole('group', { name: 'Choose the authentication option' })
      .getByRole('button', { name: new RegExp(`^${option}`) })
      .click();
    await h.page.getByRole('heading', { name: `New connection: ${option}` }).waitFor();
  };
  /** A screenshot of the whole page, however far the main area scrolls. */
  const tallScreenshot = async (name: string) => {
    // A form's messages come a moment after typing: wait until its last check has answered.
    if ((await h.page.locator('form[data-checking]').count()) > 0)
      await h.page.locator('form[data-checking="false"]').waitFor();
    const height = await h.page.evaluate(() => (document.querySelector('main')?.scrollHeight ?? 0) + 8);
    await h.page.setViewportSize({ width: 1280, height: Math.max(860, height) });
    await h.screenshot(name);
    await h.page.setViewportSize({ width: 1280, height: 860 });
  };
  /** Select a connection's row, then press one of the toolbar's actions for it. */
  const rowAction = async (name: string, action: string) => {
    await h.page.getByRole('radio', { name: `Select ${name}` }).check();
    await h.page
      .getByTestId('profile-toolbar')
      .getByRole('button', { name: `${action}: ${name}` })
      .click();
  };
  const save = async (name: string) => {
    await h.page.getByRole('button', { name: 'Save', exact: true }).click();
    await h.page.getByText(new RegExp(`Saved “${name}”`)).waitFor();
    await h.page.waitForURL(/edit=/);
  };

  it('shows an empty state that says what to do', async () => {
    await open('#/connections');
    await h.page.getByRole('heading', { name: 'No connections yet' }).waitFor();
    await h.screenshot('connections-empty');
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('creates a client-credentials profile; messages appear and disappear as the admin types', async () => {
    await newConnection('OAuth 2.0 client credentials');
    await field(/^Profile name/).fill('Contoso client credentials');
    await field(/^Client ID/).fill('not-a-guid');
    await alertText(/The client ID must be a GUID/).waitFor();
    await field(/^Client ID/).fill(CLIENT_ID);
    await alertText(/The client ID must be a GUID/).waitFor({ state: 'detached' });
    await field(/^Tenant ID/).fill('contoso tenant');
    await alertText(/The tenant must be a GUID/).waitFor();
    await field(/^Tenant ID/).fill(TENANT_ID);
    await alertText(/The tenant must be a GUID/).waitFor({ state: 'detached' });
    await field(/^Client secret\s*\*?$/).fill('7d1e4b2a-9c3f-4e8d-a6b5-0f1e2d3c4b5a');
    await alertText(/looks like the secret’s ID/).waitFor();
    await tallScreenshot('form-client-credentials-warning');
    await field(/^Client secret\s*\*?$/).fill(SECRET_CC);
    await alertText(/looks like the secret’s ID/).waitFor({ state: 'detached' });
    await tallScreenshot('form-client-credentials');
    expect(await h.seriousAxeViolations()).toEqual([]);
    await save('Contoso client credentials');
    expect(await field(/^Client secret\s*\*?$/).getAttribute('placeholder')).toBe('Stored — leave empty to keep');
  });

  it('creates a bring-your-own-app profile with its redirect URI copied from the form', async () => {
    await newConnection('Bring your own OAuth 2.0 app');
    await field(/^Profile name/).fill('Contoso own app');
    await field(/^Client ID/).fill(CLIENT_ID);
    await field(/^Client secret\s*\*?$/).fill(SECRET_BYO);
    await field(/expires on/).fill(inDays(10));
    await field(/^Tenant ID/).fill('contoso.onmicrosoft.us');
    await alertText(/Tokens do not cross clouds/).waitFor();
    await field(/^Tenant ID/).fill('contoso.onmicrosoft.com');
    await alertText(/Tokens do not cross clouds/).waitFor({ state: 'detached' });
    // A typed address never doubles the scheme; leaving the field keeps the host name only, and says so.
    await field(/^Your domain/).fill('https://cloud.example.com/');
    expect(await field(/^Redirect URI/).inputValue()).toBe('https://cloud.example.com/provisioning_/callback');
    await field(/^Redirect URI/).click();
    await expect.poll(() => field(/^Your domain/).inputValue()).toBe('cloud.example.com');
    await h.page.getByText('Kept the host name only: cloud.example.com.').waitFor();
    expect(await field(/^Redirect URI/).inputValue()).toBe('https://cloud.example.com/provisioning_/callback');
    await h.page.getByRole('button', { name: 'Copy redirect URI' }).click();
    await expect.poll(() => host.clipboard.text).toBe('https://cloud.example.com/provisioning_/callback');
    await tallScreenshot('form-byo-app');
    expect(await h.seriousAxeViolations()).toEqual([]);
    await save('Contoso own app');
  });

  it('creates a certificate profile in a Custom cloud from a PFX file and its password', async () => {
    await newConnection('Client certificate');
    await field(/^Profile name/).fill('Contoso certificate');
    await field(/^Client ID/).fill(CLIENT_ID);
    await h.page
      .getByTestId('pfx-drop')
      .locator('input[type=file]')
      .setInputFiles({ name: 'robot.pfx', mimeType: 'application/x-pkcs12', buffer: PFX_BYTES });
    await h.page.getByText(/New certificate chosen: robot\.pfx/).waitFor();
    await field(/^Certificate password/).fill(PFX_PASSWORD);
    await field(/^Tenant ID/).fill(TENANT_ID);
    await h.page.getByRole('combobox', { name: /^Environment/ }).selectOption('custom');
    await field(/^Sign-in host/).fill('http://login.example.net');
    await alertText(/Only https is allowed/).waitFor();
    await field(/^Sign-in host/).fill('login.example.net');
    await field(/^Microsoft Graph host/).fill('graph.example.net');
    await alertText(/Only https is allowed/).waitFor({ state: 'detached' });
    await field(/^Account UPN/).fill('robot@contoso.com');
    await tallScreenshot('form-certificate');
    expect(await h.seriousAxeViolations()).toEqual([]);
    await save('Contoso certificate');
    const saved = host.ctx.profiles.list().find((e) => e.name === 'Contoso certificate');
    expect(saved?.secrets).toEqual({ pfx: 'stored', pfxPassword: 'stored' });
    expect(saved?.profile).toMatchObject({
      environment: 'custom',
      customHosts: { loginHost: 'login.example.net', graphHost: 'graph.example.net' },
      certificate: { fileName: 'robot.pfx', thumbprintSha1: PFX_SHA1, subject: 'CN=Contoso robot' },
    });
  });

  it('lists, searches and shows the expiry warning; finds everything again after a reload and a restart', async () => {
    await open('#/connections');
    const rows = h.page.getByRole('grid', { name: 'Connection profiles' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(4);
    await h.page
      .getByText(/^Expiring \(\d+ days\)$/)
      .first()
      .waitFor();
    await h.page
      .getByRole('table', { name: 'Expiry' })
      .getByText(/The client secret expires in \d+ days/)
      .waitFor();
    await tallScreenshot('connections-list');
    expect(await h.seriousAxeViolations()).toEqual([]);
    await h.page.getByRole('searchbox', { name: 'Search connections' }).fill('own app');
    await expect.poll(() => rows.count()).toBe(2);
    await h.page.reload();
    await h.page.locator('[data-app-state="loaded"]').waitFor();
    await expect.poll(() => rows.count()).toBe(4);
    const restarted = createTestHost({ dataDirectory: host.dataDirectory, vault: host.vault });
    expect(restarted.ctx.profiles.list().map((e) => [e.name, e.secrets])).toEqual([
      ['Contoso client credentials', { clientSecret: 'stored' }],
      ['Contoso own app', { clientSecret: 'stored' }],
      ['Contoso certificate', { pfx: 'stored', pfxPassword: 'stored' }],
    ]);
  });

  it('copies fields from the connection sheet; a secret is cleared from the clipboard later', async () => {
    await open('#/connections');
    await h.page.getByRole('button', { name: 'Contoso own app: open the connection sheet' }).click();
    // The sheet opens in a panel over the list (whose own copy buttons stay on the page behind it).
    const sheet = h.page.getByRole('dialog', { name: 'Connection sheet: Contoso own app' });
    await sheet.getByRole('heading', { name: 'Connection sheet: Contoso own app' }).waitFor();
    const order = await sheet
      .locator('tr[data-field]')
      .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-field')));
    expect(order).toEqual(['clientId', 'clientSecret', 'tenant', 'redirectUri', 'scopes']);
    await sheet.getByRole('button', { name: 'Copy Client ID' }).click();
    await expect.poll(() => host.clipboard.text).toBe(CLIENT_ID);
    await sheet.getByRole('button', { name: 'Copy Client secret' }).click();
    await expect.poll(() => host.clipboard.text).toBe(SECRET_BYO);
    await h.page.getByText(/Client secret copied — cleared from the clipboard in \d+ s/).waitFor();
    expect(await h.page.getByText(SECRET_BYO).count()).toBe(0);
    await tallScreenshot('connection-sheet');
    expect(await h.seriousAxeViolations()).toEqual([]);
    timers.fireAll();
    await expect.poll(() => host.clipboard.text).toBe('');
    await h.page.getByText('Clipboard cleared', { exact: true }).waitFor();
    await sheet.getByRole('button', { name: 'Show Client secret' }).click();
    await h.page.getByText(SECRET_BYO).waitFor();
  });

  it('copies the certificate and its password from the certificate sheet', async () => {
    await open('#/connections');
    await h.page.getByRole('button', { name: 'Contoso certificate: open the connection sheet' }).click();
    const sheet = h.page.getByRole('dialog', { name: 'Connection sheet: Contoso certificate' });
    await sheet.getByRole('button', { name: 'Copy Password' }).click();
    await expect.poll(() => host.clipboard.text).toBe(PFX_PASSWORD);
    await sheet.getByRole('button', { name: 'Copy Certificate' }).click();
    await expect.poll(() => host.clipboard.text).toBe(PFX_BYTES.toString('base64'));
  });

  it('exports the connection record of a profile made on the Connections page, from its sheet', async () => {
    await open('#/connections');
    await h.page.getByRole('button', { name: 'Contoso certificate: open the connection sheet' }).click();
    await h.page.getByRole('heading', { name: 'Connection record' }).waitFor();
    await h.page.getByTestId('record-summary').waitFor();
    const file = join(host.dataDirectory, 'contoso-certificate-record.md');
    host.dialogs.saveQueue.push(file);
    await h.page.getByRole('button', { name: 'Export the connection record (Markdown)' }).click();
    await h.page.getByTestId('record-status').getByText(`Saved the connection record (Markdown) to ${file}.`).waitFor();
    const text = readFileSync(file, 'utf8');
    for (const fact of ['# Connection record: Contoso certificate', 'Client certificate', CLIENT_ID, PFX_SHA1])
      expect(text).toContain(fact);
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('deletes with an Undo message bar', async () => {
    await open('#/connections');
    const rows = h.page.getByRole('grid', { name: 'Connection profiles' }).getByRole('row');
    await expect.poll(() => rows.count()).toBe(4);
    await rowAction('Contoso client credentials', 'Delete');
    await h.page.getByText('Deleted “Contoso client credentials”.', { exact: false }).waitFor();
    await expect.poll(() => rows.count()).toBe(3);
    await h.page.getByRole('button', { name: 'Undo' }).click();
    await h.page.getByText('Restored “Contoso client credentials”.').waitFor();
    await expect.poll(() => rows.count()).toBe(4);
  });

  it('asks before leaving a form with unsaved changes, and keeps what was typed', async () => {
    await open('#/connections');
    await rowAction('Contoso own app', 'Edit');
    await field(/^Profile name/).fill('Contoso own app (renamed)');
    await h.page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Scopes' }).click();
    const dialog = h.page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Stay and keep editing' }).click();
    expect(await field(/^Profile name/).inputValue()).toBe('Contoso own app (renamed)');
    // The closed dialog must hand the page back to assistive technology (Fluent leaves aria-hidden behind otherwise).
    await expect.poll(() => h.page.locator('#root').getAttribute('aria-hidden')).toBeNull();
    expect(await h.seriousAxeViolations()).toEqual([]);
    await h.page.goBack();
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Stay and keep editing' }).click();
    expect(await field(/^Profile name/).inputValue()).toBe('Contoso own app (renamed)');
    await h.page.getByRole('button', { name: 'Cancel' }).click();
    await dialog.getByRole('button', { name: 'Leave and discard changes' }).click();
    await h.page.getByRole('heading', { name: 'Connections' }).waitFor();
    expect(host.ctx.profiles.list().map((e) => e.name)).toContain('Contoso own app');
  });

  it('asks before a reload or close loses unsaved changes, and only then', async () => {
    await open('#/connections');
    await rowAction('Contoso own app', 'Edit');
    await field(/^Profile name/).fill('Contoso own app (reload)');
    const before = h.unloadQuestions;
    h.answerUnload = 'stay';
    await h.page.evaluate(() => window.location.reload());
    await expect.poll(() => h.unloadQuestions).toBe(before + 1);
    expect(await field(/^Profile name/).inputValue()).toBe('Contoso own app (reload)');
    h.answerUnload = 'leave';
    await h.page.reload();
    expect(h.unloadQuestions).toBe(before + 2);
    // After leaving, the form shows the saved profile again; a clean form reloads without a question.
    await h.page.locator('[data-app-state="loaded"]').waitFor();
    await expect.poll(() => field(/^Profile name/).inputValue()).toBe('Contoso own app');
    await field(/^Notes/).click();
    await h.page.reload();
    await h.page.locator('[data-app-state="loaded"]').waitFor();
    expect(h.unloadQuestions).toBe(before + 2);
  });

  it('chooses scopes for a profile in the dialog and writes them back into the form', async () => {
    await open('#/connections');
    await rowAction('Contoso own app', 'Edit');
    await h.page.getByRole('button', { name: 'Choose scopes…' }).click();
    const dialog = h.page.getByRole('dialog', { name: 'Choose scopes' });
    await dialog.getByRole('radio', { name: 'Triggers' }).check();
    await dialog.getByRole('switch', { name: /SharePoint site events/ }).check();
    await expect
      .poll(() => dialog.getByTestId('scope-string').textContent())
      .toBe('openid offline_access User.Read Files.Read Sites.Read.All');
    await dialog.getByRole('button', { name: 'Use these scopes' }).click();
    expect(await field(/^Scopes/).inputValue()).toBe('openid offline_access User.Read Files.Read Sites.Read.All');
    await save('Contoso own app');
    expect(host.ctx.profiles.list().find((e) => e.name === 'Contoso own app')?.profile?.scopes).toContain(
      'Sites.Read.All',
    );
  });

  it('uses the Scopes page: checklists, the User.Read choice, search, app-only access and the outputs', async () => {
    await open('#/scopes');
    await h.page.getByRole('heading', { name: 'Scopes' }).waitFor();
    const scopeString = h.page.getByTestId('scope-string');
    await expect.poll(() => scopeString.textContent()).toBe('openid offline_access User.Read Files.Read');
    await h.page.getByRole('radio', { name: 'User.Read.All' }).check();
    await expect.poll(() => scopeString.textContent()).toBe('openid offline_access Files.Read User.Read.All');
    await h.page.getByRole('radio', { name: 'OAuth 2.0 client credentials' }).check();
    await expect.poll(() => scopeString.textContent()).toBe('Files.Read');
    await h.page.getByRole('switch', { name: /I also want app-only access/ }).check();
    // App-only access suggests what fits OneDrive and SharePoint; Files.Read's nearest counterpart is among them.
    await h.page
      .getByTestId('app-only-suggestions')
      .getByRole('checkbox', { name: 'Files.Read.All (application)' })
      .check();
    await h.page.getByText('Files.Read.All (application) — suggested above.').waitFor();
    await h.page.getByRole('radio', { name: 'Search all permissions' }).check();
    await h.page.getByRole('radio', { name: 'Application' }).check();
    await h.page.getByRole('searchbox').fill('sites selected');
    await h.page.getByRole('checkbox', { name: 'Sites.Selected', exact: true }).check();
    // Sites.Selected reaches no site until one is granted: the page says how, with the calls to copy.
    await h.page
      .getByTestId('site-grant')
      .getByText('https://graph.microsoft.com/v1.0/sites/{site-id}/permissions')
      .waitFor();
    const manifest = h.page.getByTestId('required-resource-access');
    await expect
      .poll(async () =>
        JSON.parse((await manifest.textContent()) ?? '[]')[0]?.resourceAccess?.map((a: { type: string }) => a.type),
      )
      .toEqual(['Scope', 'Role', 'Role']);
    await h.page.getByText(/Sites\.Selected and grant the app access to just those sites/).waitFor();
    await h.page.getByText('https://graph.microsoft.com/.default', { exact: true }).waitFor();
    await h.page.getByRole('button', { name: 'Copy scope string' }).click();
    await expect.poll(() => host.clipboard.text).toBe('Files.Read');
    await h.page.getByRole('button', { name: 'Copy requiredResourceAccess JSON' }).click();
    await expect.poll(() => JSON.parse(host.clipboard.text)[0].resourceAccess).toHaveLength(3);
    await tallScreenshot('scopes');
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('exports a profile without secrets and imports it back as a new profile', async () => {
    const file = join(host.dataDirectory, 'exported-byo.json');
    host.dialogs.saveQueue.push(file);
    await open('#/connections');
    await rowAction('Contoso own app', 'Export (no secrets)');
    await h.page.getByText(`Exported to ${file} (no secrets).`).waitFor();
    const text = readFileSync(file, 'utf8');
    for (const secret of SECRETS) expect(text).not.toContain(secret);
    await h.page.getByRole('button', { name: 'Import…' }).click();
    const dialog = h.page.getByRole('dialog', { name: 'Import a connection profile' });
    await dialog.getByLabel(/^Profile file text/).fill(text);
    await dialog.getByRole('button', { name: 'Import pasted text' }).click();
    await h.page.getByText('Imported “Contoso own app”. Open it to enter its secrets.').waitFor();
    await expect.poll(() => h.page.getByRole('grid', { name: 'Connection profiles' }).getByRole('row').count()).toBe(5);
    await h.page.getByText('Incomplete', { exact: true }).waitFor();
    await expect.poll(() => h.page.locator('#root').getAttribute('aria-hidden')).toBeNull();
  });

  it('says so when a profile no longer exists, and offers the way back', async () => {
    await open('#/connections?edit=00000000-0000-4000-8000-000000000000');
    await h.page.getByText('The profile cannot be opened').waitFor();
    await h.page.getByRole('button', { name: 'Back to connections' }).click();
    await h.page.getByRole('heading', { name: 'Connections' }).waitFor();
  });

  it('says what happened to a stored secret when the cloud changes: removed, or kept only after main’s own dialog', async () => {
    const { entry } = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Moving cloud',
      clientId: CLIENT_ID,
      tenant: TENANT_ID,
      scopes: ['Files.Read'],
      secrets: { clientSecret: SECRET_CC },
    });
    await open(`#/connections?edit=${entry.id}`);
    await h.page.getByRole('combobox', { name: /^Environment/ }).selectOption('china');
    await save('Moving cloud');
    await h.page.getByText(/client secret was removed, so it is not sent to the new host/).waitFor();
    expect(host.confirm.asked.at(-1)?.confirmLabel).toBe('Keep for login.chinacloudapi.cn');
    expect(host.ctx.profiles.get(entry.id).secrets).toEqual({ clientSecret: 'missing' });
    await tallScreenshot('form-host-change-removed');

    host.ctx.profiles.update(entry.id, {
      auth: 'client-credentials',
      name: 'Moving cloud',
      clientId: CLIENT_ID,
      tenant: TENANT_ID,
      environment: 'china',
      scopes: ['Files.Read'],
      secrets: { clientSecret: SECRET_CC },
    });
    host.confirm.answers.push(true);
    await open(`#/connections?edit=${entry.id}`);
    await h.page.getByRole('combobox', { name: /^Environment/ }).selectOption('office365');
    await save('Moving cloud');
    await h.page.getByText(/client secret was kept for the new host, as you confirmed/).waitFor();
    expect(host.ctx.profiles.get(entry.id).secrets).toEqual({ clientSecret: 'stored' });
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('never delivered a secret value to the renderer except through revealSecret', () => {
    const leaks = h.calls
      .filter((c) => !contract[c.method as keyof typeof contract]?.revealsSecret)
      .filter((c) => SECRETS.some((s) => JSON.stringify(c.result).includes(s)))
      .map((c) => c.method);
    expect(leaks).toEqual([]);
    expect(
      h.calls.some((c) => c.method === 'profiles.revealSecret' && JSON.stringify(c.result).includes(SECRET_BYO)),
    ).toBe(true);
  });
});
