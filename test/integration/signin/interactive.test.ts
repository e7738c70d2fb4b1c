import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchAadsts } from '../../../src/core/signin/aadsts-catalogue';
import { endpointsFor } from '../../../src/core/connections/environments';
import { signInHostsFor } from '../../../src/core/signin/endpoints';
import { signInInteractive } from '../../../src/core/signin/interactive-signin';
import type { EnvironmentId } from '../../../src/shared/environments';
import { portIsFree, startSigninHarness, type SigninHarness } from '../../support/idp';
import { failure } from '../../support/idp/expect-failure';

let h: SigninHarness;
beforeAll(async () => {
  h = await startSigninHarness();
});
afterAll(async () => h.close());

/** A user nobody has consented for yet. */
function freshUser(isAdmin = false): { upn: string; username: string; password: string } {
  const upn = `user-${randomUUID().slice(0, 8)}@${h.s.domain}`;
  h.s.tenant.users?.push({ upn, password: 'Fresh-Pass-3', isAdmin });
  return { upn, username: upn, password: 'Fresh-Pass-3' };
}

describe('interactive sign-in, confidential client (own loopback listener + acquireTokenByCode)', () => {
  it('signs in with the client secret, honours the login hint, and compares delegated permissions', async () => {
    // The driver would type a wrong name: only the login_hint pre-fill makes this sign in as Megan.
    const browser = h.browser({
      user: { username: 'someone.else@contoso.onmicrosoft.com', password: h.s.user.password },
    });
    const progress: string[] = [];
    const msalLog: string[] = [];
    let register = '';
    const result = await signInInteractive({
      logSink: (_level, message) => msalLog.push(message),
      ...h.endpoint(h.s.webApp.clientId),
      credential: { kind: 'secret', secret: h.s.webApp.secretValue },
      openBrowser: browser.open,
      requiredPermissions: ['User.Read', 'Files.Read.All'],
      loginHint: h.s.user.upn,
      onProgress: (p) => {
        progress.push(p.step);
        if (p.step === 'listening') register = `${p.register} (${p.platform})`;
      },
    });
    expect(progress).toEqual(['listening', 'browser', 'redeeming']);
    expect(register).toBe('http://localhost (Web)');
    expect(msalLog.length).toBeGreaterThan(0);
    expect(msalLog.join('\n')).not.toContain(h.s.webApp.secretValue);
    expect(msalLog.join('\n')).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\./);
    expect(result.account?.username).toBe(h.s.user.upn);
    expect(result.claims).toMatchObject({
      appId: h.s.webApp.clientId,
      appIdAcr: '1',
      credentialUsed: 'client secret',
      tid: h.s.tenantId,
      user: h.s.user.upn,
      tokenKind: 'user',
      ver: '1.0',
    });
    expect(result.permissions).toMatchObject({ kind: 'delegated', missing: [], extra: [] });
    expect(result.redirectUri).toMatch(/^http:\/\/localhost:\d+$/);
    expect(result.accessToken).toBeUndefined();
    const visit = await browser.last();
    expect(visit.finalText).toContain('Signed in');
    expect(visit.steps.some((s) => s.method === 'POST' && s.url.startsWith('http://localhost:'))).toBe(true);
  });

  it('signs in with a certificate (SHA-256 client assertion) and returns the token only when asked', async () => {
    const result = await signInInteractive({
      ...h.endpoint(h.s.webApp.clientId),
      credential: {
        kind: 'certificate',
        privateKeyPem: h.s.certificate.privateKeyPem,
        thumbprintSha256Hex: h.s.certificate.thumbprintSha256Hex,
        thumbprintSha1Hex: h.s.certificate.thumbprintSha1Hex,
      },
      openBrowser: h.browser().open,
      requiredPermissions: ['Files.Read.All', 'Sites.Read.All'],
      includeAccessToken: true,
    });
    expect(result.certificateForm).toBe('sha256');
    expect(result.claims?.credentialUsed).toBe('certificate');
    expect(result.accessToken).toMatch(/^eyJ/);
    // Megan consented to User.Read and Files.Read.All earlier: Sites.Read.All is asked for now.
    expect(result.permissions.missing).toEqual([]);
  });

  it('falls back to the SHA-1 form when the cloud refuses x5t#S256', async () => {
    h.idp.behaviour.acceptSha256Thumbprint = false;
    try {
      const result = await signInInteractive({
        ...h.endpoint(h.s.webApp.clientId),
        credential: {
          kind: 'certificate',
          privateKeyPem: h.s.certificate.privateKeyPem,
          thumbprintSha256Hex: h.s.certificate.thumbprintSha256Hex,
          thumbprintSha1Hex: h.s.certificate.thumbprintSha1Hex,
        },
        openBrowser: h.browser().open,
      });
      expect(result.certificateForm).toBe('sha1');
      expect(result.notes.join(' ')).toContain('AADSTS700027');
    } finally {
      h.idp.behaviour.acceptSha256Thumbprint = true;
    }
  });

  it('when the refused first attempt used up the code, reports that refusal (not "code already redeemed")', async () => {
    h.idp.behaviour.acceptSha256Thumbprint = false;
    h.idp.behaviour.spendCodeOnFailedClientAuth = true;
    try {
      const err = await failure(
        signInInteractive({
          ...h.endpoint(h.s.webApp.clientId),
          credential: {
            kind: 'certificate',
            privateKeyPem: h.s.certificate.privateKeyPem,
            thumbprintSha256Hex: h.s.certificate.thumbprintSha256Hex,
            thumbprintSha1Hex: h.s.certificate.thumbprintSha1Hex,
          },
          openBrowser: h.browser().open,
        }),
      );
      expect(err.code).toBe('aadsts.700027');
    } finally {
      h.idp.behaviour.acceptSha256Thumbprint = true;
      h.idp.behaviour.spendCodeOnFailedClientAuth = false;
    }
  });

  it('uses query response mode and a redirect path when asked', async () => {
    const browser = h.browser();
    const result = await signInInteractive({
      ...h.endpoint(h.s.webApp.clientId),
      credential: { kind: 'secret', secret: h.s.webApp.secretValue },
      openBrowser: browser.open,
      responseMode: 'query',
      redirectPath: '/callback',
    });
    expect(result.redirectUri).toMatch(/^http:\/\/localhost:\d+\/callback$/);
    expect((await browser.last()).steps.at(-1)?.url).toMatch(/\/callback\?code=/);
  });

  it('signs in a public client (no credential) through the same listener', async () => {
    const result = await signInInteractive({
      ...h.endpoint(h.s.publicApp.clientId),
      credential: { kind: 'none' },
      openBrowser: h.browser().open,
      requiredPermissions: ['Files.Read.All'],
    });
    expect(result.claims?.credentialUsed).toBe('none (public client)');
  });

  it('keeps production authority strings: only the token request leaves, rewritten to the emulator', async () => {
    const rewrite = { 'https://login.microsoftonline.com': h.idp.origin };
    const net = h.net({ rewrite, allowedHosts: [h.idp.host] });
    const result = await signInInteractive({
      loginHost: 'login.microsoftonline.com',
      graphHost: 'graph.microsoft.com',
      tenant: h.s.tenantId,
      clientId: h.s.webApp.clientId,
      networkClient: net,
      credential: {
        kind: 'certificate',
        privateKeyPem: h.s.certificate.privateKeyPem,
        thumbprintSha256Hex: h.s.certificate.thumbprintSha256Hex,
        thumbprintSha1Hex: h.s.certificate.thumbprintSha1Hex,
      },
      openBrowser: h.browser({ rewrite }).open,
    });
    expect(result.claims?.aud).toBe('https://graph.microsoft.com');
    expect(net.log.map((e) => `${e.method} ${e.url} ${e.status}`)).toEqual([
      `POST https://login.microsoftonline.com/${h.s.tenantId}/oauth2/v2.0/token 200`,
    ]);
  });

  it.each<EnvironmentId>(['office365', 'usgov-l4', 'usgov-l5', 'china'])(
    'honours the %s cloud end to end (sign-in host, Graph host)',
    async (environment) => {
      const hosts = signInHostsFor(environment);
      // msal may talk to a preferred alias (China: login.partner.microsoftonline.cn), so map every sign-in host of the cloud.
      const e = endpointsFor(environment);
      const rewrite = Object.fromEntries(
        [e.loginHost, ...e.loginAliases].map((host) => [`https://${host}`, h.idp.origin]),
      );
      const result = await signInInteractive({
        ...hosts,
        tenant: h.s.tenantId,
        clientId: h.s.webApp.clientId,
        networkClient: h.net({ rewrite, allowedHosts: [h.idp.host] }),
        credential: { kind: 'secret', secret: h.s.webApp.secretValue },
        openBrowser: h.browser({ rewrite }).open,
        requiredPermissions: ['Files.Read.All'],
        timeoutMs: 10_000,
      });
      expect(result.claims?.aud).toBe(`https://${hosts.graphHost}`);
      expect(result.permissions.missing).toEqual([]);
    },
  );
});

describe('interactive sign-in errors', () => {
  const secret = () => ({
    ...h.endpoint(h.s.webApp.clientId),
    credential: { kind: 'secret' as const, secret: h.s.webApp.secretValue },
  });

  it('redirect URI not registered (AADSTS50011 page): times out and says what to register where', async () => {
    const browser = h.browser();
    const err = await failure(
      signInInteractive({ ...secret(), openBrowser: browser.open, redirectPath: '/not-registered', timeoutMs: 1500 }),
    );
    expect(err.code).toBe('signin.timeout');
    expect(err.hint).toContain('http://localhost/not-registered');
    expect(err.hint).toContain('"Web"');
    const page = (await browser.last()).finalText;
    expect(page).toContain('AADSTS50011');
    // What the admin reads in the browser finds its catalogue entry.
    expect(searchAadsts(/AADSTS\d+/.exec(page)?.[0] ?? '')[0]?.code).toBe(50011);
  });

  it('wrong client secret → aadsts.7000215 with the fix, trace and correlation IDs', async () => {
    const err = await failure(
      signInInteractive({
        ...secret(),
        credential: { kind: 'secret', secret: 'Wr0ng~secret-value-that-is-long-enough' },
        openBrowser: h.browser().open,
      }),
    );
    expect(err.code).toBe('aadsts.7000215');
    expect(err.hint).toContain('Value');
    expect(err.details).toMatchObject({ aadsts: 7000215, error: 'invalid_client', signInAgain: false });
    expect(err.details?.traceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(err.details?.correlationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(String(err.details?.microsoftMessage)).toMatch(/^AADSTS7000215: Invalid client secret/);
  });

  it('the Secret ID pasted instead of the value → aadsts.7000215 that says so', async () => {
    const err = await failure(
      signInInteractive({
        ...secret(),
        credential: { kind: 'secret', secret: h.s.webApp.secretId },
        openBrowser: h.browser().open,
      }),
    );
    expect(err.code).toBe('aadsts.7000215');
    expect(err.message).toContain('Secret ID');
    expect(err.details?.secretLooksLikeId).toBe(true);
  });

  it('expired client secret → aadsts.7000222', async () => {
    const err = await failure(
      signInInteractive({
        ...secret(),
        credential: { kind: 'secret', secret: h.s.webApp.expiredSecretValue },
        openBrowser: h.browser().open,
      }),
    );
    expect(err.code).toBe('aadsts.7000222');
  });

  it('certificate not registered → aadsts.700027 after trying both assertion forms', async () => {
    const c = h.s.strangerCertificate;
    const err = await failure(
      signInInteractive({
        ...secret(),
        credential: {
          kind: 'certificate',
          privateKeyPem: c.privateKeyPem,
          thumbprintSha256Hex: c.thumbprintSha256Hex,
          thumbprintSha1Hex: c.thumbprintSha1Hex,
        },
        openBrowser: h.browser().open,
      }),
    );
    expect(err.code).toBe('aadsts.700027');
    expect(String(err.details?.microsoftMessage)).toContain(c.thumbprintSha1Hex);
  });

  it('Web-only registration tested without a credential → aadsts.7000218', async () => {
    const err = await failure(
      signInInteractive({
        ...h.endpoint(h.s.webApp.clientId),
        credential: { kind: 'none' },
        openBrowser: h.browser().open,
      }),
    );
    expect(err.code).toBe('aadsts.7000218');
    expect(err.hint).toContain('Mobile and desktop applications');
  });

  it('public-client registration tested with a secret → aadsts.700025', async () => {
    const err = await failure(
      signInInteractive({
        ...h.endpoint(h.s.publicApp.clientId),
        credential: { kind: 'secret', secret: 'any-secret-value-000' },
        openBrowser: h.browser().open,
      }),
    );
    expect(err.code).toBe('aadsts.700025');
  });

  it('consent declined on the consent page → aadsts.65004, sign in again', async () => {
    const user = freshUser();
    const err = await failure(
      signInInteractive({ ...secret(), openBrowser: h.browser({ user, consent: 'decline' }).open }),
    );
    expect(err.code).toBe('aadsts.65004');
    expect(err.details?.signInAgain).toBe(true);
  });

  it('a permission only an admin can grant → the user returns without consent (page shows AADSTS90094)', async () => {
    const user = freshUser();
    const browser = h.browser({ user });
    const err = await failure(
      signInInteractive({ ...secret(), openBrowser: browser.open, requiredPermissions: ['Sites.FullControl.All'] }),
    );
    expect(err.code).toBe('aadsts.65004');
    expect((await browser.last()).steps.length).toBeGreaterThan(2);
  });

  it('unknown tenant on a custom host → aadsts.90002 from discovery, with the cloud in the hint', async () => {
    const err = await failure(
      signInInteractive({ ...secret(), tenant: 'nosuchtenant.onmicrosoft.com', openBrowser: h.browser().open }),
    );
    expect(err.code).toBe('aadsts.90002');
    expect(err.hint).toContain(h.idp.host);
  });

  it('cancel while waiting → signin.cancelled and the port is freed', async () => {
    const controller = new AbortController();
    let redirect = '';
    const pending = signInInteractive({
      ...secret(),
      signal: controller.signal,
      openBrowser: async (url) => {
        redirect = new URL(url).searchParams.get('redirect_uri') ?? '';
        setTimeout(() => controller.abort(), 50);
      },
    });
    const err = await failure(pending);
    expect(err.code).toBe('signin.cancelled');
    expect(await portIsFree(Number(new URL(redirect).port))).toBe(true);
  });

  it('nobody comes back → signin.timeout and the port is freed', async () => {
    let redirect = '';
    const err = await failure(
      signInInteractive({
        ...secret(),
        timeoutMs: 200,
        openBrowser: async (url) => {
          redirect = new URL(url).searchParams.get('redirect_uri') ?? '';
        },
      }),
    );
    expect(err.code).toBe('signin.timeout');
    expect(await portIsFree(Number(new URL(redirect).port))).toBe(true);
  });

  it('the browser cannot be opened → signin.browser_failed', async () => {
    const err = await failure(
      signInInteractive({ ...secret(), openBrowser: () => Promise.reject(new Error('no browser')) }),
    );
    expect(err.code).toBe('signin.browser_failed');
    expect(String(err.details?.url)).toContain('/oauth2/v2.0/authorize');
  });

  it('bad input is refused before anything starts', async () => {
    expect(
      (await failure(signInInteractive({ ...secret(), clientId: 'has spaces', openBrowser: h.browser().open }))).code,
    ).toBe('signin.invalid_input');
  });
});
