// Truthful words where a PFX enters, in Chromium: an OpenSSL-made legacy PFX without a password and an EC key get
// their warnings on the connection form and in the wizard, the certificate's end date fills the expiry field; a pasted
// https://host/ becomes the host in the bring-your-own form.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opensslOrThrow } from '../fixtures/pkcs12/openssl';
import { skipWithout } from '../support/reference-tools';
import { createTestHost, type TestHost } from '../support/test-context';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing =
  chromiumMissing() ?? skipWithout('openssl', 'the PFX warnings in Chromium (their files are made by OpenSSL)');
if (missing) console.warn(`Skipping end-to-end tests: ${missing}`);

describe.skipIf(missing !== null)('PFX warnings and pasted domains in Chromium', () => {
  let host: TestHost;
  let h: Harness;
  const dir = mkdtempSync(join(tmpdir(), 'gcw-pfx-words-'));
  let legacyEmpty: Buffer;
  let ecModern: Buffer;
  let notAfter = '';

  beforeAll(async () => {
    // A legacy (RC2/3DES, SHA-1 MAC) PFX with an empty password, and an EC key in a modern one, both made by OpenSSL.
    await opensslOrThrow(
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        'rsa.key',
        '-out',
        'rsa.crt',
        '-days',
        '20',
        '-subj',
        '/CN=Legacy robot',
      ],
      dir,
    );
    await opensslOrThrow(
      [
        'pkcs12',
        '-export',
        '-legacy',
        '-inkey',
        'rsa.key',
        '-in',
        'rsa.crt',
        '-out',
        'legacy.pfx',
        '-passout',
        'pass:',
      ],
      dir,
    );
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
        'ec.key',
        '-out',
        'ec.crt',
        '-days',
        '365',
        '-subj',
        '/CN=EC robot',
      ],
      dir,
    );
    await opensslOrThrow(
      ['pkcs12', '-export', '-inkey', 'ec.key', '-in', 'ec.crt', '-out', 'ec.pfx', '-passout', 'pass:EC-Pass-1'],
      dir,
    );
    legacyEmpty = readFileSync(join(dir, 'legacy.pfx'));
    ecModern = readFileSync(join(dir, 'ec.pfx'));
    const end = (await opensslOrThrow(['x509', '-in', 'rsa.crt', '-noout', '-enddate'], dir))
      .trim()
      .replace('notAfter=', '');
    notAfter = new Date(end).toISOString().slice(0, 10);
    host = createTestHost();
    h = await startHarness({ host });
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  /** A fresh document, so a form left dirty by the test before cannot hold the navigation back. */
  const open = async (path: string) => {
    await h.page.goto('about:blank');
    await h.open(path);
  };
  const drop = (testId: string, name: string, buffer: Buffer) =>
    h.page
      .locator(`[data-testid="${testId}"] input[type="file"]`)
      .setInputFiles({ name, mimeType: 'application/x-pkcs12', buffer });

  it('the connection form warns about a legacy PFX without a password, and fills the expiry with the certificate’s end date', async () => {
    await open('#/connections?new=certificate');
    await drop('pfx-drop', 'legacy.pfx', legacyEmpty);
    const warnings = h.page.getByTestId('pfx-warnings');
    await warnings
      .locator('[data-warning="empty_password"]')
      .getByText(/opened without a password/)
      .waitFor();
    await warnings.locator('[data-warning="legacy_protection"]').waitFor();
    await warnings.locator('[data-warning="expiring_soon"]').waitFor();
    await expect.poll(() => h.page.getByLabel(/Credential expiry date/).inputValue()).toBe(notAfter);
    await h.screenshot('form-pfx-warnings');
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('the wizard warns that Entra documents RSA when the imported key is EC', async () => {
    host.ctx.wizard.reset();
    await open('#/wizard');
    await h.page.getByRole('radio', { name: 'A service account, unattended' }).click();
    await h.page.getByRole('radio', { name: 'Certificate', exact: true }).click();
    await h.page.getByRole('button', { name: /^Next/ }).click();
    await h.page.getByRole('heading', { name: /^Step 2 of 8/ }).waitFor();
    await h.page.getByRole('button', { name: /^Next/ }).click();
    await h.page.getByRole('heading', { name: /^Step 3 of 8/ }).waitFor();
    await h.page.getByRole('textbox', { name: 'PFX password' }).fill('EC-Pass-1');
    await drop('certificate-drop', 'ec.pfx', ecModern);
    const warnings = h.page.getByTestId('chosen-certificate').getByTestId('pfx-warnings');
    await warnings
      .locator('[data-warning="ec_key"]')
      .getByText(/documents certificate sign-in \(client assertions\) for RSA keys/)
      .waitFor();
    // The recommendation no longer claims the private key stays on this computer.
    await h.page.getByRole('button', { name: /^1\. Choose the option/ }).click();
    await h.page
      .getByTestId('recommendation')
      .getByText(/The connection page takes the PFX \(with its private key\) and its password/)
      .waitFor();
    expect(await h.page.getByText(/never leaves your computer/).count()).toBe(0);
  });

  it('a pasted https://host/ becomes the host in the bring-your-own form', async () => {
    await open('#/connections?new=byo-app');
    const domain = h.page.getByRole('textbox', { name: /^Your domain/ });
    await domain.focus();
    await domain.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'https://cloud.example.com/provisioning_/callback');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect.poll(() => domain.inputValue()).toBe('cloud.example.com');
    await h.page.getByText('Kept the host name only: cloud.example.com.').waitFor();
    expect(await h.page.getByRole('textbox', { name: /^Redirect URI/ }).inputValue()).toBe(
      'https://cloud.example.com/provisioning_/callback',
    );
  });
});
