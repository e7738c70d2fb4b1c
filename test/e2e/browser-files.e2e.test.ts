// What Electron gave, in a browser tab served by gcw ui (window.workbench.host is 'browser'): files are picked with the
// browser's file chooser and saved as downloads, copies go to the browser's clipboard, notifications appear in the
// page, and a PDF record is the HTML record printed by the browser. No OS dialog is ever asked for (the harness
// refuses one, as gcw ui does, and the last test checks no call was refused).
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writePkcs12 } from '../../src/core/certificates';
import type { SavedProfileResult } from '../../src/shared/contract/profiles';
import type { Result } from '../../src/shared/result';
import { testCertificate } from '../fixtures/pkcs12/test-certificates';
import { createTestPki } from '../support/idp';
import { createTestHost, type TestHost } from '../support/test-context';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping end-to-end tests: ${missing}`);

const PASSWORD = 'E2E-Browser-Password-7';
const CLIENT_ID = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const TENANT_ID = '11111111-2222-3333-4444-555555555555';
const SECRET = 'abc8Q~Browser.Secret-Value_123';

describe.skipIf(missing !== null)(
  'gcw ui in Chromium: files, clipboard, notifications and records without Electron',
  () => {
    let h: Harness;
    let host: TestHost;
    const dir = mkdtempSync(join(tmpdir(), 'gcw-e2e-browser-'));
    const pfxPath = join(dir, 'contoso-browser.pfx');
    let thumbprint: string;
    let profileId: string;

    beforeAll(async () => {
      const cert = await testCertificate('ec-p256', 'Contoso Browser App');
      writeFileSync(
        pfxPath,
        await writePkcs12({
          certificate: cert.der,
          privateKey: cert.key,
          password: PASSWORD,
          friendlyName: 'Contoso Browser App',
        }),
      );
      thumbprint = new X509Certificate(cert.der).fingerprint.replace(/:/g, '');
      host = createTestHost({ pageAdapters: true });
      h = await startHarness({ host });
      await h.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: h.origin });
      // A profile made through the page's own window.workbench (POST /api/profiles.create), as the form would.
      const saved = await h.page.evaluate(
        ([clientId, tenant, secret]) =>
          (
            window as unknown as { workbench: { profiles: { create(i: unknown): Promise<unknown> } } }
          ).workbench.profiles.create({
            name: 'Contoso browser app',
            auth: 'byo-app',
            clientId,
            tenant,
            audience: 'single-tenant',
            domain: 'contoso.com',
            scopes: ['openid', 'offline_access', 'User.Read', 'Files.Read'],
            secretExpiresAt: new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10),
            secrets: { clientSecret: secret },
          }),
        [CLIENT_ID, TENANT_ID, SECRET] as const,
      );
      expect(saved).toMatchObject({ ok: true });
      profileId = (saved as Result<SavedProfileResult> & { ok: true }).value.entry.id;
    });
    afterAll(async () => {
      await h?.close();
      await closeBrowser();
    });
    beforeEach(async () => {
      await h?.reset();
    });

    const page = () => h.page;
    const downloaded = async (click: () => Promise<void>): Promise<{ name: string; text: string; bytes: Buffer }> => {
      const [download] = await Promise.all([page().waitForEvent('download'), click()]);
      const path = await download.path();
      const bytes = readFileSync(path);
      return { name: download.suggestedFilename(), text: bytes.toString('utf8'), bytes };
    };

    it('says it runs in the browser, and signs in with the one-time link only once', async () => {
      await h.open();
      expect(await page().evaluate(() => (window as unknown as { workbench: { host: string } }).workbench.host)).toBe(
        'browser',
      );
      // The link was used when the harness signed in; opened again in a fresh browser it is refused.
      const stranger = await h.context.browser()!.newContext();
      const other = await stranger.newPage();
      await other.goto(h.web!.link);
      await other.getByText('This link has been used already').waitFor();
      expect(await other.evaluate(() => 'workbench' in window)).toBe(false);
      await stranger.close();
    });

    it('opens a certificate with the browser’s file chooser and downloads its base64 as .txt', async () => {
      await h.open('#/certificates');
      const [chooser] = await Promise.all([
        page().waitForEvent('filechooser'),
        page().getByTestId('certificate-drop').getByRole('button', { name: 'Choose file…' }).click(),
      ]);
      await chooser.setFiles(pfxPath);
      await page().getByLabel('PFX password', { exact: true }).fill(PASSWORD);
      await page().getByLabel('PFX password', { exact: true }).press('Enter');
      await page().getByText(thumbprint, { exact: true }).waitFor();
      const file = await downloaded(() => page().getByRole('button', { name: 'Download as .txt' }).click());
      expect(file.name).toMatch(/\.pfx\.b64\.txt$/);
      expect(Buffer.from(file.text, 'base64')).toEqual(readFileSync(pfxPath));
      await page().getByText(`Downloaded ${file.name}`).waitFor();
      // Copy goes to this browser's clipboard (the host cannot reach it), and the page does not promise to clear it.
      await page().getByRole('button', { name: 'Copy base64' }).click();
      await expect
        .poll(() => page().evaluate(() => navigator.clipboard.readText()))
        .toBe(readFileSync(pfxPath).toString('base64'));
      await page()
        .getByText(/^Copied [\d,]+ characters\.\s*$/)
        .waitFor();
    });

    it('exports a generated certificate as five downloads: the PFX opens with the password and holds the .cer', async () => {
      await h.open('#/certificates');
      await page().getByRole('tab', { name: 'Generate new' }).click();
      await page().getByLabel('Subject name (CN)').fill('Contoso Browser Export');
      await page().getByLabel('Key').selectOption('ec-p256');
      await page().getByRole('button', { name: 'Generate certificate' }).click();
      await page().getByText('New certificate, not exported yet').waitFor();
      await page()
        .getByLabel(/^PFX password\*?$/)
        .fill(PASSWORD);
      await page().getByRole('button', { name: 'Export the files' }).click();
      const list = page().getByRole('list', { name: 'Files to download' });
      await list.waitFor();
      const names = ['pfx', 'cer', 'pem', 'pfx.b64.txt', 'keycredentials.json'].map(
        (ext) => `Contoso-Browser-Export.${ext}`,
      );
      const files: Record<string, Buffer> = {};
      for (const name of names)
        files[name] = (
          await downloaded(() => list.getByRole('button', { name: `Download ${name}`, exact: true }).click())
        ).bytes;
      expect(files['Contoso-Browser-Export.pfx.b64.txt']!.toString('utf8')).toBe(
        files['Contoso-Browser-Export.pfx']!.toString('base64'),
      );
      const cer = new X509Certificate(files['Contoso-Browser-Export.cer']!);
      expect(cer.subject).toContain('CN=Contoso Browser Export');
      expect(new X509Certificate(files['Contoso-Browser-Export.pem']!).fingerprint256).toBe(cer.fingerprint256);
      // The page now holds the exported PFX: reopening the downloaded file with the password shows the same certificate.
      writeFileSync(join(dir, 'exported.pfx'), files['Contoso-Browser-Export.pfx']!);
      await h.open('#/certificates');
      const [chooser] = await Promise.all([
        page().waitForEvent('filechooser'),
        page().getByTestId('certificate-drop').getByRole('button', { name: 'Choose file…' }).click(),
      ]);
      await chooser.setFiles(join(dir, 'exported.pfx'));
      await page().getByLabel('PFX password', { exact: true }).fill(PASSWORD);
      await page().getByLabel('PFX password', { exact: true }).press('Enter');
      await page().getByText(cer.fingerprint.replace(/:/g, ''), { exact: true }).waitFor();
    });

    it('downloads the connection record as Markdown and HTML, and opens it to print for PDF (the browser makes the PDF)', async () => {
      await h.open(`#/connections?sheet=${profileId}`);
      await page().getByRole('heading', { name: 'Connection record' }).waitFor();
      const md = await downloaded(() =>
        page().getByRole('button', { name: 'Export the connection record (Markdown)' }).click(),
      );
      expect(md.name).toBe('Contoso-browser-app-connection-record.md');
      expect(md.text).toMatch(/^# Connection record: Contoso browser app\n/);
      expect(md.text).toContain(CLIENT_ID);
      const html = await downloaded(() =>
        page().getByRole('button', { name: 'Export the connection record (HTML)' }).click(),
      );
      expect(html.text).toMatch(/<html[\s\S]*Contoso browser app/);
      const [printable] = await Promise.all([
        h.context.waitForEvent('page'),
        page().getByRole('button', { name: 'Print the connection record (Save as PDF)' }).click(),
      ]);
      await printable.waitForLoadState();
      expect(await printable.content()).toContain('Connection record: Contoso browser app');
      await printable.close();
      await page()
        .getByTestId('record-status')
        .getByText(/choose “Save as PDF”/)
        .waitFor();
      for (const text of [md.text, html.text]) expect(text).not.toContain(SECRET);
    });

    it('exports a profile without secrets as a download and imports that file through the file chooser', async () => {
      await h.open('#/connections');
      const exported = await h.page.evaluate(
        (id) =>
          (
            window as unknown as { workbench: { profiles: { exportText(i: unknown): Promise<unknown> } } }
          ).workbench.profiles.exportText({ id }),
        profileId,
      );
      const expected = (exported as Result<{ text: string; fileName: string }> & { ok: true }).value;
      await page().getByRole('radio', { name: 'Select Contoso browser app' }).check();
      const file = await downloaded(() =>
        page()
          .getByTestId('profile-toolbar')
          .getByRole('button', { name: 'Export (no secrets): Contoso browser app' })
          .click(),
      );
      expect(file.name).toBe(expected.fileName);
      // The same file the contract's export gives, but for its export time.
      const withoutTime = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '');
      expect(withoutTime(file.text)).toBe(withoutTime(expected.text));
      expect(file.text).not.toContain(SECRET);
      writeFileSync(join(dir, file.name), file.bytes);
      await page().getByRole('button', { name: 'Import…' }).click();
      const dialog = page().getByRole('dialog', { name: 'Import a connection profile' });
      const [chooser] = await Promise.all([
        page().waitForEvent('filechooser'),
        dialog.getByRole('button', { name: 'Choose file…' }).click(),
      ]);
      await chooser.setFiles(join(dir, file.name));
      await page().getByText('Imported “Contoso browser app”. Open it to enter its secrets.').waitFor();
    });

    it('verifies a manifest chosen with the file chooser and downloads the report', async () => {
      const manifest = join(dir, 'app.json');
      writeFileSync(
        manifest,
        JSON.stringify({
          appId: CLIENT_ID,
          displayName: 'Contoso browser app',
          signInAudience: 'AzureADMyOrg',
          web: { redirectUris: ['https://contoso.com/provisioning_/callback'] },
        }),
      );
      await h.open('#/verify');
      const [chooser] = await Promise.all([
        page().waitForEvent('filechooser'),
        page().getByTestId('manifest-drop').getByRole('button', { name: 'Choose file…' }).click(),
      ]);
      await chooser.setFiles(manifest);
      await page().getByRole('button', { name: 'Verify manifest' }).click();
      await page().getByTestId('verify-results').waitFor();
      const md = await downloaded(() => page().getByRole('button', { name: 'Download Markdown' }).click());
      expect(md.name).toMatch(/\.md$/);
      expect(md.text).toMatch(/^# /);
      const html = await downloaded(() => page().getByRole('button', { name: 'Download HTML' }).click());
      expect(html.text).toMatch(/<html/i);
    });

    it('trusts a root CA file chosen with the file chooser for sign-in tests; the save-folder setting says downloads go to the browser', async () => {
      const ca = join(dir, 'proxy-root.pem');
      writeFileSync(ca, createTestPki().caPem);
      await h.open('#/signin');
      const [chooser] = await Promise.all([
        page().waitForEvent('filechooser'),
        page().getByRole('button', { name: 'Choose root CA file…' }).click(),
      ]);
      await chooser.setFiles(ca);
      await page().getByText('Root CA file saved.').waitFor();
      await page()
        .getByText(join(host.dataDirectory, 'trusted-ca', 'proxy-root.pem'))
        .waitFor();
      await h.open('#/settings');
      await page()
        .getByText(/exports, certificates and reports are downloads/)
        .waitFor();
      expect(await page().getByRole('button', { name: 'Choose folder…' }).count()).toBe(0);
    });

    it('shows an expiry reminder in the page instead of an OS notification', async () => {
      await h.open();
      // The profile made above (and its imported copy) has a secret that expires in three days.
      expect(host.ctx.reminders.check()).toBeGreaterThan(0);
      await page()
        .getByRole('region', { name: 'Notices' })
        .getByText(/Contoso browser app/)
        .first()
        .waitFor();
      expect(await h.seriousAxeViolations()).toEqual([]);
    });

    it('never asked for an OS dialog', () => {
      expect(
        h.calls.filter((c) => !c.result.ok && c.result.error.code === 'dialog.unavailable').map((c) => c.method),
      ).toEqual([]);
      expect(h.calls.map((c) => c.method)).not.toContain('certificates.inspectFile');
    });
  },
);
