// The browser step in real headless Chromium (Debian's /usr/bin/chromium via playwright-core), one test per flow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminConsent } from '../../../src/core/signin/admin-consent';
import { signInInteractive } from '../../../src/core/signin/interactive-signin';
import { SigninNetworkClient } from '../../../src/core/signin/network-client';
import { signInPublicClient } from '../../../src/core/signin/public-client-signin';
import { checkConnection } from '../../../src/core/signin/refresh-health';
import { createCachePlugin, memoryCachePersistence } from '../../../src/core/signin/token-cache';
import {
  launchChromium,
  oidcClients,
  startOidcProvider,
  startSigninHarness,
  type ChromiumBrowser,
  type OidcTestProvider,
  type SigninHarness,
} from '../../support/idp';
import { skipWithout } from '../../support/reference-tools';

const skip = skipWithout('chromium', 'the sign-in flows in a real browser');

describe.skipIf(skip !== null)('sign-in flows in headless Chromium', () => {
  let h: SigninHarness;
  let op: OidcTestProvider;
  let browser: ChromiumBrowser;
  // One Chromium for the file; each flow gets its own tab and its own user.
  const chromium = async (options: Parameters<ChromiumBrowser['as']>[0]) => browser.as(options);

  beforeAll(async () => {
    h = await startSigninHarness();
    op = await startOidcProvider({ pki: h.pki });
    browser = await launchChromium({});
  });
  afterAll(async () => {
    await browser?.close();
    await op.close();
    await h.close();
  });

  it('interactive sign-in (confidential, form_post) fills the login and consent pages; check connection refreshes it', async () => {
    const tab = await chromium({ user: h.s.user });
    const persistence = memoryCachePersistence();
    const result = await signInInteractive({
      ...h.endpoint(h.s.webApp.clientId),
      credential: { kind: 'secret', secret: h.s.webApp.secretValue },
      openBrowser: tab.open,
      requiredPermissions: ['User.Read', 'Files.Read.All'],
      loginHint: h.s.user.upn,
      cachePlugin: createCachePlugin(persistence),
      timeoutMs: 30_000,
    });
    expect(result.account?.username).toBe(h.s.user.upn);
    const visit = await tab.last();
    expect(visit.error).toBeUndefined();
    expect(visit.finalUrl).toMatch(/^http:\/\/localhost:\d+\/$/);
    expect(visit.finalText).toContain('Signed in');
    const health = await checkConnection({
      ...h.endpoint(h.s.webApp.clientId),
      credential: { kind: 'secret', secret: h.s.webApp.secretValue },
      persistence,
      requiredPermissions: ['User.Read', 'Files.Read.All'],
    });
    expect(health.permissions.missing).toEqual([]);
  });

  it('public client (the Workbench’s listener) completes in Chromium', async () => {
    const tab = await chromium({ user: h.s.user });
    const result = await signInPublicClient({
      ...h.endpoint(h.s.publicApp.clientId),
      openBrowser: tab.open,
      requiredPermissions: ['Files.Read.All'],
      timeoutMs: 30_000,
    });
    expect(result.claims?.credentialUsed).toBe('none (public client)');
    expect((await tab.last()).finalText).toContain('Signed in');
  });

  it('admin consent (v2) is granted by an admin in Chromium and verified with an app-only token', async () => {
    const tab = await chromium({ user: h.s.admin });
    const result = await runAdminConsent({
      ...h.endpoint(h.s.webApp.clientId),
      openBrowser: tab.open,
      timeoutMs: 30_000,
      verify: {
        credential: { kind: 'secret', secret: h.s.webApp.secretValue },
        requiredPermissions: ['Sites.Read.All'],
      },
    });
    expect(result.consented).toBe(true);
    expect(result.verification?.permissions.missing).toEqual([]);
    expect((await tab.last()).finalText).toContain('Admin consent finished');
  });

  it('a declined consent shows the failure page in Chromium', async () => {
    const upn = `chromium-decliner@${h.s.domain}`;
    h.s.tenant.users?.push({ upn, password: 'Decline-Pass-4' });
    const tab = await chromium({ user: { username: upn, password: 'Decline-Pass-4' }, consent: 'decline' });
    const err = await signInInteractive({
      ...h.endpoint(h.s.webApp.clientId),
      credential: { kind: 'secret', secret: h.s.webApp.secretValue },
      openBrowser: tab.open,
      requiredPermissions: ['Files.ReadWrite'],
      timeoutMs: 30_000,
    }).catch((e: unknown) => e);
    expect((err as { code?: string }).code).toBe('aadsts.65004');
    expect((await tab.last()).finalText).toContain('Sign-in did not finish');
  });

  it('oidc-provider: public client through our listener with PKCE + form_post', async () => {
    const tab = await chromium({});
    const result = await signInInteractive({
      loginHost: op.host,
      graphHost: op.host,
      tenant: op.tenant,
      clientId: oidcClients.publicClient,
      protocol: 'oidc',
      networkClient: new SigninNetworkClient({ extraCaPem: op.caPem }),
      credential: { kind: 'none' },
      openBrowser: tab.open,
      scopes: ['openid', 'offline_access', 'Files.Read'],
      prompt: 'consent',
      loginHint: 'ada@tenant1.test',
      timeoutMs: 30_000,
    });
    expect(result.account?.username).toBe('ada@tenant1.test');
  });
});
