// App-only suggestions for OneDrive and SharePoint, and how a site is granted to an app with Sites.Selected.
import { describe, expect, it } from 'vitest';
import { appOnlySuggestions, siteGrant } from '../../../../src/core/permissions/app-only';
import type { ScopeBuild } from '../../../../src/shared/contract/scopes';
import { openContractHost } from '../app/contract-host';

const CLIENT_ID = '6b8c1a2e-3f4d-4e5a-9b7c-1d2e3f4a5b6c';

describe('app-only permissions for OneDrive and SharePoint', () => {
  it('suggests Files.Read.All, Sites.Read.All and Sites.Selected, each with what it reaches', () => {
    const s = appOnlySuggestions();
    expect(s.map((x) => x.value)).toEqual(['Files.Read.All', 'Sites.Read.All', 'Sites.Selected']);
    expect(s.every((x) => x.displayName.length > 0 && x.why.length > 20)).toBe(true);
  });

  it('writes the Sites.Selected grant for the app and cloud: the lookup, the POST with its body, and PnP PowerShell', () => {
    const g = siteGrant({ graphHost: 'graph.microsoft.us', clientId: CLIENT_ID, appName: 'Contoso "robot"' });
    expect(g.lookupUrl).toBe('https://graph.microsoft.us/v1.0/sites/{hostname}:/sites/{site-path}');
    expect(g.grantUrl).toBe('https://graph.microsoft.us/v1.0/sites/{site-id}/permissions');
    expect(JSON.parse(g.grantBody)).toEqual({
      roles: ['read'],
      grantedToIdentities: [{ application: { id: CLIENT_ID, displayName: 'Contoso "robot"' } }],
    });
    expect(g.powershell).toBe(
      `Grant-PnPAzureADAppSitePermission -AppId ${CLIENT_ID} -DisplayName "Contoso \`"robot\`"" -Site https://{hostname}/sites/{site-path} -Permissions Read`,
    );
    expect(g.steps.join(' ')).toContain('Sites.FullControl.All');
    expect(
      JSON.parse(siteGrant({ graphHost: 'graph.microsoft.com', clientId: '', appName: '' }).grantBody)
        .grantedToIdentities[0].application,
    ).toEqual({ id: '{client-id}', displayName: '{app name}' });
  });

  it('scopes.build offers the suggestions and adds the grant only when Sites.Selected is chosen', async () => {
    const h = openContractHost();
    const without = await h.ok<ScopeBuild>('scopes.build', {
      auth: 'client-credentials',
      application: ['Sites.Read.All'],
    });
    expect(without.appOnlySuggestions.map((x) => x.value)).toEqual([
      'Files.Read.All',
      'Sites.Read.All',
      'Sites.Selected',
    ]);
    expect(without.siteGrant).toBeNull();
    const withGrant = await h.ok<ScopeBuild>('scopes.build', {
      auth: 'client-credentials',
      application: ['sites.selected'],
      environment: 'china',
      clientId: CLIENT_ID,
      appName: 'Robot',
    });
    expect(withGrant.siteGrant?.grantUrl).toBe(
      'https://microsoftgraph.chinacloudapi.cn/v1.0/sites/{site-id}/permissions',
    );
    expect(withGrant.siteGrant?.grantBody).toContain(CLIENT_ID);
  });
});
