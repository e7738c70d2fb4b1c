// The connection sheet's Graph panel in Chromium against the Entra emulator's Graph directory: the management sign-in
// driven for real (authorize URL from the shell double, the emulator's pages, the loopback answer, PKCE), then
// create → read back and verify → repair → rotate the secret → remove the old one, each previewed as method + URL +
// body and sent only on confirmation, reached by keyboard; axe scans the preview dialog; the record lists the changes.
// Then a certificate rotated while Entra has not accepted the new one yet (retest, then remove the old), and a create
// that stops part-way (an Application Administrator may not grant consent): what exists, how to finish, how to undo.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID, scopesFor } from '../../src/core/graph-apply/management';
import { addManagementApp, instantRetry } from '../support/graph/management';
import { HttpBrowser, startSigninHarness, type SigninHarness } from '../support/idp';
import { pfxOf } from '../support/signin-profiles';
import { wizardInputSchema } from '../../src/shared/wizard-schema';
import { createTestHost, type TestHost } from '../support/test-context';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();
if (missing) console.warn(`Skipping end-to-end tests: ${missing}`);

describe.skipIf(missing !== null)('Graph panel in Chromium: create → verify → repair → rotate', () => {
  let idp: SigninHarness;
  let host: TestHost;
  let h: Harness;
  let profileId = '';
  const appAdmin = () => ({
    upn: `appadmin@${idp.s.domain}`,
    username: `appadmin@${idp.s.domain}`,
    password: 'App-Admin-3',
  });

  beforeAll(async () => {
    idp = await startSigninHarness();
    addManagementApp(idp.s.tenant);
    idp.s.tenant.users?.push({
      upn: appAdmin().upn,
      password: appAdmin().password,
      displayName: 'App Admin',
      directoryRoles: ['Application Administrator'],
    });
    // An administrator consented to the management app for the organization once, so other accounts can sign in with it.
    idp.s.tenant.delegatedGrants = {
      ...idp.s.tenant.delegatedGrants,
      [GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID]: scopesFor('create', { consent: true }),
    };
    host = createTestHost({
      signinNetwork: { extraCaPem: idp.pki.caPem, timeoutMs: 10_000 },
      graphRetry: instantRetry(),
    });
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
  /** Sign in for management as `user`, playing the system browser on the authorize URL the app opened. */
  const signInAs = async (user: { upn: string; username: string; password: string }) => {
    const before = host.shell.opened.length;
    await press('Sign in for management');
    await panel()
      .getByTestId('graph-signin-status')
      .getByText(/Opening the sign-in page in your browser/)
      .waitFor();
    // The page says so at once; main opens the system browser (the shell double) a moment later.
    await expect.poll(() => host.shell.opened.length).toBeGreaterThan(before);
    const browser = new HttpBrowser({ caPem: idp.pki.caPem, user });
    await browser.visit(host.shell.opened.at(-1) ?? '');
    browser.close();
    await panel()
      .getByTestId('graph-signin-status')
      .getByText(`Signed in for management as ${user.upn}`, { exact: false })
      .waitFor();
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
    expect(
      await panel()
        .getByRole('radio', { name: /Microsoft Graph Command Line Tools/ })
        .isChecked(),
    ).toBe(true);
    expect(
      await panel()
        .getByRole('switch', { name: /Also grant admin consent/ })
        .isChecked(),
    ).toBe(true);

    // The management sign-in: the app opens the authorize page in the system browser (the shell double), waits on the loopback.
    await press('Sign in for management');
    await panel()
      .getByTestId('graph-signin-status')
      .getByText(/Opening the sign-in page in your browser/)
      .waitFor();
    await expect.poll(() => host.shell.opened.length).toBe(1);
    const url = new URL(host.shell.opened.at(-1) ?? '');
    expect(url.pathname).toBe(`/${idp.s.tenantId}/oauth2/v2.0/authorize`);
    expect(url.searchParams.get('client_id')).toBe(GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(new URL(url.searchParams.get('redirect_uri') ?? '').hostname).toBe('localhost');
    expect(url.searchParams.get('scope')).toContain('Application.ReadWrite.All');
    const browser = new HttpBrowser({ caPem: idp.pki.caPem, user: idp.s.admin });
    await browser.visit(url.href);
    browser.close();
    await panel()
      .getByTestId('graph-signin-status')
      .getByText(`Signed in for management as ${idp.s.admin.upn}`, { exact: false })
      .waitFor();

    // Preview create: every request as method + URL + body, nothing sent yet; the new secret is never in a body.
    await press('Preview create');
    await preview().waitFor();
    const requests = preview().getByTestId('graph-requests').locator(':scope > li');
    expect(await requests.count()).toBe(6);
    const lines = await requests.evaluateAll((items) => items.map((li) => li.firstElementChild?.textContent ?? ''));
    expect(lines[0]).toBe(`POST https://${idp.idp.host}/v1.0/applications`);
    expect(lines.some((l) => /^POST .*\/addPassword$/.test(l))).toBe(true);
    expect(lines.some((l) => /^POST .*\/servicePrincipals$/.test(l))).toBe(true);
    const firstBody = JSON.parse(
      (await preview().getByRole('region', { name: 'Body of request 1, POST' }).textContent()) ?? '{}',
    ) as { displayName?: string; web?: { redirectUris?: string[] } };
    expect(firstBody.displayName).toBe('Graph robot');
    expect(firstBody.web?.redirectUris).toContain('http://localhost');
    expect(idp.idp.graph.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
    await h.screenshot('graph-preview-create');
    expect(await h.seriousAxeViolations()).toEqual([]);

    // By keyboard: Tab walks the dialog to its buttons; Cancel sends nothing and gives focus back to “Preview create”.
    const cancel = preview().getByRole('button', { name: 'Cancel (send nothing)' });
    const focused = (l: typeof cancel) => l.evaluate((el) => el === document.activeElement);
    for (let i = 0; i < 30 && !(await focused(cancel)); i++) await h.page.keyboard.press('Tab');
    expect(await focused(cancel)).toBe(true);
    await h.page.keyboard.press('Enter');
    await preview().waitFor({ state: 'hidden' });
    await expect.poll(() => focused(panel().getByRole('button', { name: 'Preview create' }))).toBe(true);
    expect(idp.idp.graph.requests.filter((r) => r.method !== 'GET')).toHaveLength(0);
    expect(host.ctx.profiles.get(profileId).profile?.clientId).toBe('');
    await h.page.keyboard.press('Enter');
    await preview().waitFor();
    await send();

    // Earned: “Created” only with the read-back, which is shown as the Verify page shows a manifest.
    const result = panel().getByTestId('graph-result');
    const appId = host.ctx.profiles.get(profileId).profile?.clientId ?? '';
    expect(appId).toMatch(/^[0-9a-f-]{36}$/);
    await result.getByText(`Created the app registration ${appId}`).waitFor();
    await result.getByText(/Read back from Microsoft Graph and verified against the profile: 0 errors/).waitFor();
    await result.getByTestId('graph-new-secret').waitFor();
    const verification = panel().getByTestId('graph-verification');
    await verification
      .getByRole('heading', { name: `Read back from Microsoft Graph: Graph robot (${appId})` })
      .waitFor();
    await verification
      .getByTestId('verdict')
      .getByText(/(^|\D)0 errors, /)
      .waitFor();
    await verification.getByRole('button', { name: 'Copy as Markdown' }).click();
    await verification.getByTestId('verify-status').getByText('Report copied as Markdown.').waitFor();
    expect(JSON.stringify(await h.page.content())).not.toContain(
      host.ctx.profiles.readSecret(profileId, 'clientSecret'),
    );
  });

  it('repairs what an admin broke in the portal: the diff preview, sent on confirmation, verified again', async () => {
    const appId = host.ctx.profiles.get(profileId).profile?.clientId ?? '';
    const directory = idp.idp.graph.forTenant(idp.s.tenantId)!;
    // Someone moved the redirect URI to “Mobile and desktop” and turned public client flows on.
    directory.update(directory.byAppId(appId)!, {
      web: { redirectUris: [] },
      publicClient: { redirectUris: ['http://localhost'] },
      isFallbackPublicClient: true,
    });

    await press('Read back and verify');
    const verification = panel().getByTestId('graph-verification');
    await verification
      .getByTestId('verdict')
      .getByText(/[1-9]\d* errors, /)
      .waitFor();
    const repair = panel().getByTestId('graph-repair');
    await repair.getByText('redirect.wrong_platform').waitFor();
    await repair.getByText('public_client.enabled_for_confidential').waitFor();

    await press('Preview the repair');
    await preview().waitFor();
    const changes = preview().getByTestId('graph-changes');
    await changes.locator('[data-change="add"]', { hasText: 'http://localhost' }).first().waitFor();
    await changes.locator('[data-change="remove"]', { hasText: 'http://localhost' }).first().waitFor();
    expect(
      await preview().getByTestId('graph-requests').locator(':scope > li').first().getAttribute('data-method'),
    ).toBe('PATCH');
    expect(await h.seriousAxeViolations()).toEqual([]);
    await send();

    await panel().getByTestId('graph-result').getByText('Repaired: no errors left').waitFor();
    await verification
      .getByTestId('verdict')
      .getByText(/(^|\D)0 errors, /)
      .waitFor();
    await panel()
      .getByTestId('graph-repair')
      .getByText(/Nothing to repair/)
      .waitFor();
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
    expect(await preview().getByTestId('graph-requests').locator(':scope > li').first().textContent()).toMatch(
      /^POST .*\/addPassword/,
    );
    await send();
    const result = panel().getByTestId('graph-result');
    await result.getByText('New credential added and tested').waitFor();
    await result
      .getByTestId('graph-rotation-test')
      .getByText(/App-only sign-in with the new secret worked/)
      .waitFor();
    expect(directory.byAppId(appId)!.object.passwordCredentials).toHaveLength(2);
    const newSecret = host.ctx.profiles.readSecret(profileId, 'clientSecret');
    expect(newSecret).not.toBe(oldSecret);

    // The old one is picked for removal (the test passed); the new one cannot be.
    const remove = panel().getByTestId('graph-remove-old');
    const boxes = remove.getByRole('checkbox');
    expect(await boxes.count()).toBe(2);
    expect(await remove.getByRole('checkbox', { name: /the new one, kept/ }).isDisabled()).toBe(true);
    expect(await remove.getByRole('checkbox', { name: /the new one, kept/ }).isChecked()).toBe(false);
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
    expect(items.map((t) => /(Removed old credentials|Added a new credential|Repaired|Created)/.exec(t)?.[1])).toEqual([
      'Removed old credentials',
      'Added a new credential',
      'Repaired',
      'Created',
    ]);
    const page = await h.page.content();
    for (const secret of [oldSecret, newSecret]) expect(page).not.toContain(secret);
    await h.screenshot('graph-after-rotation');
  });

  it('rotates a certificate Entra has not accepted yet: the failed test keeps the old one, a retest passes, then the old one is removed', async () => {
    const first = idp.pki.createAppCertificate({ commonName: 'Robot 2026' });
    const second = idp.pki.createAppCertificate({ commonName: 'Robot 2027' });
    const id = host.ctx.profiles.create({
      auth: 'certificate',
      name: 'Certificate robot',
      tenant: idp.s.tenantId,
      upn: idp.s.user.upn,
      environment: 'custom',
      customHosts: { loginHost: idp.idp.host, graphHost: idp.idp.host },
      scopes: ['User.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
      secrets: { pfx: (await pfxOf(first, 'pw-first')).toString('base64'), pfxPassword: 'pw-first' },
    }).entry.id;
    await h.open(`#/connections?sheet=${id}`);
    await signInAs(idp.s.admin);
    expect(
      await panel()
        .getByRole('radio', { name: /Register the profile’s certificate/ })
        .isChecked(),
    ).toBe(true);
    await press('Preview create');
    await preview()
      .getByText(/"type": "AsymmetricX509Cert"/)
      .waitFor();
    await send();
    await panel()
      .getByTestId('graph-result')
      .getByText(/^Created the app registration /)
      .waitFor();

    // The new PFX, chosen with the file chooser and unlocked with its password, as on the Certificates page.
    const file = join(mkdtempSync(join(tmpdir(), 'gcw-e2e-graph-')), 'robot-2027.pfx');
    writeFileSync(file, await pfxOf(second, 'pw-second'));
    const rotate = panel().getByTestId('graph-rotate');
    // The password first, so the file opens at once (no locked state to race with).
    await rotate.getByLabel('PFX password', { exact: true }).fill('pw-second');
    const [chooser] = await Promise.all([
      h.page.waitForEvent('filechooser'),
      rotate.getByRole('button', { name: 'Choose file…' }).click(),
    ]);
    await chooser.setFiles(file);
    await rotate.getByText(/New certificate: CN=Robot 2027/).waitFor();
    await press('Preview adding the new certificate', rotate);
    await preview().getByTestId('graph-requests').locator('[data-method="PATCH"]').waitFor();
    const directory = idp.idp.graph.forTenant(idp.s.tenantId)!;
    directory.credentialLag = true;
    await send();

    const result = panel().getByTestId('graph-result');
    await result.getByText('New credential added, but its sign-in test did not pass').waitFor();
    await result
      .locator('[data-testid="graph-rotation-test"][data-ok="false"]')
      .getByText(/The sign-in test with the new certificate failed/)
      .waitFor();
    await result.getByText(/The old certificate is still registered on the app/).waitFor();
    const remove = panel().getByTestId('graph-remove-old');
    await remove.getByText(/has not passed: keep the old one until it does/).waitFor();
    expect(await remove.getByRole('button', { name: /Preview removing/ }).isDisabled()).toBe(true);

    directory.replicate();
    await press('Run the sign-in test again');
    await panel()
      .getByTestId('graph-busy')
      .getByText(/The sign-in test with the new certificate passed/)
      .waitFor();
    await press('Preview removing the picked one', remove);
    await preview().getByTestId('graph-changes').locator('[data-change="remove"]', { hasText: 'Robot 2026' }).waitFor();
    await send();
    await result.getByText('Old credentials removed').waitFor();
    const appId = host.ctx.profiles.get(id).profile?.clientId ?? '';
    expect(directory.byAppId(appId)!.object.keyCredentials?.map((k) => k.displayName)).toEqual([
      expect.stringContaining('Robot 2027'),
    ]);
  });

  it('a create that stops part-way says what exists now, how to finish and how to undo; the record says it stopped', async () => {
    const id = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Partial robot',
      tenant: idp.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: idp.idp.host, graphHost: idp.idp.host },
      scopes: ['User.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
    }).entry.id;
    await h.open(`#/connections?sheet=${id}`);
    // An Application Administrator may create apps but not grant application permissions.
    await signInAs(appAdmin());
    await press('Preview create');
    await preview().waitFor();
    await send();

    const result = panel().getByTestId('graph-result');
    await result.getByText('Stopped part-way: not everything was done').waitFor();
    const failure = result.getByTestId('graph-partial-failure');
    await failure.getByText(/^Failed at POST .*\/appRoleAssignedTo \(403 Authorization_RequestDenied\)/).waitFor();
    await failure.getByText('Created before it stopped (these exist in the tenant now):').waitFor();
    await failure.getByText(/^To finish: .*Grant admin consent/).waitFor();
    await failure.getByText('To undo instead:').waitFor();
    const appId = host.ctx.profiles.get(id).profile?.clientId ?? '';
    expect(appId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await failure.locator('li').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/DELETE .*\/applications\//)]),
    );
    expect(await result.getByText(/^Created the app registration/).count()).toBe(0);
    // The panel goes on with the app that now exists: read back, repair and rotate are offered.
    await panel().getByRole('button', { name: 'Read back and verify' }).waitFor();
    await h.page
      .getByTestId('record-graph-changes')
      .getByText(/Creating the app registration stopped part-way/)
      .waitFor();
  });

  it('the wizard’s register step creates the app through Graph on the saved profile, and its Client ID field takes the new app’s ID', async () => {
    const draft = {
      name: 'Wizard robot',
      tenant: idp.s.tenantId,
      environment: 'custom' as const,
      loginHost: idp.idp.host,
      graphHost: idp.idp.host,
      scopes: 'User.Read',
      appOnlyPermissions: 'Sites.Read.All',
    };
    const id = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: draft.name,
      tenant: draft.tenant,
      environment: 'custom',
      customHosts: { loginHost: idp.idp.host, graphHost: idp.idp.host },
      scopes: ['User.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
    }).entry.id;
    host.ctx.wizard.saveInput(
      wizardInputSchema.parse({ step: 'register', done: ['decide'], auth: 'client-credentials', draft, profileId: id }),
    );
    await h.open('#/wizard');
    await h.page.getByRole('list', { name: 'App registration checklist' }).waitFor();
    await signInAs(idp.s.admin);
    await press('Preview create');
    await preview().waitFor();
    await send();
    await panel()
      .getByTestId('graph-result')
      .getByText(/^Created the app registration /)
      .waitFor();
    const appId = host.ctx.profiles.get(id).profile?.clientId ?? '';
    expect(appId).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => h.page.getByRole('textbox', { name: /^Client ID/ }).inputValue()).toBe(appId);
    await expect.poll(() => host.ctx.wizard.get().state.draft.clientId).toBe(appId);
  });
});
