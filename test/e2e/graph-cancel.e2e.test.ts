// The Graph panel's management sign-in in Chromium when the admin closed the browser tab: nobody answers the loopback,
// so the admin presses Cancel sign-in (by keyboard); the panel says the sign-in was cancelled, main's listener is
// closed, and Sign in again starts a new sign-in that completes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addManagementApp, instantRetry } from '../support/graph/management';
import { HttpBrowser, portIsFree, startSigninHarness, type SigninHarness } from '../support/idp';
import { createTestHost, type TestHost } from '../support/test-context';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping end-to-end tests: ${missing}`);

describe.skipIf(missing !== null)('Graph panel in Chromium: cancel the management sign-in', () => {
  let idp: SigninHarness;
  let host: TestHost;
  let h: Harness;
  let profileId = '';

  beforeAll(async () => {
    idp = await startSigninHarness();
    addManagementApp(idp.s.tenant);
    host = createTestHost({
      signinNetwork: { extraCaPem: idp.pki.caPem, timeoutMs: 10_000 },
      graphRetry: instantRetry(),
    });
    profileId = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Cancel robot',
      tenant: idp.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: idp.idp.host, graphHost: idp.idp.host },
      scopes: ['User.Read'],
    }).entry.id;
    h = await startHarness({ host, viewport: { width: 1280, height: 1000 } });
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
    await host?.ctx.dispose();
    await idp?.close();
  });

  const panel = () => h.page.getByTestId('graph-panel');
  const status = () => panel().getByTestId('graph-signin-status');
  const press = async (name: string | RegExp) => {
    const button = panel().getByRole('button', { name });
    await button.focus();
    await button.press('Enter');
  };

  it('Cancel sign-in while waiting for the browser: the panel says it was cancelled, the loopback port is free, Sign in again works', async () => {
    await h.open(`#/connections?sheet=${profileId}`);
    await panel().getByRole('heading', { name: 'App registration through Microsoft Graph' }).waitFor();
    const before = host.shell.opened.length;
    await press('Sign in for management');
    await status()
      .getByText(/Opening the sign-in page in your browser/)
      .waitFor();
    // Main opened the system browser (the shell double); the admin closes that tab, so nobody answers the loopback.
    await expect.poll(() => host.shell.opened.length).toBeGreaterThan(before);
    const redirect = new URL(new URL(host.shell.opened.at(-1) ?? '').searchParams.get('redirect_uri') ?? '');
    expect(await portIsFree(Number(redirect.port))).toBe(false);

    await press('Cancel sign-in');
    await status()
      .getByText(/The management sign-in was cancelled/)
      .waitFor();
    expect(await panel().getByRole('button', { name: 'Cancel sign-in' }).count()).toBe(0);
    expect(await panel().getByRole('alert').count()).toBe(0);
    expect(await portIsFree(Number(redirect.port))).toBe(true);

    // Sign in again: a new sign-in that the admin completes this time.
    const again = host.shell.opened.length;
    await press('Sign in again');
    await expect.poll(() => host.shell.opened.length).toBeGreaterThan(again);
    const browser = new HttpBrowser({ caPem: idp.pki.caPem, user: idp.s.admin });
    await browser.visit(host.shell.opened.at(-1) ?? '');
    browser.close();
    await status().getByText(`Signed in for management as ${idp.s.admin.upn}`, { exact: false }).waitFor();
    expect(
      await status()
        .getByText(/was cancelled/)
        .count(),
    ).toBe(0);
  });
});
