import type { EnvironmentId } from '../../shared/environments';
import {
  authorityUrl as cloudAuthorityUrl,
  graphDefaultScope as cloudGraphDefaultScope,
} from '../connections/cloud-urls';
import { type CustomHosts, endpointsFor, environments, normaliseHost } from '../connections/environments';
import { WorkbenchError } from '../errors';

/** The hosts one sign-in test talks to. */
export interface SignInHosts {
  environment: EnvironmentId;
  /** Sign-in host, may carry a port for a Custom environment (e.g. `127.0.0.1:4431`). */
  loginHost: string;
  /** Microsoft Graph host. */
  graphHost: string;
}

/** Sign-in and Graph hosts of a cloud, or of a Custom environment. */
export function signInHostsFor(environment: EnvironmentId, custom?: CustomHosts | null): SignInHosts {
  if (environment === 'custom' && !custom) {
    throw new WorkbenchError('signin.invalid_input', 'The Custom environment needs a sign-in host and a Graph host.', {
      hint: 'Enter both hosts in the connection profile, for example login.contoso.test and graph.contoso.test.',
    });
  }
  const e = endpointsFor(environment, custom);
  return { environment, loginHost: normaliseHost(e.loginHost), graphHost: normaliseHost(e.graphHost) };
}

export { normaliseHost };

/** Sign-in hosts msal-node knows itself (hard-coded metadata, no discovery call). */
export const microsoftLoginHosts: readonly string[] = [
  ...new Set(
    Object.values(environments).flatMap((e) => [e.loginHost, ...e.loginAliases.filter((a) => a.startsWith('login'))]),
  ),
];

/** `https://<login host>/<tenant>`: the authority msal is given, unchanged for Microsoft clouds. */
export function authorityUrl(loginHost: string, tenant: string): string {
  return cloudAuthorityUrl({ loginHost: normaliseHost(loginHost) }, tenant);
}

/** The app-only scope for Microsoft Graph on a host: `https://<graph host>/.default`. */
export function graphDefaultScope(graphHost: string): string {
  return cloudGraphDefaultScope({ graphHost: normaliseHost(graphHost) });
}

/** A delegated Graph permission as a scope string on the cloud's Graph host. */
export function graphScope(graphHost: string, permission: string): string {
  return permission.includes('/') ? permission : `https://${normaliseHost(graphHost)}/${permission}`;
}

/** Tenants that name no directory: fine for user sign-in, wrong for app-only tokens. */
export const multiTenantSegments: readonly string[] = ['common', 'organizations', 'consumers'];

/** True for common / organizations / consumers. */
export function isMultiTenantSegment(tenant: string): boolean {
  return multiTenantSegments.includes(tenant.trim().toLowerCase());
}
