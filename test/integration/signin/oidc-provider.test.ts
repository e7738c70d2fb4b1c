// The same flows against the certified oidc-provider package: an independent check of PKCE, form_post,
// client_secret_post, private_key_jwt, refresh and client credentials (no Entra-only features).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testAppOnly } from '../../../src/core/signin/app-only';
import { signInInteractive } from '../../../src/core/signin/interactive-signin';
import { SigninNetworkClient } from '../../../src/core/signin/network-client';
import { signInPublicClient } from '../../../src/core/signin/public-client-signin';
import { checkConnection } from '../../../src/core/signin/refresh-health';
import { createCachePlugin, memoryCachePersistence } from '../../../src/core/signin/token-cache';
import { HttpBrowser, oidcClients, startOidcProvider, type OidcTestProvider } from '../../support/idp';
import { failure } from '../../support/idp/expect-failure';

let op: OidcTestProvider;
beforeAll(async () => {
  op = await startOidcProvider();
});
afterAll(async () => op.close());

const scopes = ['openid', 'offline_access', 'Files.Read'];
const endpoint = (clientId: string) => ({
  loginHost: op.host,
  graphHost: op.host,
  tenant: op.tenant,
  clientId,
  protocol: 'oidc' as const,
  networkClient: new SigninNetworkClient({ extraCaPem: op.caPem, timeoutMs: 10_000 }),
});
const browser = () => new HttpBrowser({ caPem: op.caPem });
const certificate = () => ({
  kind: 'certificate' as const,
  privateKeyPem: op.certificate.privateKeyPem,
  thumbprintSha256Hex: op.certificate.thumbprintSha256Hex,
  thumbprintSha1Hex: op.certificate.thumbprintSha1Hex,
});

describe('oidc-provider: delegated flows', () => {
  it('public client through our listener: PKCE S256 + form_post, login_hint passed through', async () => {
    const b = browser();
    const r = await signInInteractive({
      ...endpoint(oidcClients.publicClient),
      credential: { kind: 'none' },
      openBrowser: b.open,
      scopes,
      prompt: 'consent',
      loginHint: 'grace@tenant1.test',
    });
    expect(r.account?.username).toBe('grace@tenant1.test');
    expect(r.permissions.granted).toContain('Files.Read');
    expect((await b.last()).startUrl).toContain('code_challenge_method=S256');
  });

  it('confidential client with client_secret_post, query response mode', async () => {
    const b = browser();
    const r = await signInInteractive({
      ...endpoint(oidcClients.secretClient),
      credential: { kind: 'secret', secret: op.secret },
      openBrowser: b.open,
      scopes,
      prompt: 'consent',
      responseMode: 'query',
    });
    expect(r.account).not.toBeNull();
    // The code came back in the query. The provider registers this client as client_secret_post only, so a token
    // means the secret went in the POST body (a wrong one is refused: the last test of this describe).
    const visit = await b.last();
    expect(new URL(visit.startUrl).searchParams.get('response_mode')).toBe('query');
    expect(visit.finalUrl).toMatch(/\?code=[^&]+&/);
  });

  it('confidential client with private_key_jwt (the certificate’s key)', async () => {
    const r = await signInInteractive({
      ...endpoint(oidcClients.certificateClient),
      credential: certificate(),
      openBrowser: browser().open,
      scopes,
      prompt: 'consent',
    });
    expect(r.certificateForm).toBe('sha256');
  });

  it('public client through the Workbench’s listener (getAuthCodeUrl + acquireTokenByCode)', async () => {
    const r = await signInPublicClient({
      ...endpoint(oidcClients.publicClient),
      openBrowser: browser().open,
      scopes,
      prompt: 'consent',
    });
    expect(r.flow).toBe('public-client');
    expect(r.account).not.toBeNull();
  });

  it('a wrong secret is refused (invalid_client, no AADSTS) → signin.server_error', async () => {
    const err = await failure(
      signInInteractive({
        ...endpoint(oidcClients.secretClient),
        credential: { kind: 'secret', secret: 'wrong-secret-value' },
        openBrowser: browser().open,
        scopes,
        prompt: 'consent',
      }),
    );
    expect(err.code).toBe('signin.server_error');
    expect(err.details?.error).toBe('invalid_client');
  });
});

describe('oidc-provider: refresh', () => {
  it('refreshes, then reports a revoked refresh token as signin.invalid_grant (sign in again)', async () => {
    const persistence = memoryCachePersistence();
    await signInInteractive({
      ...endpoint(oidcClients.publicClient),
      credential: { kind: 'none' },
      openBrowser: browser().open,
      scopes,
      prompt: 'consent',
      cachePlugin: createCachePlugin(persistence),
    });
    const ok = await checkConnection({
      ...endpoint(oidcClients.publicClient),
      credential: { kind: 'none' },
      persistence,
      scopes,
    });
    expect(ok.flow).toBe('refresh');
    await op.revokeRefreshTokens();
    const err = await failure(
      checkConnection({ ...endpoint(oidcClients.publicClient), credential: { kind: 'none' }, persistence, scopes }),
    );
    expect(err.code).toBe('signin.invalid_grant');
    expect(err.details?.signInAgain).toBe(true);
  });
});

describe('oidc-provider: app-only', () => {
  it('client credentials with client_secret_post', async () => {
    const r = await testAppOnly({
      ...endpoint(oidcClients.secretClient),
      credential: { kind: 'secret', secret: op.secret },
    });
    expect(r.flow).toBe('client-credentials');
  });

  it('client credentials with private_key_jwt', async () => {
    const r = await testAppOnly({ ...endpoint(oidcClients.certificateClient), credential: certificate() });
    expect(r.certificateForm).toBe('sha256');
  });
});
