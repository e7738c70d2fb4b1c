// POST /{tenant}/oauth2/v2.0/token: authorization_code (PKCE), refresh_token (revocation), client_credentials.
import { createHash } from 'node:crypto';
import { authenticateClient } from './client-auth';
import { type HandlerContext, header, sendEntraError, sendJson } from './context';
import { EntraError } from './errors';
import { randomId } from './jwt';
import type { RefreshRecord } from './state';
import { appNotFound, tenantNotFound } from './registration';
import { clientInfo, mintAppAccessToken, mintIdToken, mintUserAccessToken, parseScopes } from './tokens';
import type { EmulatorApp, EmulatorTenant, EmulatorUser, RefreshRevocation } from './types';

const CODE_LIFETIME_MS = 10 * 60_000;

/** Handle a token request; every failure is answered in Entra's JSON error shape. */
export async function handleToken(ctx: HandlerContext, tenantSegment: string): Promise<void> {
  const delay = ctx.state.behaviour.tokenDelayMs;
  if (delay) await new Promise((r) => setTimeout(r, delay));
  ctx.log.grantType = ctx.form.get('grant_type') ?? undefined;
  try {
    const body = token(ctx, tenantSegment);
    ctx.state.recordIssued(body);
    sendJson(ctx, 200, body);
  } catch (err) {
    if (err instanceof EntraError) sendEntraError(ctx, err);
    else throw err;
  }
}

function token(ctx: HandlerContext, tenantSegment: string): Record<string, unknown> {
  const form = ctx.form;
  const grant = form.get('grant_type');
  if (!grant)
    throw new EntraError(
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'grant_type'.",
    );
  const resolved = ctx.state.resolveTenant(tenantSegment);
  if (!resolved) throw tenantNotFound(tenantSegment);
  const tenant = 'tenant' in resolved ? resolved.tenant : null;
  const clientId = form.get('client_id') ?? basicClientId(header(ctx, 'authorization'));
  if (!clientId)
    throw new EntraError(
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
    );
  switch (grant) {
    case 'authorization_code':
      return codeGrant(ctx, tenant, tenantSegment, clientId);
    case 'refresh_token':
      return refreshGrant(ctx, tenant, tenantSegment, clientId);
    case 'client_credentials':
      if (!tenant) {
        // Entra's text for /common and /consumers; the emulator answers /organizations the same way.
        throw new EntraError(
          'invalid_request',
          9001023,
          'The grant type is not supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.',
        );
      }
      return clientCredentials(ctx, tenant, tenantSegment, clientId);
    default:
      throw new EntraError('unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`);
  }
}

function basicClientId(value: string | undefined): string | null {
  if (!value?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(value.slice(6), 'base64').toString('utf8');
  return decodeURIComponent(decoded.split(':')[0] ?? '') || null;
}

function codeGrant(
  ctx: HandlerContext,
  tenant: EmulatorTenant | null,
  segment: string,
  clientId: string,
): Record<string, unknown> {
  const form = ctx.form;
  const record = ctx.state.codes.get(form.get('code') ?? '');
  if (!record || record.txn.app.clientId !== clientId)
    throw new EntraError('invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
  if (tenant && tenant !== record.tenant && tenant !== ctx.state.findApp(tenant, clientId)?.home) {
    throw new EntraError(
      'invalid_grant',
      700005,
      'Provided Authorization Code is intended to use against other tenant, thus rejected.',
    );
  }
  if (record.redeemed) {
    throw new EntraError(
      'invalid_grant',
      54005,
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    );
  }
  if (Date.now() - record.issuedAt > CODE_LIFETIME_MS) {
    throw new EntraError(
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    );
  }
  if (form.get('redirect_uri') !== record.txn.redirectUri) {
    throw new EntraError(
      'invalid_grant',
      50011,
      `The redirect URI '${form.get('redirect_uri') ?? ''}' specified in the request does not match the redirect URI used to obtain the authorization code.`,
    );
  }
  const challenge = record.txn.codeChallenge;
  if (challenge) {
    const verifier = form.get('code_verifier') ?? '';
    const computed =
      record.txn.codeChallengeMethod === 'plain' ? verifier : createHash('sha256').update(verifier).digest('base64url');
    if (!verifier || computed !== challenge) {
      throw new EntraError(
        'invalid_grant',
        501481,
        'The Code_Verifier does not match the code_challenge supplied in the authorization request.',
      );
    }
  }
  const { app, platform } = record.txn;
  if (platform === 'spa' && !header(ctx, 'origin')) {
    throw new EntraError(
      'invalid_request',
      9002327,
      "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests.",
    );
  }
  if (platform !== 'spa' && header(ctx, 'origin')) {
    throw new EntraError(
      'invalid_request',
      9002326,
      "Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type.",
    );
  }
  const publicClient = platform !== 'web';
  if (ctx.state.behaviour.spendCodeOnFailedClientAuth) record.redeemed = true;
  const appidacr = authenticateClient(ctx, app, publicClient, segment);
  record.redeemed = true;
  const scopeText = form.get('scope') ?? record.txn.scopes.join(' ');
  return userTokens(ctx, {
    app,
    user: record.user,
    tenant: record.tenant,
    scopeText,
    appidacr,
    publicClient,
    nonce: record.txn.nonce,
  });
}

const REVOCATION: Record<RefreshRevocation, [number, string]> = {
  revoked: [
    50173,
    "The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '{issued}' and the TokensValidFrom date (before which tokens are not valid) for this user is '{now}'.",
  ],
  inactive: [
    700082,
    'The refresh token has expired due to inactivity. The token was issued on {issued} and was inactive for 90.00:00:00.',
  ],
  'sign-in-frequency': [
    70043,
    'The refresh token has expired or is invalid due to sign-in frequency checks by conditional access. The token was issued on {issued} and the maximum allowed lifetime for this request is 43200.',
  ],
  expired: [
    70008,
    'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
  ],
};

function refreshGrant(
  ctx: HandlerContext,
  tenant: EmulatorTenant | null,
  segment: string,
  clientId: string,
): Record<string, unknown> {
  const record: RefreshRecord | undefined = ctx.state.refreshTokens.get(ctx.form.get('refresh_token') ?? '');
  if (!record || record.clientId !== clientId)
    throw new EntraError('invalid_grant', 9002313, 'Invalid request. Request is malformed or invalid.');
  if (tenant && tenant !== record.tenant) {
    throw new EntraError(
      'invalid_grant',
      700005,
      'Provided refresh token is intended to use against other tenant, thus rejected.',
    );
  }
  const found = ctx.state.findApp(null, clientId);
  if (!found) throw appNotFound(clientId, segment);
  const appidacr = authenticateClient(ctx, found.app, record.publicClient, segment);
  if (record.revoked) {
    const [code, text] = REVOCATION[record.revoked];
    const when = new Date(record.issuedAt).toISOString();
    throw new EntraError(
      'invalid_grant',
      code,
      text.replace('{issued}', when).replace('{now}', new Date().toISOString()),
      400,
      ctx.state.behaviour.revocationSuberror,
    );
  }
  const scopeText = ctx.form.get('scope') ?? record.scopes.join(' ');
  return userTokens(ctx, {
    app: found.app,
    user: record.user,
    tenant: record.tenant,
    scopeText,
    appidacr,
    publicClient: record.publicClient,
    requireConsent: true,
  });
}

function userTokens(
  ctx: HandlerContext,
  args: {
    app: EmulatorApp;
    user: EmulatorUser;
    tenant: EmulatorTenant;
    scopeText: string;
    appidacr: '0' | '1' | '2';
    publicClient: boolean;
    nonce?: string | undefined;
    requireConsent?: boolean;
  },
): Record<string, unknown> {
  const parsed = parseScopes(args.scopeText, ctx.graphResources);
  const granted = ctx.state.delegatedGranted(args.tenant, args.user.upn, args.app.clientId);
  const wanted = parsed.dotDefault ? [...(args.app.requiredPermissions?.delegated ?? [])] : parsed.permissions;
  const missing = wanted.filter((p) => !granted.has(p.toLowerCase()));
  if (args.requireConsent && missing.length > 0) {
    throw new EntraError(
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${args.app.clientId}' named '${args.app.displayName ?? args.app.clientId}'. Send an interactive authorization request for this user and resource.`,
      400,
      'consent_required',
    );
  }
  // Like Entra, the token carries every delegated permission granted to this client, not only the requested ones.
  const scp = [...granted].map((g) => canonical(args.app, args.tenant, g)).sort();
  const access = mintUserAccessToken(ctx.state, {
    resource: parsed.resource,
    app: args.app,
    appidacr: args.appidacr,
    user: args.user,
    tenant: args.tenant,
    scp,
  });
  const prefix =
    parsed.resource === 'https://graph.microsoft.com' ? 'https://graph.microsoft.com/' : `${parsed.resource}/`;
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: [...scp.map((s) => `${prefix}${s}`), ...parsed.oidc.filter((s) => s !== 'offline_access')].join(' '),
    expires_in: access.expiresIn,
    ext_expires_in: access.expiresIn,
    access_token: access.token,
    client_info: clientInfo(args.user, args.tenant),
  };
  if (parsed.oidc.includes('openid'))
    body.id_token = mintIdToken(ctx.state, ctx.origin, args.app, args.user, args.tenant, args.nonce);
  if (parsed.oidc.includes('offline_access')) {
    const rt = randomId(48);
    ctx.state.refreshTokens.set(rt, {
      clientId: args.app.clientId,
      user: args.user,
      tenant: args.tenant,
      scopes: args.scopeText.split(/\s+/),
      publicClient: args.publicClient,
      issuedAt: Date.now(),
    });
    body.refresh_token = rt;
  }
  return body;
}

function canonical(app: EmulatorApp, tenant: EmulatorTenant, lower: string): string {
  const all = [
    ...(app.requiredPermissions?.delegated ?? []),
    ...Object.values(tenant.delegatedGrants ?? {}).flat(),
    ...Object.values(tenant.userGrants ?? {}).flatMap((c) => Object.values(c).flat()),
  ];
  return all.find((p) => p.toLowerCase() === lower) ?? lower;
}

function clientCredentials(
  ctx: HandlerContext,
  tenant: EmulatorTenant,
  segment: string,
  clientId: string,
): Record<string, unknown> {
  const found = ctx.state.findApp(tenant, clientId);
  if (!found) throw appNotFound(clientId, tenant.tenantId);
  const scope = ctx.form.get('scope') ?? '';
  const items = scope.split(/\s+/).filter(Boolean);
  if (items.length !== 1 || !items[0]?.endsWith('/.default')) {
    throw new EntraError(
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  const parsed = parseScopes(scope, ctx.graphResources);
  const appidacr = authenticateClient(ctx, found.app, false, segment);
  const roles = tenant.applicationGrants?.[clientId] ?? [];
  const access = mintAppAccessToken(ctx.state, {
    resource: parsed.resource,
    app: found.app,
    appidacr: appidacr === '0' ? '1' : appidacr,
    tenant,
    roles,
  });
  return {
    token_type: 'Bearer',
    expires_in: access.expiresIn,
    ext_expires_in: access.expiresIn,
    access_token: access.token,
  };
}
