// startEntraEmulator: an Entra-shaped identity provider over HTTPS on 127.0.0.1 (port 0) for tests, the CLI and e2e runs.
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createTestPki, type TestPki } from '../certs';
import { handleAdminConsent, handleAuthorize, handleConsent, handleLogin } from './authorize';
import { tenantNotFound } from './registration';
import { type EmulatorRequestLog, type HandlerContext, sendEntraError, sendHtml, sendJson } from './context';
import { EntraError, page } from './errors';
import { GraphDirectories } from './directory/directories';
import { handleGraph } from './graph';
import { EmulatorState } from './state';
import { handleToken } from './token';
import { defaultGraphResources } from './tokens';
import type { EmulatorBehaviour, EmulatorTenant, EntraEmulatorOptions, RefreshRevocation } from './types';

/** Microsoft sign-in hosts a rewriting network client may send here; accepted as client assertion audiences. */
export const defaultAliasHosts = [
  'login.microsoftonline.com',
  'login.windows.net',
  'login.microsoft.com',
  'login.microsoftonline.us',
  'login.usgovcloudapi.net',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
];

const MAX_BODY = 256 * 1024;

/** A running emulator. */
export interface EntraEmulator {
  /** `https://127.0.0.1:<port>` */
  origin: string;
  /** `127.0.0.1:<port>`, the login host (and Graph host) for a Custom environment. */
  host: string;
  port: number;
  /** PEM of the CA that issued the emulator's TLS certificate. */
  caPem: string;
  pki: TestPki;
  state: EmulatorState;
  tenants: EmulatorTenant[];
  behaviour: EmulatorBehaviour;
  /** Every request served, in order (no bodies). */
  requests: EmulatorRequestLog[];
  /** The Graph directory (applications, service principals, grants) and the requests it received. */
  graph: GraphDirectories;
  /** Mark a user's refresh tokens as unusable for one of Entra's reasons. */
  revokeRefreshTokens(upn: string, reason?: RefreshRevocation): number;
  close(): Promise<void>;
}

/** Start the emulator; pass `pki` to share one test CA between several identity providers. */
export async function startEntraEmulator(options: EntraEmulatorOptions & { pki?: TestPki }): Promise<EntraEmulator> {
  const pki = options.pki ?? createTestPki();
  const behaviour: EmulatorBehaviour = { ...options.behaviour };
  const state = new EmulatorState(options.tenants, behaviour);
  const graph = new GraphDirectories(options.tenants, options.graph ?? {});
  const requests: EmulatorRequestLog[] = [];
  const graphResources = new Set(
    [...defaultGraphResources, ...(options.graphResources ?? [])].map((r) => r.toLowerCase()),
  );
  let host = '';

  const server: Server = createServer({ key: pki.server.privateKeyPem, cert: pki.server.certPem }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? host}`);
    const log: EmulatorRequestLog = { method: req.method ?? 'GET', path: url.pathname };
    requests.push(log);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(chunk);
    });
    req.on('end', () => {
      const ctx: HandlerContext = {
        state,
        origin: `https://${req.headers.host ?? host}`,
        graphResources: new Set([
          ...graphResources,
          `https://${host}`,
          `https://${req.headers.host ?? host}`.toLowerCase(),
        ]),
        aliasHosts: [...(options.aliasHosts ?? defaultAliasHosts), host, host.replace('127.0.0.1', 'localhost')],
        req,
        res,
        url,
        form: new URLSearchParams(
          req.method === 'POST' && !(req.headers['content-type'] ?? '').includes('json')
            ? Buffer.concat(chunks).toString('utf8')
            : '',
        ),
        body: Buffer.concat(chunks),
        log,
      };
      route(ctx, graph).catch((err: unknown) => {
        if (!res.headersSent) sendJson(ctx, 500, { error: 'server_error', error_description: String(err) });
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  host = `127.0.0.1:${port}`;

  return {
    origin: `https://${host}`,
    host,
    port,
    caPem: pki.caPem,
    pki,
    state,
    tenants: options.tenants,
    behaviour,
    requests,
    graph,
    revokeRefreshTokens: (upn, reason) => state.revokeRefreshTokens(upn, reason),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function route(ctx: HandlerContext, graph: GraphDirectories): Promise<void> {
  const path = ctx.url.pathname;
  const method = ctx.req.method;
  if (path.startsWith('/v1.0/')) return handleGraph(ctx, graph);
  if (method === 'POST' && path === '/emulator/login') return handleLogin(ctx);
  if (method === 'POST' && path === '/emulator/consent') return handleConsent(ctx);
  if (path === '/error')
    return sendHtml(ctx, 200, page('Error code', `<p>AADSTS${Number(ctx.url.searchParams.get('code'))}</p>`));
  const parts = path.split('/').filter(Boolean);
  const tenant = decodeURIComponent(parts[0] ?? '');
  const rest = parts.slice(1).join('/');
  if (rest === 'discovery/instance' && method === 'GET') return instanceDiscovery(ctx);
  if (
    (rest === 'v2.0/.well-known/openid-configuration' || rest === '.well-known/openid-configuration') &&
    method === 'GET'
  )
    return openIdConfiguration(ctx, tenant);
  if ((rest === 'discovery/v2.0/keys' || rest === 'discovery/keys') && method === 'GET') return jwks(ctx);
  if (rest === 'oauth2/v2.0/authorize' && method === 'GET') return handleAuthorize(ctx, tenant);
  if (rest === 'oauth2/v2.0/token' && method === 'POST') return handleToken(ctx, tenant);
  if (rest === 'adminconsent' && method === 'GET') return handleAdminConsent(ctx, tenant, 'v1');
  if (rest === 'v2.0/adminconsent' && method === 'GET') return handleAdminConsent(ctx, tenant, 'v2');
  sendJson(ctx, 404, { error: 'not_found', error_description: `The emulator has no ${method ?? ''} ${path}.` });
}

function instanceDiscovery(ctx: HandlerContext): void {
  const host = new URL(ctx.origin).host;
  const authorization =
    ctx.url.searchParams.get('authorization_endpoint') ?? `${ctx.origin}/common/oauth2/v2.0/authorize`;
  const tenant = new URL(authorization).pathname.split('/')[1] ?? 'common';
  sendJson(ctx, 200, {
    tenant_discovery_endpoint: `${ctx.origin}/${tenant}/v2.0/.well-known/openid-configuration`,
    'api-version': '1.1',
    metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
  });
}

function openIdConfiguration(ctx: HandlerContext, segment: string): void {
  const resolved = ctx.state.resolveTenant(segment);
  if (!resolved) return sendEntraError(ctx, tenantNotFound(segment));
  const tid = 'tenant' in resolved ? resolved.tenant.tenantId : '{tenantid}';
  const base = `${ctx.origin}/${segment}`;
  sendJson(ctx, 200, {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${base}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: `${ctx.origin}/${tid}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${ctx.origin}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'name', 'preferred_username', 'oid', 'tid', 'ver'],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: 'EU',
    cloud_instance_name: new URL(ctx.origin).host,
    cloud_graph_host_name: new URL(ctx.origin).host,
    msgraph_host: new URL(ctx.origin).host,
    rbac_url: 'https://pas.windows.net',
  });
}

function jwks(ctx: HandlerContext): void {
  const jwk = ctx.state.publicKey.export({ format: 'jwk' });
  sendJson(ctx, 200, { keys: [{ kty: 'RSA', use: 'sig', kid: ctx.state.kid, n: jwk.n, e: jwk.e }] });
}

export { EntraError };
