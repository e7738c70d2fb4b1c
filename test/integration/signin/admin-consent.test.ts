import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminConsentLinkForAdmin,
  buildAdminConsentUrl,
  runAdminConsent,
} from '../../../src/core/signin/admin-consent';
import { signInHostsFor } from '../../../src/core/signin/endpoints';
import { httpSend, startSigninHarness, type SigninHarness } from '../../support/idp';
import { failure } from '../../support/idp/expect-failure';

let h: SigninHarness;
beforeAll(async () => {
  h = await startSigninHarness();
});
afterAll(async () => h.close());

const secret = () => ({ kind: 'secret' as const, secret: h.s.webApp.secretValue });

describe('admin consent URLs', () => {
  it('builds v2 and v1 addresses for each cloud', () => {
    const gov = signInHostsFor('usgov-l5');
    const v2 = new URL(
      buildAdminConsentUrl({
        ...gov,
        tenant: 'contoso.onmicrosoft.us',
        clientId: 'abc',
        redirectUri: 'http://localhost',
        state: 's1',
      }),
    );
    expect(v2.origin + v2.pathname).toBe('https://login.microsoftonline.us/contoso.onmicrosoft.us/v2.0/adminconsent');
    expect(Object.fromEntries(v2.searchParams)).toEqual({
      client_id: 'abc',
      scope: 'https://dod-graph.microsoft.us/.default',
      redirect_uri: 'http://localhost',
      state: 's1',
    });
    const v1 = new URL(
      buildAdminConsentUrl({
        ...signInHostsFor('china'),
        tenant: 'contoso.partner.onmschina.cn',
        clientId: 'abc',
        redirectUri: 'http://localhost/consent',
        version: 'v1',
      }),
    );
    expect(v1.origin + v1.pathname).toBe('https://login.chinacloudapi.cn/contoso.partner.onmschina.cn/adminconsent');
    expect(v1.searchParams.has('scope')).toBe(false);
    expect(v1.searchParams.has('state')).toBe(false);
  });

  it('gives a bare link to send to a Global Administrator, and refuses "common" for v2', () => {
    const link = adminConsentLinkForAdmin({ ...signInHostsFor('office365'), tenant: 'organizations', clientId: 'abc' });
    expect(link).toBe(
      'https://login.microsoftonline.com/organizations/v2.0/adminconsent?client_id=abc&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&redirect_uri=http%3A%2F%2Flocalhost',
    );
    expect(() =>
      adminConsentLinkForAdmin({ ...signInHostsFor('office365'), tenant: 'common', clientId: 'abc' }),
    ).toThrow(expect.objectContaining({ code: 'signin.tenant_required' }));
    expect(
      adminConsentLinkForAdmin({ ...signInHostsFor('office365'), tenant: 'common', clientId: 'abc', version: 'v1' }),
    ).toContain('/common/adminconsent?');
  });
});

describe('admin consent flow', () => {
  it('v2: the admin accepts, the loopback catches admin_consent=True, the app-only token now has the roles', async () => {
    const before = await testRoles();
    expect(before).toEqual([]);
    const browser = h.browser({ user: h.s.admin });
    const result = await runAdminConsent({
      ...h.endpoint(h.s.webApp.clientId),
      openBrowser: browser.open,
      verify: { credential: secret(), requiredPermissions: ['Sites.Read.All', 'Files.Read.All'] },
    });
    expect(result).toMatchObject({ consented: true, tenantReported: h.s.tenantId, verificationNote: null });
    expect(result.verification?.permissions.missing).toEqual([]);
    expect(result.verification?.claims?.roles.sort()).toEqual(['Files.Read.All', 'Sites.Read.All']);
    expect((await browser.last()).finalText).toContain('Admin consent finished');
  });

  it('v1 works too, on a redirect path', async () => {
    const result = await runAdminConsent({
      ...h.endpoint(h.s.webApp.clientId),
      version: 'v1',
      redirectPath: '/callback',
      openBrowser: h.browser({ user: h.s.admin }).open,
    });
    expect(result.consented).toBe(true);
    expect(result.verification).toBeNull();
  });

  it('v2 declined → aadsts.65004 even though Entra also sends admin_consent=True', async () => {
    const err = await failure(
      runAdminConsent({
        ...h.endpoint(h.s.webApp.clientId),
        openBrowser: h.browser({ user: h.s.admin, consent: 'decline' }).open,
      }),
    );
    expect(err.code).toBe('aadsts.65004');
  });

  it('v1 declined → signin.consent_declined', async () => {
    const err = await failure(
      runAdminConsent({
        ...h.endpoint(h.s.webApp.clientId),
        version: 'v1',
        openBrowser: h.browser({ user: h.s.admin, consent: 'decline' }).open,
      }),
    );
    expect(err.code).toBe('signin.consent_declined');
    expect(err.details?.error).toBe('permission_denied');
  });

  it('a user who is not an admin cannot consent (page says AADSTS90094; the flow reports the refusal)', async () => {
    const browser = h.browser();
    const err = await failure(runAdminConsent({ ...h.endpoint(h.s.webApp.clientId), openBrowser: browser.open }));
    expect(err.code).toBe('aadsts.65004');
  });

  it('consented under "organizations": no verification, with the reason', async () => {
    const result = await runAdminConsent({
      ...h.endpoint(h.s.webApp.clientId),
      tenant: 'organizations',
      openBrowser: h.browser({ user: h.s.admin }).open,
      verify: { credential: secret() },
    });
    expect(result.consented).toBe(true);
    expect(result.verification).toBeNull();
    expect(result.verificationNote).toContain('tenant ID');
  });

  it('consent granted but verification failed: consented, with the failure in plain words', async () => {
    const result = await runAdminConsent({
      ...h.endpoint(h.s.webApp.clientId),
      openBrowser: h.browser({ user: h.s.admin }).open,
      verify: { credential: { kind: 'secret', secret: h.s.webApp.expiredSecretValue } },
    });
    expect(result.consented).toBe(true);
    expect(result.verificationNote).toContain('AADSTS7000222');
  });

  it('times out when nobody answers and names the redirect URI to register', async () => {
    const err = await failure(
      runAdminConsent({ ...h.endpoint(h.s.webApp.clientId), openBrowser: async () => undefined, timeoutMs: 150 }),
    );
    expect(err.code).toBe('signin.timeout');
    expect(err.hint).toContain('http://localhost');
  });

  it('the browser cannot be opened → signin.browser_failed; the browser comes back empty → signin.no_code', async () => {
    expect(
      (
        await failure(
          runAdminConsent({ ...h.endpoint(h.s.webApp.clientId), openBrowser: () => Promise.reject(new Error('x')) }),
        )
      ).code,
    ).toBe('signin.browser_failed');
    const err = await failure(
      runAdminConsent({
        ...h.endpoint(h.s.webApp.clientId),
        openBrowser: async (url) => {
          const u = new URL(url);
          const port = Number(new URL(u.searchParams.get('redirect_uri') ?? '').port);
          // A stripped-down answer: the right state, admin_consent=False and no error.
          await httpSend(port, { path: `/?admin_consent=False&state=${u.searchParams.get('state') ?? ''}` });
        },
      }),
    );
    expect(err.code).toBe('signin.no_code');
  });
});

async function testRoles(): Promise<string[]> {
  const { testAppOnly } = await import('../../../src/core/signin/app-only');
  return (await testAppOnly({ ...h.endpoint(h.s.webApp.clientId), credential: secret() })).claims?.roles ?? [];
}
