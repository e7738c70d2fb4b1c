// Microsoft Graph's app-registration endpoints over the emulator's in-memory directory: applications (by id and by
// appId), addPassword/removePassword, servicePrincipals, oauth2PermissionGrants and appRoleAssignedTo. Bodies are
// checked against the published v1.0 shapes; the token's scopes and the user's directory role are enforced.
import { randomUUID } from 'node:crypto';
import { type HandlerContext, sendJson } from '../context';
import type { JwtPayload } from './auth';
import {
  addPasswordBody,
  applicationBody,
  appRoleAssignmentBody,
  checkBody,
  permissionGrantBody,
  removePasswordBody,
  servicePrincipalBody,
} from './shapes';
import { isCertificate, type StoredApp, type TenantDirectory } from './store';
import type { GraphDirectories } from './directories';

type Need = { scopes: string[]; roles: string[] };
const READ: Need = { scopes: ['application.read.all', 'application.readwrite.all', 'directory.read.all'], roles: [] };
const WRITE_APPS: Need = {
  scopes: ['application.readwrite.all'],
  roles: ['Application Administrator', 'Cloud Application Administrator', 'Application Developer'],
};
const GRANTS: Need = {
  scopes: ['delegatedpermissiongrant.readwrite.all'],
  roles: ['Cloud Application Administrator', 'Application Administrator', 'Privileged Role Administrator'],
};
const ROLES: Need = { scopes: ['approleassignment.readwrite.all'], roles: ['Privileged Role Administrator'] };

/** Graph's error body. */
export function graphError(
  ctx: HandlerContext,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): void {
  ctx.log.error = code;
  ctx.log.status = status;
  ctx.res.writeHead(status, { 'content-type': 'application/json', 'request-id': randomUUID(), ...headers });
  ctx.res.end(
    JSON.stringify({
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString(), 'request-id': randomUUID(), 'client-request-id': randomUUID() },
      },
    }),
  );
}

const denied = (ctx: HandlerContext) =>
  graphError(ctx, 403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');
const badRequest = (ctx: HandlerContext, message: string) => graphError(ctx, 400, 'Request_BadRequest', message);
const notFound = (ctx: HandlerContext, what: string) =>
  graphError(
    ctx,
    404,
    'Request_ResourceNotFound',
    `Resource '${what}' does not exist or one of its queried reference-property objects are not present.`,
  );

/** Route a directory request; false when the path is not one of these endpoints. */
export function handleDirectory(
  ctx: HandlerContext,
  graph: GraphDirectories,
  claims: JwtPayload,
  body: unknown,
): boolean {
  const path = decodeURIComponent(ctx.url.pathname).replace(/\/$/, '');
  const method = ctx.req.method ?? 'GET';
  const m = {
    apps: path === '/v1.0/applications',
    byAppId: /^\/v1\.0\/applications\(appId='([^']+)'\)(?:\/(addPassword|removePassword))?$/.exec(path),
    byId: /^\/v1\.0\/applications\/([0-9a-f-]{36})(?:\/(addPassword|removePassword))?$/i.exec(path),
    sps: path === '/v1.0/servicePrincipals',
    spByAppId: /^\/v1\.0\/servicePrincipals\(appId='([^']+)'\)$/.exec(path),
    assignedTo: /^\/v1\.0\/servicePrincipals\/([0-9a-f-]{36})\/appRoleAssignedTo$/i.exec(path),
    grants: path === '/v1.0/oauth2PermissionGrants',
  };
  if (!Object.values(m).some(Boolean)) return false;
  const dir = graph.forTenant(String(claims.tid ?? ''));
  if (!dir) {
    graphError(ctx, 401, 'InvalidAuthenticationToken', 'Access token validation failure: unknown tenant.');
    return true;
  }
  graph.requests.push({ method, path: ctx.url.pathname + ctx.url.search, body, aud: String(claims.aud ?? '') });
  const throttle = graph.behaviour.throttle;
  if (throttle && throttle.count > 0) {
    throttle.count -= 1;
    graphError(ctx, 429, 'TooManyRequests', 'Too many requests.', {
      'retry-after': String(throttle.retryAfterSeconds),
    });
    return true;
  }
  const allowed = (need: Need): boolean => {
    const scp = String(claims.scp ?? '')
      .toLowerCase()
      .split(' ');
    if (!need.scopes.some((s) => scp.includes(s))) return false;
    if (need.roles.length === 0) return true;
    const user = dir.tenant.users?.find((u) => u.upn.toLowerCase() === String(claims.upn ?? '').toLowerCase());
    return !!user && (user.isAdmin === true || (user.directoryRoles ?? []).some((r) => need.roles.includes(r)));
  };
  const replicating = (appId: string): boolean => {
    const left = graph.replicationLeft.get(appId) ?? 0;
    if (left <= 0) return false;
    graph.replicationLeft.set(appId, left - 1);
    return true;
  };

  if (m.apps && method === 'POST') {
    if (!allowed(WRITE_APPS)) return (void denied(ctx), true);
    const checked = checkBody(applicationBody, body, 'application');
    if (!checked.ok) return (void badRequest(ctx, checked.message), true);
    if ((checked.value.keyCredentials ?? []).some((k) => k.key && !isCertificate(k.key)))
      return (void badRequest(ctx, "Invalid value specified for property 'key' of resource 'KeyCredential'."), true);
    const stored = dir.create(checked.value);
    graph.replicationLeft.set(stored.object.appId, graph.behaviour.replicationMisses ?? 0);
    sendJson(ctx, 201, {
      '@odata.context': `${audOrigin(claims)}/v1.0/$metadata#applications/$entity`,
      ...stored.object,
    });
    return true;
  }
  const appMatch = m.byAppId ?? m.byId;
  if (appMatch) {
    const stored = m.byAppId ? dir.byAppId(appMatch[1] ?? '') : dir.apps.get(appMatch[1] ?? '');
    const action = appMatch[2];
    if (!stored || replicating(stored.object.appId)) return (void notFound(ctx, appMatch[1] ?? ''), true);
    if (!action && method === 'GET') {
      if (!allowed(READ)) return (void denied(ctx), true);
      return (void sendJson(ctx, 200, view(stored, ctx.url.searchParams.get('$select'), claims)), true);
    }
    if (!allowed(WRITE_APPS)) return (void denied(ctx), true);
    if (!action && method === 'PATCH') {
      const checked = checkBody(applicationBody, body, 'application');
      if (!checked.ok) return (void badRequest(ctx, checked.message), true);
      const keys = checked.value.keyCredentials ?? [];
      if (
        keys.some((k) => !k.key && !(k.keyId && (stored.object.keyCredentials ?? []).some((e) => e.keyId === k.keyId)))
      ) {
        return (
          void badRequest(
            ctx,
            'Key credential key is required; existing credentials must be sent with their key (read them with $select=keyCredentials).',
          ),
          true
        );
      }
      if (keys.some((k) => k.key && !isCertificate(k.key)))
        return (void badRequest(ctx, "Invalid value specified for property 'key' of resource 'KeyCredential'."), true);
      dir.update(stored, checked.value);
      ctx.log.status = 204;
      ctx.res.writeHead(204, { 'request-id': randomUUID() });
      ctx.res.end();
      return true;
    }
    if (action === 'addPassword' && method === 'POST') {
      const checked = checkBody(addPasswordBody, body ?? {}, 'passwordCredential');
      if (!checked.ok) return (void badRequest(ctx, checked.message), true);
      return (
        void sendJson(ctx, 200, {
          '@odata.context': `${audOrigin(claims)}/v1.0/$metadata#microsoft.graph.passwordCredential`,
          ...dir.addPassword(stored, checked.value.passwordCredential),
        }),
        true
      );
    }
    if (action === 'removePassword' && method === 'POST') {
      const checked = checkBody(removePasswordBody, body, 'passwordCredential');
      if (!checked.ok) return (void badRequest(ctx, checked.message), true);
      if (!dir.removePassword(stored, checked.value.keyId))
        return (void badRequest(ctx, `No password credential found with keyId ${checked.value.keyId}.`), true);
      ctx.log.status = 204;
      ctx.res.writeHead(204);
      ctx.res.end();
      return true;
    }
    return (void badRequest(ctx, `Unsupported request ${method} ${path}.`), true);
  }
  if (m.sps && method === 'POST') {
    if (!allowed(WRITE_APPS)) return (void denied(ctx), true);
    const checked = checkBody(servicePrincipalBody, body, 'servicePrincipal');
    if (!checked.ok) return (void badRequest(ctx, checked.message), true);
    const app = dir.byAppId(checked.value.appId);
    if (!app || replicating(checked.value.appId))
      return (
        void badRequest(
          ctx,
          `The appId '${checked.value.appId}' of the service principal does not reference a valid application object.`,
        ),
        true
      );
    if ([...dir.servicePrincipals.values()].some((s) => s.appId === app.object.appId)) {
      return (
        void graphError(
          ctx,
          409,
          'Request_MultipleObjectsWithSameKeyValue',
          'The service principal cannot be created, updated, or restored because the service principal name is already in use.',
        ),
        true
      );
    }
    const sp = {
      id: randomUUID(),
      appId: app.object.appId,
      displayName: app.object.displayName ?? '',
      servicePrincipalType: 'Application',
      accountEnabled: true,
    };
    dir.servicePrincipals.set(sp.id, sp);
    return (
      void sendJson(ctx, 201, {
        '@odata.context': `${audOrigin(claims)}/v1.0/$metadata#servicePrincipals/$entity`,
        ...sp,
      }),
      true
    );
  }
  if (m.spByAppId && method === 'GET') {
    if (!allowed(READ)) return (void denied(ctx), true);
    const sp = [...dir.servicePrincipals.values()].find(
      (s) => s.appId.toLowerCase() === (m.spByAppId?.[1] ?? '').toLowerCase(),
    );
    if (!sp) return (void notFound(ctx, m.spByAppId[1] ?? ''), true);
    return (void sendJson(ctx, 200, sp), true);
  }
  if (m.grants && method === 'POST') {
    if (!allowed(GRANTS)) return (void denied(ctx), true);
    const checked = checkBody(permissionGrantBody, body, 'oAuth2PermissionGrant');
    if (!checked.ok) return (void badRequest(ctx, checked.message), true);
    if (!dir.servicePrincipals.has(checked.value.clientId) || !dir.servicePrincipals.has(checked.value.resourceId))
      return (void badRequest(ctx, 'Invalid clientId or resourceId.'), true);
    const grant = { id: randomUUID().replace(/-/g, ''), ...checked.value };
    dir.grant(grant);
    return (void sendJson(ctx, 201, grant), true);
  }
  if (m.assignedTo && method === 'POST') {
    if (!allowed(ROLES)) return (void denied(ctx), true);
    const checked = checkBody(appRoleAssignmentBody, body, 'appRoleAssignment');
    if (!checked.ok) return (void badRequest(ctx, checked.message), true);
    if (checked.value.resourceId !== m.assignedTo[1] || !dir.servicePrincipals.has(checked.value.principalId))
      return (void badRequest(ctx, 'Invalid principalId or resourceId.'), true);
    const assignment = {
      id: randomUUID(),
      principalType: 'ServicePrincipal',
      createdDateTime: new Date().toISOString(),
      ...checked.value,
    };
    dir.assign(assignment);
    return (void sendJson(ctx, 201, assignment), true);
  }
  badRequest(ctx, `Unsupported request ${method} ${path}.`);
  return true;
}

function audOrigin(claims: JwtPayload): string {
  return String(claims.aud ?? 'https://graph.microsoft.com').replace(/\/$/, '');
}

/** The application as Graph returns it: `key` of each keyCredential only with $select=keyCredentials. */
function view(stored: StoredApp, select: string | null, claims: JwtPayload): Record<string, unknown> {
  const fields =
    select
      ?.split(',')
      .map((f) => f.trim())
      .filter(Boolean) ?? null;
  const withKeys = fields?.includes('keyCredentials') ?? false;
  const full: Record<string, unknown> = {
    ...stored.object,
    keyCredentials: (stored.object.keyCredentials ?? []).map((k) => ({ ...k, key: withKeys ? k.key : null })),
  };
  const picked = fields ? Object.fromEntries(fields.filter((f) => f in full).map((f) => [f, full[f]])) : full;
  return { '@odata.context': `${audOrigin(claims)}/v1.0/$metadata#applications/$entity`, ...picked };
}

export type { TenantDirectory };
