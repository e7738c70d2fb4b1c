// The certified oidc-provider package as an independent standards check: PKCE, form_post, private_key_jwt,
// client_secret_post, refresh tokens and client credentials, served under /tenant1 over HTTPS on 127.0.0.1.
import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { createTestPki, type TestCertificate, type TestPki } from './certs';

/** Client IDs the provider knows. */
export const oidcClients = {
  publicClient: 'desktop',
  secretClient: 'web-secret',
  certificateClient: 'web-cert',
} as const;

/** A running oidc-provider. */
export interface OidcTestProvider {
  origin: string;
  host: string;
  /** The path segment msal sees as the "tenant". */
  tenant: string;
  issuer: string;
  caPem: string;
  secret: string;
  certificate: TestCertificate;
  /** The scope requested for app-only tokens (the Graph `.default` scope of a Custom environment on this host). */
  appScope: string;
  /** Revoke every refresh token issued so far. */
  revokeRefreshTokens(): Promise<void>;
  close(): Promise<void>;
}

/** Start oidc-provider with an automatic login + consent interaction (login_hint picks the account). */
export async function startOidcProvider(options: { pki?: TestPki } = {}): Promise<OidcTestProvider> {
  const pki = options.pki ?? createTestPki();
  const certificate = pki.createAppCertificate({ commonName: 'oidc-provider test client' });
  const secret = 'oidc-provider-client-secret-value-0123456789';
  const tenant = 'tenant1';
  const server = createServer({ key: pki.server.privateKeyPem, cert: pki.server.certPem });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  const origin = `https://${host}`;
  const issuer = `${origin}/${tenant}`;
  const appScope = `${origin}/.default`;
  const signing = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
  const clientJwk = {
    ...createPublicKey(certificate.publicKeyPem).export({ format: 'jwk' }),
    kid: 'client-cert',
    x5c: [certBase64(certificate.certPem)],
  };
  const common = {
    application_type: 'native' as const,
    redirect_uris: ['http://localhost', 'http://localhost/callback'],
    response_types: ['code'],
  };
  const apiScopes = 'openid offline_access profile Files.Read Sites.Read.All';

  const provider = new Provider(issuer, {
    clients: [
      {
        ...common,
        client_id: oidcClients.publicClient,
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code', 'refresh_token'],
        scope: apiScopes,
      },
      {
        ...common,
        client_id: oidcClients.secretClient,
        client_secret: secret,
        token_endpoint_auth_method: 'client_secret_post',
        grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
        scope: `${apiScopes} ${appScope}`,
      },
      {
        ...common,
        client_id: oidcClients.certificateClient,
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: [clientJwk] },
        grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
        scope: `${apiScopes} ${appScope}`,
      },
    ],
    jwks: { keys: [{ ...signing, kid: 'op-signing', use: 'sig' }] },
    scopes: ['openid', 'offline_access', 'profile', 'Files.Read', 'Sites.Read.All', appScope],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    features: { devInteractions: { enabled: false }, clientCredentials: { enabled: true } },
    interactions: { url: (_ctx, interaction) => `/${tenant}/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, name: id, preferred_username: id }) }),
    cookies: { keys: ['gcw-test-cookie-key'] },
    adapter: MemoryAdapter,
    ttl: {
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
      AccessToken: 3600,
      RefreshToken: 86_400,
      IdToken: 3600,
      ClientCredentials: 600,
      AuthorizationCode: 60,
    },
    enabledJWA: { clientAuthSigningAlgValues: ['RS256', 'PS256'] },
    clientAuthMethods: ['none', 'client_secret_post', 'private_key_jwt'],
    responseTypes: ['code'],
    // Put profile claims into the ID token, as Entra does, so msal can name the account.
    conformIdTokenClaims: false,
  });
  provider.on('server_error', () => undefined);
  const refreshTokens = new Set<string>();
  provider.on('refresh_token.saved', (token: { jti: string }) => refreshTokens.add(token.jti));

  const callback = provider.callback();
  server.on('request', (req, res) => {
    const path = req.url ?? '/';
    if (!path.startsWith(`/${tenant}`)) {
      res.writeHead(404).end();
      return;
    }
    const interaction = /^\/[^/]+\/interaction\/([^/?]+)/.exec(path);
    if (interaction) {
      autoInteract(provider, req, res).catch((err: unknown) => res.writeHead(500).end(String(err)));
      return;
    }
    // Mounted under /tenant1: oidc-provider derives its mount path from originalUrl.
    Object.assign(req, { originalUrl: path });
    req.url = path.slice(tenant.length + 1) || '/';
    void callback(req, res);
  });

  return {
    origin,
    host,
    tenant,
    issuer,
    caPem: pki.caPem,
    secret,
    certificate,
    appScope,
    revokeRefreshTokens: async () => {
      for (const id of refreshTokens) await (await provider.RefreshToken.find(id))?.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function certBase64(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
}

async function autoInteract(provider: Provider, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const details = await provider.interactionDetails(req, res);
  const hint = typeof details.params.login_hint === 'string' ? details.params.login_hint : 'alice@tenant1.test';
  if (details.prompt.name === 'login') {
    await provider.interactionFinished(req, res, { login: { accountId: hint } }, { mergeWithLastSubmission: false });
    return;
  }
  const accountId = details.session?.accountId ?? hint;
  const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
  const missing = details.prompt.details.missingOIDCScope;
  if (Array.isArray(missing)) grant.addOIDCScope(missing.join(' '));
  const resourceScopes = details.prompt.details.missingResourceScopes;
  if (resourceScopes && typeof resourceScopes === 'object') {
    for (const [indicator, scopes] of Object.entries(resourceScopes))
      grant.addResourceScope(indicator, (scopes as string[]).join(' '));
  }
  const grantId = await grant.save();
  await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
}

/** A per-process store for oidc-provider (its own default prints a warning; this one is the same thing, quietly). */
class MemoryAdapter {
  private static readonly store = new Map<string, Record<string, unknown>>();
  constructor(private readonly name: string) {}
  private key(id: string): string {
    return `${this.name}:${id}`;
  }
  async upsert(id: string, payload: Record<string, unknown>): Promise<void> {
    MemoryAdapter.store.set(this.key(id), payload);
    if (typeof payload.grantId === 'string') {
      const list = (MemoryAdapter.store.get(`grant:${payload.grantId}`)?.keys as string[] | undefined) ?? [];
      MemoryAdapter.store.set(`grant:${payload.grantId}`, { keys: [...list, this.key(id)] });
    }
    if (typeof payload.uid === 'string') MemoryAdapter.store.set(`uid:${payload.uid}`, { id });
  }
  async find(id: string): Promise<Record<string, unknown> | undefined> {
    return MemoryAdapter.store.get(this.key(id));
  }
  async findByUid(uid: string): Promise<Record<string, unknown> | undefined> {
    const ref = MemoryAdapter.store.get(`uid:${uid}`);
    return typeof ref?.id === 'string' ? this.find(ref.id) : undefined;
  }
  async findByUserCode(): Promise<undefined> {
    return undefined;
  }
  async consume(id: string): Promise<void> {
    const item = MemoryAdapter.store.get(this.key(id));
    if (item) item.consumed = Math.floor(Date.now() / 1000);
  }
  async destroy(id: string): Promise<void> {
    MemoryAdapter.store.delete(this.key(id));
  }
  async revokeByGrantId(grantId: string): Promise<void> {
    for (const key of (MemoryAdapter.store.get(`grant:${grantId}`)?.keys as string[] | undefined) ?? [])
      MemoryAdapter.store.delete(key);
    MemoryAdapter.store.delete(`grant:${grantId}`);
  }
}
