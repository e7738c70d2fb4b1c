// The connection sheet's Graph panel in Chromium against the Entra emulator's Graph directory: the management sign-in
// driven for real (authorize URL from the shell double, the emulator's pages, the loopback answer, PKCE), then
// create → read back and verify → repair → rotate the secret → remove the old one, each previewed as method + URL +
// body and sent only on confirmation, reached by keyboard; axe scans the preview dialog; the record lists the changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID } from '../../src/core/graph-apply/management';
import { addManagementApp, instantRetry } from '../support/graph/management';
import { HttpBrowser, startSigninHarness, type SigninHarness } from '../support/idp';
import { createTestHost, type TestHost } from '../support/test-context';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping end-to-end tests: ${missing}`);

describe.skipIf(missing !== null)('Graph panel in Chromium: create → verify → repair → rotate', () => {
  let idp: SigninHarness;
  let host: TestHost;
  let h: Harness;
  let profileId = '';

  beforeAll(async () => {
    idp = await startSigninHarness();
    addManagementApp(idp.s.tenant);
    host = createTestHost({ signinNetwork: { extraCaPem: idp.pki.caPem, timeoutMs: 10_000 }, graphRetry: instantRetry() });
    profileId = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Graph robot',
      tenant: idp.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: idp.idp.host, graphHost: idp.idp.host },
      scopes: ['User.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
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
  const preview = () => h.page.getByRole('alertdialog');
  /** Press a control the way a keyboard user does: focus it, then Enter. */
  const press = async (name: string | RegExp, within = panel()) => {
    const button = within.getByRole('button', { name });
    await button.focus();
    await button.press('Enter');
  };
  const send = async () => {
    const button = preview().getByRole('button', { name: /^Send th/ });
    await button.focus();
    await button.press('Enter');
    await preview().waitFor({ state: 'hidden' });
  };

  it('signs in for management through the browser, previews the create with every request, creates, and shows the read-back as the Verify page does', async () => {
    await h.open(`#/connections?sheet=${profileId}`);
    await panel().getByRole('heading', { name: 'App registration through Microsoft Graph' }).waitFor();
    expect(await panel().getByRole('radio', { name: /Microsoft Graph Command Line Tools/ }).isChecked()).toBe(true);
    expect(await panel().getByRole('switch', { name: /Also grant admin consent/ }).isChecked()).toBe(true);

    // The management sign-in: the app opens the authorize page in the system browser (the shell double), waits on the loopback.
    await press('Sign in for management');
    await panel().getByTestId('graph-signin-status').getByText(/The sign-in page opened in your browser/).waitFor();
    const url = new URL(host.shell.opened.at(-1) ?? '');
    expect(url.pathname).toBe(`/${idp.s.tenantId}/oauth2/v2.0/authorize`);
    expect(url.searchParams.get('client_id')).toBe(GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(new URL(url.searchParams.get('redirect_uri') ?? '').hostname).toBe('localhost');
    expect(url.searchParams.get('scope')).toContain('Application.ReadWrite.All');
    const browser = new HttpBrowser({ caPem: idp.pki.caPem, user: idp.s.admin });
    await browser.visit(url.href);
    browser.close();
    await panel().getByTestId('graph-signin-status').getByText(`Signed in for management as ${idp.s.admin.upn}`, { exact: false }).waitFor();

    // Preview create: every request as method + URL + body, nothing sent yet; the new secret is never in a body.
    await press('Preview create');
    await preview().waitFor();
    const requests = preview().getByTestId('graph-requests').locator(':scope > li');
    expect(await requests.count()).toBe(6);
    const lines = await requests.evaluateAll((items) => items.map((li) => li.firstElementChild?.textContent ?? ''));
    expect(lines[0]).toBe(`POST https://${idp.idp.host}/v1.0/applications`);
    expect(lines.some((l) => /^POST .*\/addPassword$/.test(l))).toBe(true);
    expect(lines.some((l) => /^POST .*\/servicePrincipals$/.test(l))).toBe(true);
    const firstBody = JSON.parse((await preview().getByRole('region', { name: 'Body of request 1, POST' }).textContent()) ?? '{}') as { displayName?: string; web?: { redirectUris?: string[] } };
    expect(firstBody.displayName).toBe('Graph robot');
    expect(firstBody.web?.redirectUris).toContain('http://localhost');
    expect(idp.idp.graph.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
    await h.screenshot('graph-preview-create');
    expect(await h.seriousAxeViolations()).toEqual([]);
    await send();

    // Earned: “Created” only with the read-back, which is shown as the Verify page shows a manifest.
    const result = panel().getByTestId('graph-result');
    const appId = host.ctx.profiles.get(profileId).profile?.clientId ?? '';
    expect(appId).toMatch(/^[0-9a-f-]{36}$/);
    await result.getByText(`Created the app registration ${appId}`).waitFor();
    await result.getByText(/Read back from Microsoft Graph and verified against the profile: 0 errors/).waitFor();
    await result.getByTestId('graph-new-secret').waitFor();
    const verification = panel().getByTestId('graph-verification');
    await verification.getByRole('heading', { name: `Read back from Microsoft Graph: Graph robot (${appId})` }).waitFor();
    await verification.getByTestId('verdict').getByText(/(^|\D)0 errors, /).waitFor();
    await verification.getByRole('button', { name: 'Copy as Markdown' }).click();
    await verification.getByTestId('verify-status').getByText('Report copied as Markdown.').waitFor();
    expect(JSON.stringify(await h.page.content())).not.toContain(host.ctx.profiles.readSecret(profileId, 'clientSecret'));
  });

  it('repairs what an admin broke in the portal: the diff preview, sent on confirmation, verified again', async () => {
    const appId = host.ctx.profiles.get(profileId).profile?.clientId ?? '';
    const directory = idp.idp.graph.forTenant(idp.s.tenantId)!;
    // Someone moved the redirect URI to “Mobile and desktop” and turned public client flows on.
    directory.update(directory.byAppId(appId)!, { web: { redirectUris: [] }, publicClient: { redirectUris: ['http://localhost'] }, isFallbackPublicClient: true });

    await press('Read back and verify');
    const verification = panel().getByTestId('graph-verification');
    await verification.getByTestId('verdict').getByText(/[1-9]\d* errors, /).waitFor();
    const repair = panel().getByTestId('graph-repair');
    await repair.getByText('redirect.wrong_platform').waitFor();
    await repair.getByText('public_client.enabled_for_confidential').waitFor();

    await press('Preview the repair');
    await preview().waitFor();
    const changes = preview().getByTestId('graph-changes');
    await changes.locator('[data-change="add"]', { hasText: 'http://localhost' }).first().waitFor();
    await changes.locator('[data-change="remove"]', { hasText: 'http://localhost' }).first().waitFor();
    expect(await preview().getByTestId('graph-requests').locator(':scope > li').first().getAttribute('data-method')).toBe('PATCH');
    expect(await h.seriousAxeViolations()).toEqual([]);
    await send();

    await panel().getByTestId('graph-result').getByText('Repaired: no errors left').waitFor();
    await verification.getByTestId('verdict').getByText(/(^|\D)0 errors, /).waitFor();
    await panel().getByTestId('graph-repair').getByText(/Nothing to repair/).waitFor();
    const app = directory.byAppId(appId)!.object;
    expect(app.web?.redirectUris).toEqual(['http://localhost']);
    expect(app.isFallbackPublicClient).not.toBe(true);
  });

  it('rotates the secret: the new one beside the old, tested, then the old one removed on confirmation; the record lists every change', async () => {
    const appId = host.ctx.profiles.get(profileId).profile?.clientId ?? '';
    const directory = idp.idp.graph.forTenant(idp.s.tenantId)!;
    const oldKey = directory.byAppId(appId)!.object.passwordCredentials?.[0]?.keyId ?? '';
    const oldSecret = host.ctx.profiles.readSecret(profileId, 'clientSecret');

    await press('Preview adding a new secret');
    await preview().waitFor();
    expect(await preview().getByTestId('graph-requests').locator(':scope > li').first().textContent()).toMatch(/^POST .*\/addPassword/);
    await send();
    const result = panel().getByTestId('graph-result');
    await result.getByText('New credential added and tested').waitFor();
    await result.getByTestId('graph-rotation-test').getByText(/App-only sign-in with the new secret worked/).waitFor();
    expect(directory.byAppId(appId)!.object.passwordCredentials).toHaveLength(2);
    const newSecret = host.ctx.profiles.readSecret(profileId, 'clientSecret');
    expect(newSecret).not.toBe(oldSecret);

    // The old one is picked for removal (the test passed); the new one cannot be.
    const remove = panel().getByTestId('graph-remove-old');
    const boxes = remove.getByRole('checkbox');
    expect(await boxes.count()).toBe(2);
    await remove.getByRole('checkbox', { name: /the new one, kept/ }).isDisabled();
    await press('Preview removing the picked one', remove);
    await preview().waitFor();
    await preview().getByTestId('graph-changes').locator('[data-change="remove"]', { hasText: oldKey }).waitFor();
    await send();
    await result.getByText('Old credentials removed').waitFor();
    expect(directory.byAppId(appId)!.object.passwordCredentials?.map((p) => p.keyId)).not.toContain(oldKey);
    await panel().getByTestId('graph-remove-old').waitFor({ state: 'detached' });

    // The connection record on the same sheet lists what was changed through Graph, newest first, without a secret.
    const changes = h.page.getByTestId('record-graph-changes');
    await changes.getByText(/Removed old credentials \(rotation\)/).waitFor();
    const items = await changes.locator('li').allTextContents();
    expect(items.map((t) => /(Removed old credentials|Added a new credential|Repaired|Created)/.exec(t)?.[1])).toEqual(['Removed old credentials', 'Added a new credential', 'Repaired', 'Created']);
    const page = await h.page.content();
    for (const secret of [oldSecret, newSecret]) expect(page).not.toContain(secret);
    await h.screenshot('graph-after-rotation');
  });
});
