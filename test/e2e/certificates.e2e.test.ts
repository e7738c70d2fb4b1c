// The Certificates page in real Chromium against the real contract implementation: open, copy, decode, generate, export.
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { writePkcs12 } from '../../src/core/certificates';
import { testCertificate } from '../fixtures/pkcs12/test-certificates';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();

const PASSWORD = 'E2E-Pfx-Password-31';

describe.skipIf(missing !== null)('Certificates page in Chromium', () => {
  let h: Harness;
  const dir = mkdtempSync(join(tmpdir(), 'gcw-e2e-certs-'));
  const exportDir = mkdtempSync(join(tmpdir(), 'gcw-e2e-export-'));
  const pfxPath = join(dir, 'contoso-app.pfx');
  let pfx: Buffer;
  let thumbprint: string;
  let cert: Awaited<ReturnType<typeof testCertificate>>;
  const secrets: string[] = [PASSWORD];

  beforeAll(async () => {
    cert = await testCertificate('rsa-2048', 'Contoso E2E App');
    pfx = await writePkcs12({
      certificate: cert.der,
      privateKey: cert.key,
      password: PASSWORD,
      friendlyName: 'Contoso E2E App',
    });
    writeFileSync(pfxPath, pfx);
    thumbprint = new X509Certificate(cert.der).fingerprint.replace(/:/g, '');
    secrets.push(pfx.toString('base64'));
    h = await startHarness({ shell: 'desktop' });
  });

  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });
  // Each test starts from a blank page and opens what it needs, so one that fails midway (say, with the Replace
  // dialog still open) cannot make the next one fail too.
  beforeEach(async () => {
    await h?.reset();
  });

  const page = () => h.page;
  /** The main area scrolls by itself: a tall window shows the whole page in one screenshot. */
  const fullScreenshot = async (name: string) => {
    await page().setViewportSize({ width: 1280, height: 2400 });
    await page()
      .locator('main')
      .evaluate((el) => el.scrollTo(0, 0));
    await h.screenshot(name);
    await page().setViewportSize({ width: 1280, height: 860 });
  };
  const alert = () => page().getByRole('alert');
  const openPfx = async () => {
    await h.open('#/certificates');
    await page().locator('input[type=file]').setInputFiles(pfxPath);
    // Enter opens the file only once the app has found that it needs a password (a loaded machine answers late).
    await alert().getByText('This file is password protected').waitFor();
    await page().getByLabel('PFX password', { exact: true }).fill(PASSWORD);
    await page().getByLabel('PFX password', { exact: true }).press('Enter');
    await page().getByText(thumbprint, { exact: true }).waitFor();
  };
  /** Generate a certificate on the Generate tab (subject `CN=<cn>, O=Contoso`, EC P-256). */
  const generate = async (cn: string) => {
    await h.open('#/certificates');
    await page().getByRole('tab', { name: 'Generate new' }).click();
    await page().getByLabel('Subject name (CN)').fill(cn);
    await page().getByLabel('Organization (O)').fill('Contoso');
    await page().getByRole('radio', { name: '2 years' }).check();
    await page().getByLabel('Key').selectOption('ec-p256');
    await page().getByRole('button', { name: 'Generate certificate' }).click();
    await page().getByRole('heading', { name: cn, level: 2 }).waitFor();
    await page().getByText('New certificate, not exported yet').waitFor();
  };

  it('opens a dropped PFX: asks for the password, says when it is wrong, then shows the thumbprint', async () => {
    await h.open('#/certificates');
    await page().getByRole('heading', { name: 'Certificates', level: 1 }).waitFor();
    await page().getByText('No certificate open yet').waitFor();
    await h.screenshot('certificates-open');
    expect(await h.seriousAxeViolations()).toEqual([]);

    await page().locator('input[type=file]').setInputFiles(pfxPath);
    await alert().getByText('This file is password protected').waitFor();
    const password = page().getByLabel('PFX password', { exact: true });
    await expect.poll(() => password.evaluate((el) => el === document.activeElement)).toBe(true);

    await password.fill('not-the-password');
    await page().getByRole('button', { name: 'Open contoso-app.pfx' }).click();
    await alert()
      .getByText(/password is wrong.*integrity check \(MAC\)/)
      .waitFor();
    expect(await alert().textContent()).toContain('Wrong password');
    await expect.poll(() => password.evaluate((el) => el === document.activeElement)).toBe(true);

    await password.fill(PASSWORD);
    await password.press('Enter');
    await page().getByRole('heading', { name: 'Contoso E2E App', level: 2 }).waitFor();
    await page().getByText(thumbprint, { exact: true }).waitFor();
    expect(await password.inputValue()).toBe('');
    await page().getByText('From contoso-app.pfx').waitFor();
    await fullScreenshot('certificates-details');
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('copies the thumbprint, and the exact base64 of the file as a secret', async () => {
    await openPfx();
    await page().getByRole('button', { name: 'Copy SHA-1 thumbprint' }).click();
    await expect.poll(() => h.host.clipboard.text).toBe(thumbprint);
    await page().getByRole('button', { name: 'Copy base64' }).click();
    await expect.poll(() => h.host.clipboard.text).toBe(pfx.toString('base64'));
    await page()
      .getByText(/Copied [\d,]+ characters\. They are cleared from the clipboard in 60 seconds\./)
      .waitFor();
  });

  it('decodes pasted base64, asks for its password and shows the same certificate', async () => {
    await h.open('#/certificates');
    await page().getByRole('tab', { name: 'Check pasted base64' }).click();
    await page().getByRole('textbox', { name: 'Pasted base64' }).fill(pfx.toString('base64'));
    await page().getByRole('button', { name: 'Decode' }).click();
    await page()
      .getByText(/This is a PKCS#12 file .* Enter its password/)
      .waitFor();
    expect(await page().getByRole('textbox', { name: 'Pasted base64' }).inputValue()).toBe('');
    const password = page().getByLabel('Password of the pasted PFX', { exact: true });
    await password.fill(PASSWORD);
    await page().getByRole('button', { name: 'Open', exact: true }).click();
    await page().getByText('Decoded from pasted base64 text').waitFor();
    await page().getByText(thumbprint, { exact: true }).waitFor();

    await page()
      .getByRole('textbox', { name: 'Pasted base64' })
      .fill(new X509Certificate(cert.der).raw.toString('base64'));
    await page().getByRole('button', { name: 'Decode' }).click();
    await page().getByText('A certificate without its private key').waitFor();
    await page().locator('[data-warning="no_private_key"]').waitFor();
    expect(await page().getByRole('button', { name: 'Copy base64' }).count()).toBe(0);
  });

  it('generates a certificate with progress and exports it, asking before replacing files', async () => {
    await generate('Contoso Sync E2E');
    expect(
      h.host.events
        .filter((e) => e.name === 'certificates.progress')
        .map((e) => (e.payload as { stage: string }).stage),
    ).toEqual(['generating-key', 'building-certificate', 'signing', 'done']);

    await page().getByRole('button', { name: 'Generate a strong password' }).click();
    const password = page().getByLabel(/^PFX password\*?$/);
    await expect.poll(() => password.inputValue()).toMatch(/^([A-Za-z2-9]{5}-){3}[A-Za-z2-9]{5}$/);
    await page().getByText('Password strength: Very strong').waitFor();
    await fullScreenshot('certificates-generate');
    expect(await h.seriousAxeViolations()).toEqual([]);
    await page().getByRole('button', { name: 'Copy password' }).click();
    await expect.poll(() => h.host.clipboard.text).toBe(await password.inputValue());

    h.host.dialogs.folderQueue.push(exportDir);
    await page().getByRole('button', { name: 'Choose folder and export…' }).click();
    await page().getByText(`Exported 5 files to ${exportDir}.`).waitFor();
    const exported = join(exportDir, 'Contoso-Sync-E2E.pfx');
    expect(statSync(exported).mode & 0o777).toBe(0o600);
    expect(existsSync(join(exportDir, 'Contoso-Sync-E2E.keycredentials.json'))).toBe(true);
    expect(await password.inputValue()).toBe('');
    await page().getByText('New certificate, exported as Contoso-Sync-E2E.pfx').waitFor();
    secrets.push(readFileSync(exported).toString('base64'));

    await password.fill('Second-Export-Password-8');
    secrets.push('Second-Export-Password-8');
    h.host.dialogs.folderQueue.push(exportDir);
    await page().getByRole('button', { name: 'Choose folder and export…' }).click();
    const dialog = page().getByRole('alertdialog', { name: 'Replace the existing files?' });
    await dialog.waitFor();
    await dialog.getByText('Contoso-Sync-E2E.pfx', { exact: true }).waitFor();
    expect(await h.seriousAxeViolations()).toEqual([]);
    const before = readFileSync(exported);
    await dialog.getByRole('button', { name: 'Replace' }).click();
    await page().getByText(`Exported 5 files to ${exportDir}.`).waitFor();
    expect(readFileSync(exported).equals(before)).toBe(false);
    secrets.push(readFileSync(exported).toString('base64'));
  });

  it('hands an exported certificate to the Connections page by reference', async () => {
    await generate('Contoso Handoff E2E');
    await page()
      .getByLabel(/^PFX password\*?$/)
      .fill('Handoff-Export-Password-7');
    secrets.push('Handoff-Export-Password-7');
    const folder = mkdtempSync(join(tmpdir(), 'gcw-e2e-handoff-'));
    h.host.dialogs.folderQueue.push(folder);
    await page().getByRole('button', { name: 'Choose folder and export…' }).click();
    await page().getByText('New certificate, exported as Contoso-Handoff-E2E.pfx').waitFor();
    secrets.push(readFileSync(join(folder, 'Contoso-Handoff-E2E.pfx')).toString('base64'));
    await page().getByRole('button', { name: 'Use in a connection' }).click();
    await expect
      .poll(() => page().evaluate(() => window.location.hash))
      .toMatch(/^#\/connections\?certificate=[A-Za-z0-9_-]{16,}$/);
    expect(h.calls.filter((c) => c.method === 'certificates.handoff').at(-1)?.result).toMatchObject({
      ok: true,
      value: { subject: 'CN=Contoso Handoff E2E, O=Contoso' },
    });
    // The Connections page opens a certificate profile with the certificate's facts; saving stores its PFX and password.
    await page()
      .getByText(/Certificate from the Certificates page/)
      .waitFor();
    const field = (name: RegExp) => page().getByLabel(name).and(page().locator('input, textarea'));
    await field(/^Profile name/).fill('From the Certificates page');
    await field(/^Client ID/).fill('6b8c1a2e-3f4d-4e5a-9b7c-1d2e3f4a5b6c');
    await field(/^Tenant ID/).fill('contoso.onmicrosoft.com');
    await field(/^Account UPN/).fill('robot@contoso.com');
    await page().getByRole('button', { name: 'Save', exact: true }).click();
    await page()
      .getByText(/Saved “From the Certificates page”/)
      .waitFor();
    const saved = h.host.ctx.profiles.list().find((e) => e.name === 'From the Certificates page');
    expect(saved?.secrets).toEqual({ pfx: 'stored', pfxPassword: 'stored' });
    expect(saved?.profile).toMatchObject({
      auth: 'certificate',
      certificate: { subject: 'CN=Contoso Handoff E2E, O=Contoso', fileName: 'Contoso-Handoff-E2E.pfx' },
    });
  });

  it('never delivered a password or PFX base64 to the renderer except the password it asked to be suggested', () => {
    const suggested = h.calls
      .filter((c) => c.method === 'certificates.suggestPassword')
      .map((c) => (c.result.ok ? (c.result.value as { password: string }).password : ''));
    expect(suggested).toHaveLength(1);
    const all = [...secrets, ...suggested];
    const leaks = h.calls
      .filter(
        (c) => c.method !== 'certificates.suggestPassword' && all.some((s) => JSON.stringify(c.result).includes(s)),
      )
      .map((c) => c.method);
    expect(leaks).toEqual([]);
    expect(h.calls.some((c) => c.method === 'certificates.copyBase64' && c.result.ok)).toBe(true);
  });
});
