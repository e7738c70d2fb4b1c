// The Certificates page's Cancel button stops a PFX that takes long to open, in real Chromium against the real contract.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pendingChains } from '../../src/core/certificates/pkcs12/hash-pool';
import { testCertificate } from '../fixtures/pkcs12/test-certificates';
import { eightByTenMillion, slowMacOnly } from '../fixtures/pkcs12/work-bombs';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping end-to-end tests: ${missing}`);

describe.skipIf(missing !== null)('Certificates page: Cancel and work bombs', () => {
  let h: Harness;
  const dir = mkdtempSync(join(tmpdir(), 'gcw-e2e-cancel-'));
  const slowPath = join(dir, 'slow.pfx');
  const bombPath = join(dir, 'bomb.pfx');

  beforeAll(async () => {
    // Its MAC asks for 10,000,000 rounds of the PKCS#12 KDF: seconds on a worker thread.
    writeFileSync(slowPath, await slowMacOnly(10_000_000, (await testCertificate('ec-p256', 'Slow E2E')).der));
    writeFileSync(bombPath, await eightByTenMillion());
    h = await startHarness();
  });

  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  const page = () => h.page;

  it('Cancel stops a slow open: the spinner goes, no error is shown, and the worker stops', async () => {
    await h.open('#/certificates');
    await page().getByLabel('PFX password', { exact: true }).fill('some password');
    await page().locator('input[type=file]').setInputFiles(slowPath);
    await page().getByText('Opening slow.pfx…').waitFor();
    await expect.poll(() => pendingChains()).toBeGreaterThan(0);
    await page().getByRole('button', { name: 'Cancel' }).click();
    await page().getByText('Opening slow.pfx…').waitFor({ state: 'hidden' });
    expect(await page().getByRole('button', { name: 'Cancel' }).count()).toBe(0);
    expect(await page().getByRole('alert').count()).toBe(0);
    expect(pendingChains()).toBe(0);
    const calls = h.calls.filter((c) => c.method === 'certificates.inspect' || c.method === 'certificates.cancelOpen');
    expect(calls.map((c) => [c.method, c.result.ok ? 'ok' : c.result.error.code])).toEqual([
      ['certificates.cancelOpen', 'ok'],
      ['certificates.inspect', 'pfx.cancelled'],
    ]);
  });

  it('a work bomb is refused at once with what it asks for', async () => {
    await page().locator('input[type=file]').setInputFiles(bombPath);
    const alert = page().getByRole('alert');
    await alert.getByText('The file asks for too much work').waitFor();
    expect(await alert.textContent()).toContain('8 parts × 10,000,000 iterations');
    expect(await h.seriousAxeViolations()).toEqual([]);
  });
});
