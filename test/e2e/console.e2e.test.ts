// The Connections console and the Start page in Chromium against the Entra emulator: the status words a profile earns
// from evidence (never tested, a failed test, a passed test, an edit after the test), the grid (sort, keyboard,
// resizable columns), the sheet in a drawer, focus going back to whatever opened a dialog, and axe in light and dark.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSigninHarness, type SigninHarness } from '../support/idp';
import { createTestHost, type TestHost } from '../support/test-context';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping end-to-end tests: ${missing}`);

describe.skipIf(missing !== null)('Connections console and Start page in Chromium', () => {
  let idp: SigninHarness;
  let host: TestHost;
  let h: Harness;

  beforeAll(async () => {
    idp = await startSigninHarness();
    idp.s.tenant.applicationGrants = { [idp.s.webApp.clientId]: ['Sites.Read.All'] };
    // The profiles name the real global cloud (so they validate clean); the network client sends its hosts to the emulator.
    const rewrite = {
      'https://login.microsoftonline.com': idp.idp.origin,
      'https://graph.microsoft.com': idp.idp.origin,
    };
    host = createTestHost({
      signinNetwork: { extraCaPem: idp.pki.caPem, timeoutMs: 10_000, rewrite, allowedHosts: [idp.idp.host] },
    });
    const base = {
      auth: 'client-credentials' as const,
      clientId: idp.s.webApp.clientId,
      tenant: idp.s.tenantId,
      scopes: ['offline_access', 'Files.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
    };
    host.ctx.profiles.create({ ...base, name: 'Good robot', secrets: { clientSecret: idp.s.webApp.secretValue } });
    host.ctx.profiles.create({
      ...base,
      name: 'Wrong secret robot',
      secrets: { clientSecret: 'Wr0ng~value-of-the-secret-123' },
    });
    host.ctx.profiles.create({
      ...base,
      name: 'Never tested robot',
      secrets: { clientSecret: idp.s.webApp.secretValue },
    });
    h = await startHarness({ shell: 'desktop', host, viewport: { width: 1400, height: 900 } });
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
    host?.ctx.signin.close();
    await idp?.close();
  });

  const badge = (name: string) => h.page.locator(`[data-profile="${name}"] [data-status]`).first();
  const appOnly = async (name: string) => {
    const id = host.ctx.profiles.list().find((e) => e.name === name)!.id;
    await h.open(`#/signin?profile=${id}`);
    await h.page.getByRole('button', { name: 'App-only test with the client secret' }).click();
  };

  it('says what the evidence proves: Not tested, Last test failed, Working — never Working without a passed test', async () => {
    await h.open('#/connections');
    for (const name of ['Good robot', 'Wrong secret robot', 'Never tested robot'])
      await expect.poll(() => badge(name).textContent()).toBe('Not tested');

    await appOnly('Wrong secret robot');
    await h.page.getByTestId('signin-failure').waitFor();
    await appOnly('Good robot');
    await h.page.getByTestId('signin-result').getByRole('heading', { name: 'App-only token received' }).waitFor();
    // The result is where the eye is: focused, so a screen reader reads it.
    await expect.poll(() => h.page.evaluate(() => document.activeElement?.id)).toBe('signin-result-title');

    await h.open('#/connections');
    await expect.poll(() => badge('Good robot').textContent()).toBe('Working');
    expect(await badge('Wrong secret robot').textContent()).toBe('Last test failed');
    expect(await badge('Never tested robot').textContent()).toBe('Not tested');
    expect(await h.page.locator('[data-status="ready"]').count()).toBe(0);
    await h.screenshot('console-status');
    expect(await h.seriousAxeViolations()).toEqual([]);

    // The Start page shows the same: the connections with their status, and the last tests.
    await h.open('#/start');
    const tests = h.page.getByTestId('dashboard-tests');
    await tests.getByText('Failed', { exact: true }).waitFor();
    await tests.getByText('Passed', { exact: true }).waitFor();
    await tests.getByText('1 connection has never been tested.').waitFor();
    await h.page
      .getByTestId('dashboard-connections')
      .locator('[data-profile="Good robot"]')
      .getByText('Working')
      .waitFor();
    await h.screenshot('start-dashboard');
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('an edit after the test turns Working into "Changed since the test", in the list, the sheet and the record', async () => {
    await h.open('#/connections');
    await h.page.getByRole('radio', { name: 'Select Good robot' }).check();
    await h.page.getByRole('button', { name: 'Edit: Good robot' }).click();
    await h.page.getByLabel(/^Notes/).fill('Owner: the automation team');
    await h.page.getByRole('button', { name: 'Save', exact: true }).click();
    // "Saved" shows next to Save.
    await h.page.getByTestId('save-status').getByText('Saved “Good robot”.').waitFor();
    await h.page.getByRole('button', { name: 'Back to connections' }).click();
    await expect.poll(() => badge('Good robot').textContent()).toBe('Changed since the test');

    await h.page.getByRole('button', { name: 'Good robot: open the connection sheet' }).click();
    const drawer = h.page.getByRole('dialog', { name: 'Connection sheet: Good robot' });
    await drawer
      .locator('[data-fact="changed-since-test"]')
      .getByText(/passed, but the profile was edited afterwards/)
      .waitFor();
    await drawer
      .getByTestId('record-not-proven')
      .getByText('The profile was edited after the last successful test.')
      .waitFor();
    await h.screenshot('console-sheet');
    expect(await h.seriousAxeViolations()).toEqual([]);
    // Escape closes the drawer; focus goes back to the link that opened it.
    await h.page.keyboard.press('Escape');
    await drawer.waitFor({ state: 'detached' });
    await expect.poll(() => h.page.evaluate(() => document.activeElement?.textContent)).toBe('Good robot');
    expect(h.page.url()).toMatch(/#\/connections$/);
  });

  it('sorts by a column, moves by keyboard, and lets a column be resized', async () => {
    await h.open('#/connections');
    const grid = h.page.getByRole('grid', { name: 'Connection profiles' });
    const names = () =>
      grid.locator('[data-profile]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-profile')));
    await expect.poll(names).toEqual(['Good robot', 'Never tested robot', 'Wrong secret robot']);
    await grid.getByRole('button', { name: 'Status', exact: true }).click();
    await expect.poll(names).toEqual(['Wrong secret robot', 'Good robot', 'Never tested robot']);
    await grid.getByRole('button', { name: 'Connection', exact: true }).click();

    // Keyboard: from a row's selection cell, ArrowDown reaches the next row and Space selects it for the toolbar.
    await grid.getByRole('radio', { name: 'Select Good robot' }).focus();
    await h.page.keyboard.press('ArrowDown');
    await expect
      .poll(() =>
        h.page.evaluate(() => document.activeElement?.closest('[data-profile]')?.getAttribute('data-profile')),
      )
      .toBe('Never tested robot');
    await h.page.keyboard.press('Space');
    await h.page.getByRole('toolbar', { name: 'Actions for Never tested robot' }).waitFor();
    for (const label of ['Open sheet', 'Test', 'Edit', 'Duplicate', 'Export (no secrets)', 'Delete']) {
      await h.page
        .getByRole('toolbar')
        .getByRole('button', { name: `${label}: Never tested robot` })
        .getByText(label, { exact: true })
        .waitFor();
    }

    const header = grid.getByRole('columnheader', { name: 'Tenant' });
    const before = (await header.boundingBox())!.width;
    const handle = header.locator('.fui-TableResizeHandle');
    const box = (await handle.boundingBox())!;
    await h.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await h.page.mouse.down();
    await h.page.mouse.move(box.x + 90, box.y + box.height / 2, { steps: 5 });
    await h.page.mouse.up();
    await expect.poll(async () => (await header.boundingBox())!.width).toBeGreaterThan(before + 40);
  });

  it('never breaks a tenant or client ID inside a word: one line, cut with a tooltip, and a copy button', async () => {
    h.viewport = { width: 900, height: 700 };
    await h.open('#/connections');
    const cell = h.page.locator('[data-profile="Good robot"] [data-value]').first();
    const lines = await cell.evaluate((el) =>
      Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
    );
    expect(lines).toBe(1);
    await h.page
      .locator('[data-profile="Good robot"]')
      .getByRole('button', { name: `Copy tenant ${idp.s.tenantId}` })
      .click();
    await expect.poll(() => host.clipboard.text).toBe(idp.s.tenantId);
    h.viewport = { width: 1400, height: 900 };
  });

  it('the Scopes page starts from a saved profile and suggests app-only permissions, with how Sites.Selected grants a site', async () => {
    const id = host.ctx.profiles.list().find((e) => e.name === 'Good robot')!.id;
    await h.open('#/connections');
    await h.page.getByRole('button', { name: 'Good robot: open the connection sheet' }).click();
    await h.page.getByRole('button', { name: 'Review the scopes' }).click();
    await h.page.getByRole('heading', { name: 'Scopes', level: 1 }).waitFor();
    expect(h.page.url()).toContain(`#/scopes?profile=${id}`);
    await h.page.getByText('Showing the permissions of “Good robot”.').waitFor();
    expect(await h.page.getByRole('radio', { name: 'OAuth 2.0 client credentials' }).isChecked()).toBe(true);
    await expect.poll(() => h.page.getByTestId('scope-string').textContent()).toBe('offline_access Files.Read');
    const suggested = h.page.getByTestId('app-only-suggestions');
    expect(await suggested.getByRole('checkbox', { name: 'Sites.Read.All (application)' }).isChecked()).toBe(true);
    await suggested.getByRole('checkbox', { name: 'Sites.Selected (application)' }).check();
    const grant = h.page.getByTestId('site-grant');
    await grant.getByText(new RegExp(`"id": "${idp.s.webApp.clientId}"`)).waitFor();
    await grant.getByRole('button', { name: 'Copy grant request body' }).click();
    await expect
      .poll(() => JSON.parse(host.clipboard.text || '{}').grantedToIdentities?.[0]?.application)
      .toEqual({ id: idp.s.webApp.clientId, displayName: 'Good robot' });
    await h.screenshot('scopes-from-profile');
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('gives focus back to the control that opened each dialog', async () => {
    const back = (name: string) =>
      expect.poll(() => h.page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(name);
    await h.open('#/connections');
    await h.page.getByRole('button', { name: 'Import…' }).click();
    await h.page.getByRole('dialog', { name: 'Import a connection profile' }).waitFor();
    await h.page.keyboard.press('Escape');
    await back('Import…');

    await h.page.getByRole('radio', { name: 'Select Never tested robot' }).check();
    await h.page.getByRole('button', { name: 'Edit: Never tested robot' }).click();
    await h.page.getByRole('button', { name: 'Choose scopes…' }).click();
    await h.page.getByRole('dialog', { name: 'Choose scopes' }).waitFor();
    await h.page.keyboard.press('Escape');
    await back('Choose scopes…');

    await h.page.getByLabel(/^Notes/).fill('unsaved');
    await h.page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Scopes' }).click();
    const leave = h.page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await leave.getByRole('button', { name: 'Stay and keep editing' }).click();
    await back('Scopes');
    await h.page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Scopes' }).click();
    await leave.getByRole('button', { name: 'Leave and discard changes' }).click();
    await h.page.getByRole('heading', { name: 'Scopes', level: 1 }).waitFor();

    await h.open('#/wizard');
    await h.page.getByRole('button', { name: 'Start over' }).click();
    await h.page.getByRole('dialog', { name: 'Start over?' }).getByRole('button', { name: 'Keep going' }).click();
    await back('Start over');
    expect(await h.seriousAxeViolations()).toEqual([]);

    // Certificates: exporting again into the same folder asks before replacing; Cancel gives focus back to the export.
    const folder = mkdtempSync(join(tmpdir(), 'gcw-console-e2e-'));
    await h.open('#/certificates');
    await h.page.getByRole('tab', { name: 'Generate new' }).click();
    await h.page.getByLabel('Subject name (CN)').fill('Focus test');
    await h.page.getByLabel('Key').selectOption('ec-p256');
    await h.page.getByRole('button', { name: 'Generate certificate' }).click();
    await h.page.getByRole('button', { name: 'Generate a strong password' }).click();
    host.dialogs.folderQueue.push(folder);
    await h.page.getByRole('button', { name: 'Choose folder and export…' }).click();
    await h.page.getByText(`Exported 5 files to ${folder}.`).waitFor();
    await h.page.getByRole('button', { name: 'Generate a strong password' }).click();
    host.dialogs.folderQueue.push(folder);
    await h.page.getByRole('button', { name: 'Choose folder and export…' }).click();
    await h.page
      .getByRole('alertdialog', { name: 'Replace the existing files?' })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await back('Choose folder and export…');
  });
});

describe.skipIf(missing !== null)('the console in dark mode', () => {
  it('has no serious accessibility violations in the list, the drawer and the Start page', async () => {
    const host = createTestHost();
    host.ctx.profiles.create({
      auth: 'byo-app',
      name: 'Dark own app',
      clientId: '6b8c1a2e-3f4d-4e5a-9b7c-1d2e3f4a5b6c',
      tenant: 'contoso.onmicrosoft.com',
      domain: 'cloud.example.com',
      secretExpiresAt: new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10),
      secrets: {},
    });
    const h = await startHarness({ host, colorScheme: 'dark' });
    try {
      await h.open('#/connections');
      await h.page.locator('[data-profile="Dark own app"] [data-status]').first().getByText('Incomplete').waitFor();
      expect(await h.seriousAxeViolations()).toEqual([]);
      await h.page.getByRole('button', { name: 'Dark own app: open the connection sheet' }).click();
      await h.page
        .getByRole('dialog', { name: 'Connection sheet: Dark own app' })
        .getByTestId('status-section')
        .locator('[data-fact="expiring"]')
        .waitFor();
      await h.screenshot('console-sheet-dark');
      expect(await h.seriousAxeViolations()).toEqual([]);
      await h.open('#/start');
      await h.page.getByTestId('dashboard-expiries').getByText('Dark own app').waitFor();
      expect(await h.seriousAxeViolations()).toEqual([]);
    } finally {
      await h.close();
      await closeBrowser();
    }
  });
});
