// The Sign-in tests page in Chromium against the Entra emulator: a delegated sign-in driven through the shell double,
// the result card with claims and the permission comparison, an app-only failure with the catalogue fix and diagnostics.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { lookupAadsts } from '../../src/core/signin/aadsts-catalogue';
import { contract } from '../../src/shared/contract';
import { HttpBrowser, startSigninHarness, type SigninHarness } from '../support/idp';
import { seedEmulatorProfiles } from '../support/signin-profiles';
import { createTestHost, type TestHost } from '../support/test-context';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();

const JWT = /eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}/;

describe.skipIf(missing !== null)('Sign-in tests page in Chromium', () => {
  let idp: SigninHarness;
  let host: TestHost;
  let h: Harness;
  let ids: Awaited<ReturnType<typeof seedEmulatorProfiles>>;
  const wrongSecret = 'Wr0ng~value-of-the-secret-123';
  let wrongId = '';

  beforeAll(async () => {
    idp = await startSigninHarness();
    idp.s.tenant.applicationGrants = { [idp.s.webApp.clientId]: ['Sites.Read.All'] };
    host = createTestHost({ signinNetwork: { extraCaPem: idp.pki.caPem, timeoutMs: 10_000 } });
    ids = await seedEmulatorProfiles(
      host.ctx.profiles,
      { host: idp.idp.host, tenantId: idp.s.tenantId },
      {
        webClientId: idp.s.webApp.clientId,
        secret: idp.s.webApp.secretValue,
        certificate: idp.s.certificate,
        pfxPassword: 'e2e-Pass-1',
        upn: idp.s.user.upn,
      },
    );
    wrongId = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Wrong secret',
      clientId: idp.s.webApp.clientId,
      tenant: idp.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: idp.idp.host, graphHost: idp.idp.host },
      appOnlyPermissions: ['Sites.Read.All'],
      secrets: { clientSecret: wrongSecret },
    }).entry.id;
    // Tall enough that the whole page (its main area scrolls) fits in one screenshot.
    h = await startHarness({ host, viewport: { width: 1280, height: 2400 } });
  });
  beforeEach(async () => {
    await h?.reset();
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
    host?.ctx.signin.close();
    await idp?.close();
  });

  it('runs a delegated sign-in from the profile’s Test action and shows the claims and the scope comparison', async () => {
    await h.open('#/connections');
    await h.page.getByRole('row', { name: /Emulator secret/ }).click();
    await h.page.getByRole('button', { name: 'Test: Emulator secret' }).click();
    await h.page.getByRole('heading', { name: 'Sign-in tests', level: 1 }).waitFor();
    expect(h.page.url()).toContain(`#/signin?profile=${ids.secret}`);
    await h.page.getByTestId('redirect-to-register').getByText('http://localhost', { exact: true }).waitFor();
    expect(await h.page.getByRole('radio', { name: /client secret/ }).isChecked()).toBe(true);

    await h.page.getByRole('button', { name: 'Sign in in the browser' }).click();
    // The shell double received the authorize URL: the page shows where it waits and what to register.
    await h.page.locator('[data-step="browser"]').getByText('Browser opened with the sign-in page').waitFor();
    await h.page.getByText(/must list http:\/\/localhost under “Web”/).waitFor();
    await h.page.getByText('Waiting for you to finish in the browser…').waitFor();
    const url = host.shell.opened.at(-1) ?? '';
    expect(new URL(url).pathname).toBe(`/${idp.s.tenantId}/oauth2/v2.0/authorize`);
    await h.screenshot('signin-progress');
    expect(await h.seriousAxeViolations()).toEqual([]);

    const browser = new HttpBrowser({ caPem: idp.pki.caPem, user: idp.s.user });
    const visit = await browser.visit(url);
    browser.close();
    expect(visit.finalText).toContain('Signed in');

    const card = h.page.getByTestId('signin-result');
    await card.getByRole('heading', { name: `Signed in as ${idp.s.user.upn}` }).waitFor();
    const claims = card.getByTestId('claims-table');
    const scp = (await claims.locator('[data-claim="scp"]').textContent()) ?? '';
    expect(scp).toContain('User.Read');
    expect(scp).toContain('Files.Read.All');
    await claims.locator('[data-claim="tid"]').getByText(idp.s.tenantId).waitFor();
    await claims.locator('[data-claim="appidacr"]').getByText('1 — client secret').waitFor();
    await claims.locator('[data-claim="upn"]').getByText(idp.s.user.upn).waitFor();
    const perms = card.getByTestId('permission-table');
    expect(await perms.locator('[data-status="granted"]').count()).toBe(2);
    expect(await perms.locator('[data-status="missing"]').count()).toBe(0);
    await h.page.getByTestId('signin-history').getByText('Passed', { exact: true }).waitFor();
    await h.page.locator('[data-step="done"]').waitFor();
    await h.screenshot('signin-result');
    expect(await h.seriousAxeViolations()).toEqual([]);

    await h.page.getByRole('button', { name: 'Check connection', exact: true }).click();
    await card.getByRole('heading', { name: `The saved sign-in still works (${idp.s.user.upn})` }).waitFor();

    // Revoked (password reset, admin revoke): the check explains it and offers a new sign-in.
    idp.idp.revokeRefreshTokens(idp.s.user.upn, 'revoked');
    await h.page.getByRole('button', { name: 'Check connection', exact: true }).click();
    const failure = h.page.getByTestId('signin-failure');
    await failure
      .getByRole('heading', { name: 'Check connection failed: the saved sign-in expired or was revoked' })
      .waitFor();
    await failure.getByText('AADSTS50173 — FreshTokenNeeded').waitFor();
    expect(await failure.getByTestId('failure-fix').textContent()).toBe(lookupAadsts(50173)?.fix);
    await failure.getByRole('button', { name: 'Sign in again' }).click();
    await h.page.locator('[data-step="browser"]').waitFor();
    const again = new HttpBrowser({ caPem: idp.pki.caPem, user: idp.s.user });
    await again.visit(host.shell.opened.at(-1) ?? '');
    again.close();
    await card.getByRole('heading', { name: `Signed in as ${idp.s.user.upn}` }).waitFor();
  });

  it('an app-only failure shows the AADSTS code, Microsoft’s message, the catalogue fix, the IDs and copies redacted diagnostics', async () => {
    await h.open(`#/signin?profile=${wrongId}`);
    await h.page.getByRole('heading', { name: 'Wrong secret' }).waitFor();
    await h.page.getByRole('button', { name: 'App-only test with the client secret' }).click();
    const failure = h.page.getByTestId('signin-failure');
    await failure
      .getByRole('heading', { name: 'App-only test failed: the client secret or certificate was refused' })
      .waitFor();
    // The result takes focus (a screen reader reads its heading) and the code is in the details, not the title.
    await expect.poll(() => h.page.evaluate(() => document.activeElement?.id)).toBe('signin-failure-title');
    await failure.getByText('AADSTS7000215 — InvalidClientSecret').waitFor();
    expect(await failure.getByTestId('failure-fix').textContent()).toBe(lookupAadsts(7000215)?.fix);
    await failure.getByText(/AADSTS7000215: Invalid client secret provided/).waitFor();
    await failure.getByText('Trace ID').waitFor();
    await failure.getByText('Correlation ID').waitFor();
    await failure.getByRole('button', { name: 'Copy diagnostics' }).click();
    await failure.getByText('Diagnostics copied to the clipboard (secrets and tokens masked).').waitFor();
    expect(host.clipboard.text).toContain('AADSTS7000215 (InvalidClientSecret)');
    expect(host.clipboard.text).not.toContain(wrongSecret);
    await h.page.getByTestId('signin-history').getByText('AADSTS7000215', { exact: true }).waitFor();
    await h.screenshot('signin-failure');
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('Cancel stops a sign-in nobody finishes, and the history says so', async () => {
    await h.open(`#/signin?profile=${ids.byo}`);
    await h.page.getByRole('heading', { name: 'Emulator own app' }).waitFor();
    await h.page.getByRole('button', { name: 'Sign in in the browser' }).click();
    await h.page.locator('[data-step="browser"]').getByText('Browser opened with the sign-in page').waitFor();
    await h.page.getByRole('button', { name: 'Cancel the test' }).click();
    await h.page
      .getByTestId('signin-failure')
      .getByRole('heading', { name: 'Delegated sign-in failed: it was cancelled' })
      .waitFor();
    await h.page.getByTestId('signin-history').getByText('Cancelled', { exact: true }).waitFor();
  });

  it('Test settings offer the OS certificate store and say truly where NODE_EXTRA_CA_CERTS counts', async () => {
    await h.open('#/signin');
    const settings = h.page.getByRole('region', { name: 'Test settings' });
    await settings.waitFor();
    const text = (await settings.innerText()).replace(/\s+/g, ' ');
    // The installed app never sees NODE_EXTRA_CA_CERTS: Electron's nodeOptions fuse removes it at start-up.
    expect(text).not.toMatch(/NODE_EXTRA_CA_CERTS is honoured too/);
    expect(text).toContain('The installed app ignores NODE_EXTRA_CA_CERTS');
    expect(text).toMatch(/\(\d+ in the store now\)/);
    const toggle = settings.getByRole('switch', { name: 'Not trusted' });
    await toggle.click();
    await settings.getByText('The operating system’s certificate store is trusted.').waitFor();
    expect(await settings.getByRole('switch', { name: 'Trusted' }).isChecked()).toBe(true);
    expect(host.ctx.signin.preferences().useSystemCa).toBe(true);
    await settings.getByRole('switch', { name: 'Trusted' }).click();
    await settings.getByText('The operating system’s certificate store is no longer trusted.').waitFor();
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('no result delivered to the renderer carries an access or refresh token', () => {
    const calls = h.calls.filter((c) => c.method.startsWith('signin.'));
    expect(calls.map((c) => c.method)).toEqual(
      expect.arrayContaining([
        'signin.interactive',
        'signin.checkConnection',
        'signin.appOnly',
        'signin.copyDiagnostics',
      ]),
    );
    const leaking = h.calls
      .filter((c) => !contract[c.method as keyof typeof contract]?.revealsSecret)
      .filter((c) => JWT.test(JSON.stringify(c.result)));
    expect(leaking.map((c) => c.method)).toEqual([]);
    expect(JSON.stringify(host.events)).not.toMatch(JWT);
    const refreshTokens = host.ctx.secrets.has(`profile/${ids.secret}/tokenCache`)
      ? Object.values(
          (
            JSON.parse(host.ctx.secrets.get(`profile/${ids.secret}/tokenCache`)) as {
              RefreshToken: Record<string, { secret: string }>;
            }
          ).RefreshToken,
        ).map((t) => t.secret)
      : [];
    expect(refreshTokens.length).toBeGreaterThan(0);
    const everything = JSON.stringify(h.calls);
    for (const rt of refreshTokens) expect(everything).not.toContain(rt);
  });
});
