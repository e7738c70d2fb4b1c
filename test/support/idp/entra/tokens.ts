// Scope parsing and token minting for the emulator, shaped like Entra's v2 endpoint and Graph's v1 access tokens.
import { randomUUID } from 'node:crypto';
import { EntraError } from './errors';
import { b64url, randomId, signJwt } from './jwt';
import type { EmulatorState } from './state';
import type { EmulatorApp, EmulatorTenant, EmulatorUser } from './types';

const OIDC = new Set(['openid', 'profile', 'email', 'offline_access']);

/** Resource URIs the emulator treats as Microsoft Graph. */
export const defaultGraphResources = [
  'https://graph.microsoft.com',
  'https://graph.microsoft.us',
  'https://dod-graph.microsoft.us',
  'https://microsoftgraph.chinacloudapi.cn',
  '00000003-0000-0000-c000-000000000000',
];

/** A requested scope string split into OIDC scopes and Graph permissions. */
export interface ParsedScopes {
  oidc: string[];
  /** The resource as the client named it (used as `aud`). */
  resource: string;
  permissions: string[];
  dotDefault: boolean;
}

/** Parse `scope`; throws an EntraError for unknown resources or mixed resources. */
export function parseScopes(scope: string, graphResources: Set<string>): ParsedScopes {
  const out: ParsedScopes = { oidc: [], resource: 'https://graph.microsoft.com', permissions: [], dotDefault: false };
  let resource: string | null = null;
  for (const item of scope.split(/\s+/).filter(Boolean)) {
    if (OIDC.has(item.toLowerCase())) {
      out.oidc.push(item.toLowerCase());
      continue;
    }
    const slash = item.lastIndexOf('/');
    const res = slash > 0 ? item.slice(0, slash).replace(/\/$/, '') : 'https://graph.microsoft.com';
    const perm = slash > 0 ? item.slice(slash + 1) : item;
    if (!graphResources.has(res.toLowerCase())) {
      throw new EntraError(
        'invalid_resource',
        500011,
        `The resource principal named ${res} was not found in the tenant. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
      );
    }
    if (resource && resource.toLowerCase() !== res.toLowerCase()) {
      throw new EntraError(
        'invalid_request',
        700022,
        'The provided value for the input parameter scope is not valid because it contains more than one resource.',
      );
    }
    resource = res;
    if (perm === '.default') out.dotDefault = true;
    else out.permissions.push(perm);
  }
  if (resource)
    out.resource =
      resource.toLowerCase() === '00000003-0000-0000-c000-000000000000' ? 'https://graph.microsoft.com' : resource;
  return out;
}

/** The `client_info` Entra returns: base64url of `{uid, utid}`. */
export function clientInfo(user: EmulatorUser, tenant: EmulatorTenant): string {
  return b64url(JSON.stringify({ uid: user.objectId, utid: tenant.tenantId }));
}

function times(state: EmulatorState): { iat: number; nbf: number; exp: number; lifetime: number } {
  const iat = Math.floor(Date.now() / 1000);
  const lifetime = state.behaviour.accessTokenLifetimeSeconds ?? 3599;
  return { iat, nbf: iat - 300, exp: iat + lifetime, lifetime };
}

/** An ID token (v2.0) for the client. */
export function mintIdToken(
  state: EmulatorState,
  origin: string,
  app: EmulatorApp,
  user: EmulatorUser,
  tenant: EmulatorTenant,
  nonce?: string,
): string {
  const t = times(state);
  const claims: Record<string, unknown> = {
    aud: app.clientId,
    iss: `${origin}/${tenant.tenantId}/v2.0`,
    iat: t.iat,
    nbf: t.nbf,
    exp: t.exp,
    name: user.displayName ?? user.upn,
    oid: user.objectId,
    preferred_username: user.upn,
    sub: randomId(24),
    tid: tenant.tenantId,
    uti: randomId(),
    ver: '2.0',
  };
  if (nonce) claims.nonce = nonce;
  return signJwt(claims, state.signingKey, { kid: state.kid });
}

/** A Graph-style (v1.0) access token for a user: `scp` holds the delegated permissions. */
export function mintUserAccessToken(
  state: EmulatorState,
  args: {
    resource: string;
    app: EmulatorApp;
    appidacr: '0' | '1' | '2';
    user: EmulatorUser;
    tenant: EmulatorTenant;
    scp: string[];
  },
): { token: string; expiresIn: number } {
  const t = times(state);
  const claims = {
    aud: args.resource,
    iss: `https://sts.windows.net/${args.tenant.tenantId}/`,
    iat: t.iat,
    nbf: t.nbf,
    exp: t.exp,
    acr: '1',
    amr: ['pwd'],
    app_displayname: args.app.displayName ?? 'Test app',
    appid: args.app.clientId,
    appidacr: args.appidacr,
    idtyp: 'user',
    name: args.user.displayName ?? args.user.upn,
    oid: args.user.objectId,
    scp: args.scp.join(' '),
    sub: randomId(24),
    tid: args.tenant.tenantId,
    unique_name: args.user.upn,
    upn: args.user.upn,
    uti: randomId(),
    ver: '1.0',
  };
  return { token: signJwt(claims, state.signingKey, { kid: state.kid, x5t: state.kid }), expiresIn: t.lifetime };
}

/** A Graph-style (v1.0) app-only access token: `roles` holds the granted application permissions (absent when none). */
export function mintAppAccessToken(
  state: EmulatorState,
  args: { resource: string; app: EmulatorApp; appidacr: '1' | '2'; tenant: EmulatorTenant; roles: string[] },
): { token: string; expiresIn: number } {
  const t = times(state);
  const claims: Record<string, unknown> = {
    aud: args.resource,
    iss: `https://sts.windows.net/${args.tenant.tenantId}/`,
    iat: t.iat,
    nbf: t.nbf,
    exp: t.exp,
    app_displayname: args.app.displayName ?? 'Test app',
    appid: args.app.clientId,
    appidacr: args.appidacr,
    idtyp: 'app',
    oid: randomUUID(),
    sub: randomUUID(),
    tid: args.tenant.tenantId,
    uti: randomId(),
    ver: '1.0',
  };
  if (args.roles.length > 0) claims.roles = args.roles;
  return { token: signJwt(claims, state.signingKey, { kid: state.kid, x5t: state.kid }), expiresIn: t.lifetime };
}
