import type { EnvironmentId } from '../../shared/environments';

/** Where a cloud signs users in, serves Microsoft Graph and hosts its admin centers. */
export interface EnvironmentEndpoints {
  id: EnvironmentId;
  /** Sign-in (authority) host, e.g. `login.microsoftonline.com`. */
  loginHost: string;
  /** Other sign-in hosts Microsoft treats as the same cloud. */
  loginAliases: string[];
  /** Microsoft Graph host, e.g. `graph.microsoft.com`. */
  graphHost: string;
  /** Entra admin center host (app registrations). */
  entraAdminHost: string;
  /** Azure portal host. */
  portalHost: string;
  /** Tenant domain suffix that belongs to this cloud. */
  tenantDomainSuffix: string | null;
  /** What the connector's connection page calls this environment; null when the page does not offer it. */
  connectorLabel: string | null;
}

/**
 * One table for every cloud; sign-in, consent URLs and portal links read from it.
 * Sources: entra-docs authentication-national-cloud.md, Graph docs deployments.md (see docs/sources.md).
 */
export const environments: Record<Exclude<EnvironmentId, 'custom'>, EnvironmentEndpoints> = {
  office365: {
    id: 'office365',
    loginHost: 'login.microsoftonline.com',
    loginAliases: ['login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
    graphHost: 'graph.microsoft.com',
    entraAdminHost: 'entra.microsoft.com',
    portalHost: 'portal.azure.com',
    tenantDomainSuffix: 'onmicrosoft.com',
    connectorLabel: 'Office 365',
  },
  'usgov-l4': {
    id: 'usgov-l4',
    loginHost: 'login.microsoftonline.us',
    loginAliases: ['login.usgovcloudapi.net'],
    graphHost: 'graph.microsoft.us',
    entraAdminHost: 'entra.microsoft.us',
    portalHost: 'portal.azure.us',
    tenantDomainSuffix: 'onmicrosoft.us',
    connectorLabel: 'US Government L4',
  },
  'usgov-l5': {
    id: 'usgov-l5',
    loginHost: 'login.microsoftonline.us',
    loginAliases: ['login.usgovcloudapi.net'],
    graphHost: 'dod-graph.microsoft.us',
    entraAdminHost: 'entra.microsoft.us',
    portalHost: 'portal.azure.us',
    tenantDomainSuffix: 'onmicrosoft.us',
    connectorLabel: 'US Government L5',
  },
  china: {
    id: 'china',
    loginHost: 'login.chinacloudapi.cn',
    loginAliases: ['login.partner.microsoftonline.cn'],
    graphHost: 'microsoftgraph.chinacloudapi.cn',
    entraAdminHost: 'portal.azure.cn',
    portalHost: 'portal.azure.cn',
    tenantDomainSuffix: 'partner.onmschina.cn',
    connectorLabel: 'China',
  },
};

/** Hosts given by the admin for the Custom environment (https only). */
export interface CustomHosts {
  loginHost: string;
  graphHost: string;
}

/** Endpoints of an environment; Custom needs the admin's hosts. */
export function endpointsFor(id: EnvironmentId, custom?: CustomHosts | null): EnvironmentEndpoints {
  if (id !== 'custom') return environments[id];
  if (!custom) throw new Error('The Custom environment needs a sign-in host and a Graph host.');
  return {
    id: 'custom',
    loginHost: custom.loginHost,
    loginAliases: [],
    graphHost: custom.graphHost,
    entraAdminHost: environments.office365.entraAdminHost,
    portalHost: environments.office365.portalHost,
    tenantDomainSuffix: null,
    connectorLabel: null,
  };
}

/** Strip a scheme and trailing slash an admin may have typed. */
export function normaliseHost(host: string): string {
  return host
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '');
}

/** Sign-in and admin-center hosts of the four Microsoft clouds: the only hosts the app opens in the browser. */
export const microsoftHosts: readonly string[] = [
  ...new Set(
    Object.values(environments).flatMap((e) => [
      e.loginHost,
      ...e.loginAliases.filter((a) => a.startsWith('login.')),
      e.entraAdminHost,
      e.portalHost,
    ]),
  ),
];

/** The Microsoft clouds whose tenant domains end like this one (e.g. `contoso.onmicrosoft.us` → both US Government clouds); empty for custom domains. */
export function cloudsForDomain(domain: string): Array<Exclude<EnvironmentId, 'custom'>> {
  const host = domain.trim().toLowerCase().replace(/\.$/, '');
  return Object.values(environments)
    .filter(
      (e) =>
        e.tenantDomainSuffix !== null && (host === e.tenantDomainSuffix || host.endsWith(`.${e.tenantDomainSuffix}`)),
    )
    .map((e) => e.id as Exclude<EnvironmentId, 'custom'>);
}
