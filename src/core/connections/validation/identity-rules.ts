import { environmentLabels, type EnvironmentId } from '../../../shared/environments';
import type { ProfileFinding } from '../../../shared/connections';
import { GRAPH_RESOURCE_APP_ID } from '../../permissions/catalog';
import { cloudsForDomain } from '../environments';
import { isGuid, isUpn, quote, tenantKind, upnDomain } from '../formats';
import { finding, type Rule } from './types';

/** Name, client ID, tenant ID and the account UPN. */
export const identityRules: Rule[] = [
  ({ profile }) =>
    profile.name.trim() === ''
      ? [
          finding(
            'name.missing',
            'error',
            'name',
            'Give the profile a name so you can find it again, e.g. “Contoso – OneDrive robot”.',
          ),
        ]
      : [],

  ({ profile }) => {
    const clientId = profile.clientId.trim();
    if (clientId === '') {
      return [
        finding(
          'client_id.missing',
          'error',
          'clientId',
          'Enter the client ID: the Application (client) ID on the Overview page of the app registration in Microsoft Entra.',
        ),
      ];
    }
    if (!isGuid(clientId)) {
      return [
        finding(
          'client_id.not_guid',
          'error',
          'clientId',
          `The client ID must be a GUID such as 11111111-2222-3333-4444-555555555555; ${quote(clientId)} is not one. Copy the Application (client) ID from the app registration's Overview page.`,
        ),
      ];
    }
    if (clientId.toLowerCase() === GRAPH_RESOURCE_APP_ID) {
      return [
        finding(
          'client_id.is_graph',
          'error',
          'clientId',
          `${GRAPH_RESOURCE_APP_ID} is the ID of Microsoft Graph itself, not of your app. Copy the Application (client) ID from your app registration's Overview page.`,
        ),
      ];
    }
    if (clientId.toLowerCase() === profile.tenant.trim().toLowerCase()) {
      return [
        finding(
          'client_id.same_as_tenant',
          'warning',
          'clientId',
          'The client ID is the same as the tenant ID. Check that you copied the Application (client) ID, not the Directory (tenant) ID.',
        ),
      ];
    }
    return [];
  },

  ({ profile }) => {
    const kind = tenantKind(profile.tenant);
    if (kind === 'empty') {
      return [
        finding(
          'tenant.missing',
          'error',
          'tenant',
          'Enter the tenant ID: the Directory (tenant) ID GUID from the app registration’s Overview page, or a verified domain such as contoso.onmicrosoft.com.',
        ),
      ];
    }
    if (kind === 'invalid') {
      const url = /^https?:\/\//i.test(profile.tenant.trim());
      return [
        finding(
          'tenant.invalid',
          'error',
          'tenant',
          url
            ? 'Enter the tenant only, not a URL: the Directory (tenant) ID GUID or a domain such as contoso.onmicrosoft.com.'
            : `The tenant must be a GUID (the Directory (tenant) ID), a domain such as contoso.onmicrosoft.com or contoso.com, or “common” / “organizations”; ${quote(profile.tenant)} is none of these.`,
        ),
      ];
    }
    if (kind === 'consumers') {
      return [
        finding(
          'tenant.consumers',
          'error',
          'tenant',
          '“consumers” signs in personal Microsoft accounts only; OneDrive for work or school and SharePoint need a work or school tenant. Enter your tenant ID or domain.',
        ),
      ];
    }
    return [];
  },

  ({ profile }) =>
    tenantKind(profile.tenant) === 'domain'
      ? otherCloud('tenant.other_cloud', 'tenant', profile.tenant.trim(), profile.environment)
      : [],

  ({ profile, appOnly, appOnlyTest }) => {
    const kind = tenantKind(profile.tenant);
    if (!appOnly || (kind !== 'common' && kind !== 'organizations')) return [];
    const what = appOnlyTest
      ? 'An app-only test (the client credentials grant)'
      : 'App-only access (the client credentials grant, used with the application permissions chosen here)';
    return [
      finding(
        'tenant.app_only_needs_tenant',
        'warning',
        'tenant',
        `${what} cannot use “${kind}”: Microsoft’s token endpoint refuses app-only requests there (AADSTS90010 / AADSTS9001023: the grant type is not supported over the /common or /consumers endpoints), and Microsoft’s guidance is to name the tenant${kind === 'organizations' ? ' rather than use organizations' : ''}. Enter the customer’s tenant ID or domain for the test.`,
      ),
    ];
  },

  ({ profile }) => {
    if (profile.auth !== 'byo-app' || profile.audience !== 'single-tenant') return [];
    const kind = tenantKind(profile.tenant);
    if (kind !== 'common' && kind !== 'organizations') return [];
    return [
      finding(
        'tenant.single_tenant_common',
        'warning',
        'tenant',
        `A single-tenant app cannot sign users in over “${kind}” (AADSTS50194). Enter your tenant ID or domain, or set the app registration's supported account types to multiple organizations and choose multi-tenant here.`,
      ),
    ];
  },

  ({ profile }) => {
    if (profile.auth !== 'certificate') return [];
    const upn = profile.upn.trim();
    if (upn === '')
      return [
        finding(
          'upn.missing',
          'error',
          'upn',
          'Enter the UPN of the account the connection signs in as, e.g. robot@contoso.com: the certificate option requires it.',
        ),
      ];
    if (!isUpn(upn))
      return [
        finding(
          'upn.invalid',
          'error',
          'upn',
          `A UPN looks like name@domain, e.g. robot@contoso.com; ${quote(upn)} does not.`,
        ),
      ];
    const out: ProfileFinding[] = [];
    if (/#ext#/i.test(upn)) {
      out.push(
        finding(
          'upn.guest',
          'warning',
          'upn',
          'This is a guest account’s UPN (it contains #EXT#). Use an account that is a member of the tenant the connection reaches; guests often lack a OneDrive there.',
        ),
      );
    }
    out.push(...otherCloud('upn.other_cloud', 'upn', upnDomain(upn) ?? '', profile.environment));
    return out;
  },
];

function otherCloud(
  code: 'tenant.other_cloud' | 'upn.other_cloud',
  field: string,
  domain: string,
  environment: EnvironmentId,
): ProfileFinding[] {
  const clouds = cloudsForDomain(domain);
  if (clouds.length === 0 || environment === 'custom' || clouds.includes(environment)) return [];
  const names = clouds.map((c) => environmentLabels[c]).join(' or ');
  return [
    finding(
      code,
      'warning',
      field,
      `${domain} is a domain of ${names}, but the environment is ${environmentLabels[environment]}. Tokens do not cross clouds: choose ${names}, or check the ${field === 'upn' ? 'UPN' : 'tenant'}.`,
    ),
  ];
}
