import { WorkbenchError } from '../errors';
import type { EnvironmentEndpoints } from './environments';
import { isTenantSegment } from './formats';

/** Pages of one app registration in the Entra admin center. */
export type AppRegistrationPage = 'Overview' | 'Authentication' | 'Credentials' | 'CallAnAPI' | 'Manifest';

const registeredApps = '#view/Microsoft_AAD_RegisteredApps';

/** `https://{graphHost}`: the root of Microsoft Graph in this cloud. */
export function graphBaseUrl(cloud: Pick<EnvironmentEndpoints, 'graphHost'>): string {
  return `https://${cloud.graphHost}`;
}

/** The scope an app-only (client credentials) request must use: `https://{graphHost}/.default`. */
export function graphDefaultScope(cloud: Pick<EnvironmentEndpoints, 'graphHost'>): string {
  return `${graphBaseUrl(cloud)}/.default`;
}

/** A tenant as the path segment of a sign-in or consent address; anything else (`..`, `.`, a slash, spaces) is `signin.invalid_input`. */
export function tenantSegment(tenant: string): string {
  if (!isTenantSegment(tenant)) {
    throw new WorkbenchError(
      'signin.invalid_input',
      'The tenant ID is empty or contains characters a tenant cannot have, so no sign-in address was built with it.',
      {
        hint: 'Use the Directory (tenant) ID from the app registration overview, or a verified domain such as contoso.onmicrosoft.com.',
      },
    );
  }
  return encodeURIComponent(tenant.trim());
}

/** The authority for a tenant: `https://{loginHost}/{tenant}`. */
export function authorityUrl(cloud: Pick<EnvironmentEndpoints, 'loginHost'>, tenant: string): string {
  return `https://${cloud.loginHost}/${tenantSegment(tenant)}`;
}

/** The v2.0 token endpoint of a tenant. */
export function tokenEndpoint(cloud: Pick<EnvironmentEndpoints, 'loginHost'>, tenant: string): string {
  return `${authorityUrl(cloud, tenant)}/oauth2/v2.0/token`;
}

/**
 * The admin consent URL. With `scope` it is the v2.0 endpoint (which refuses `common`, so `common` becomes
 * `organizations`); without it the v1 endpoint, which consents to every permission the app registration lists.
 */
export function adminConsentUrl(
  cloud: Pick<EnvironmentEndpoints, 'loginHost'>,
  request: { tenant: string; clientId: string; redirectUri?: string; scope?: string; state?: string },
): string {
  const params = new URLSearchParams({ client_id: request.clientId.trim() });
  let url: string;
  if (request.scope) {
    const tenant = request.tenant.trim().toLowerCase() === 'common' ? 'organizations' : request.tenant;
    url = `${authorityUrl(cloud, tenant)}/v2.0/adminconsent`;
    params.set('scope', request.scope);
  } else {
    url = `${authorityUrl(cloud, request.tenant)}/adminconsent`;
  }
  if (request.redirectUri) params.set('redirect_uri', request.redirectUri);
  if (request.state) params.set('state', request.state);
  return `${url}?${params.toString()}`;
}

/** The App registrations list in this cloud's admin center. */
export function appRegistrationsUrl(cloud: Pick<EnvironmentEndpoints, 'entraAdminHost'>): string {
  return `https://${cloud.entraAdminHost}/${registeredApps}/ApplicationsListBlade`;
}

/** One app registration's page (Overview, Authentication, Certificates & secrets, API permissions) in this cloud's admin center. */
export function appRegistrationUrl(
  cloud: Pick<EnvironmentEndpoints, 'entraAdminHost'>,
  clientId: string,
  page: AppRegistrationPage = 'Overview',
): string {
  return `https://${cloud.entraAdminHost}/${registeredApps}/ApplicationMenuBlade/~/${page}/appId/${encodeURIComponent(clientId.trim())}`;
}
