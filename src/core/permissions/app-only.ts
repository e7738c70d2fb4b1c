import type { AppOnlySuggestion, SiteGrant } from '../../shared/permissions';
import { findPermission } from './catalog';

const suggestions: Array<[string, string]> = [
  [
    'Files.Read.All',
    'Reads the files of every OneDrive and site in the tenant: what the connector’s file actions need without a signed-in user.',
  ],
  ['Sites.Read.All', 'Reads the items of every site collection, lists as well as libraries, in the tenant.'],
  [
    'Sites.Selected',
    'Only the sites an administrator grants, one by one: the least privilege when the automation works with a few sites.',
  ],
];

/** The application permissions that fit app-only access to OneDrive and SharePoint, least privilege last. */
export function appOnlySuggestions(): AppOnlySuggestion[] {
  return suggestions.map(([value, why]) => ({
    value,
    displayName: findPermission(value, 'application')?.displayName ?? value,
    why,
  }));
}

/** How a site is granted to an app that has Sites.Selected: there is no admin-center page for it, only Microsoft Graph or PowerShell. */
export function siteGrant(options: { graphHost: string; clientId: string; appName: string }): SiteGrant {
  const id = options.clientId.trim() || '{client-id}';
  const name = options.appName.trim() || '{app name}';
  const body = { roles: ['read'], grantedToIdentities: [{ application: { id, displayName: name } }] };
  return {
    steps: [
      'Grant admin consent for Sites.Selected on the app registration (API permissions). On its own it reaches no site.',
      'Find the site’s id: GET the lookup address below with the site’s host name and path (e.g. contoso.sharepoint.com and /sites/Finance).',
      'As a SharePoint or Global Administrator (Sites.FullControl.All), POST the grant below to that site — in Graph Explorer, or with the PnP PowerShell line. Use "write" instead of "read" if the automation changes files.',
      'Repeat for each site; run the Workbench’s app-only test afterwards to see the token.',
    ],
    lookupUrl: `https://${options.graphHost}/v1.0/sites/{hostname}:/sites/{site-path}`,
    grantUrl: `https://${options.graphHost}/v1.0/sites/{site-id}/permissions`,
    grantBody: JSON.stringify(body, null, 2),
    powershell: `Grant-PnPAzureADAppSitePermission -AppId ${id} -DisplayName "${name.replace(/"/g, '`"')}" -Site https://{hostname}/sites/{site-path} -Permissions Read`,
  };
}
