// Checks Entra makes before showing a sign-in page: tenant, client ID, audience and redirect URI.
import { type HandlerContext, sendErrorPage } from './context';
import { EntraError } from './errors';
import type { Transaction } from './state';

/** Resolve tenant, app and redirect URI, or answer with Entra's error page and return null. */
export function validateClient(
  ctx: HandlerContext,
  tenantSegment: string,
  clientId: string | null,
  redirectUri: string | null,
  allowExtraPath: boolean,
): Pick<Transaction, 'tenantSegment' | 'tenant' | 'app' | 'redirectUri' | 'platform'> | null {
  const resolved = ctx.state.resolveTenant(tenantSegment);
  if (!resolved) {
    sendErrorPage(ctx, tenantNotFound(tenantSegment));
    return null;
  }
  const tenant = 'tenant' in resolved ? resolved.tenant : null;
  if (!clientId) {
    sendErrorPage(
      ctx,
      new EntraError('invalid_request', 900144, "The request body must contain the following parameter: 'client_id'."),
    );
    return null;
  }
  const found = ctx.state.findApp(tenant, clientId);
  if (!found) {
    sendErrorPage(ctx, appNotFound(clientId, tenant?.tenantId ?? tenantSegment));
    return null;
  }
  if (!redirectUri) {
    sendErrorPage(ctx, new EntraError('invalid_request', 900971, 'No reply address provided.'));
    return null;
  }
  const { app } = found;
  if (!tenant && app.signInAudience === 'AzureADMyOrg') {
    sendErrorPage(
      ctx,
      new EntraError(
        'invalid_request',
        50194,
        `Application '${clientId}'(${app.displayName ?? clientId}) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.`,
      ),
    );
    return null;
  }
  if (![...(app.web ?? []), ...(app.publicClient ?? []), ...(app.spa ?? [])].length) {
    sendErrorPage(
      ctx,
      new EntraError('invalid_request', 500113, 'No reply address is registered for the application.'),
    );
    return null;
  }
  const platform = ctx.state.matchRedirect(app, redirectUri, allowExtraPath);
  if (!platform) {
    sendErrorPage(
      ctx,
      new EntraError(
        'invalid_request',
        50011,
        `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`,
      ),
    );
    return null;
  }
  return { tenantSegment, tenant, app, redirectUri, platform };
}

/** AADSTS90002, the answer for an unknown tenant (often the wrong cloud). */
export function tenantNotFound(segment: string): EntraError {
  return new EntraError(
    'invalid_tenant',
    90002,
    `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
  );
}

/** AADSTS700016, the answer for an unknown client ID. */
export function appNotFound(clientId: string, tenant: string): EntraError {
  return new EntraError(
    'unauthorized_client',
    700016,
    `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
  );
}
