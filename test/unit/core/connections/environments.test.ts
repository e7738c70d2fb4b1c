import { describe, expect, it } from 'vitest';
import {
  adminConsentUrl,
  appRegistrationUrl,
  appRegistrationsUrl,
  cloudsForDomain,
  endpointsFor,
  environments,
  graphDefaultScope,
  microsoftHosts,
  tokenEndpoint,
} from '../../../../src/core/connections';
import { CLIENT_ID } from './fixtures';

describe('environments', () => {
  it('one table: sign-in host, Graph host and admin center per cloud, and the connector’s names', () => {
    expect(Object.values(environments).map((e) => [e.id, e.loginHost, e.graphHost, e.connectorLabel])).toEqual([
      ['office365', 'login.microsoftonline.com', 'graph.microsoft.com', 'Office 365'],
      ['usgov-l4', 'login.microsoftonline.us', 'graph.microsoft.us', 'US Government L4'],
      ['usgov-l5', 'login.microsoftonline.us', 'dod-graph.microsoft.us', 'US Government L5'],
      ['china', 'login.chinacloudapi.cn', 'microsoftgraph.chinacloudapi.cn', 'China'],
    ]);
    expect(microsoftHosts).toContain('entra.microsoft.us');
  });

  it('builds token, /.default, consent and App registrations URLs from the table', () => {
    const l5 = endpointsFor('usgov-l5');
    expect(tokenEndpoint(l5, 'contoso.onmicrosoft.us')).toBe(
      'https://login.microsoftonline.us/contoso.onmicrosoft.us/oauth2/v2.0/token',
    );
    expect(graphDefaultScope(l5)).toBe('https://dod-graph.microsoft.us/.default');
    expect(adminConsentUrl(endpointsFor('office365'), { tenant: 'contoso.com', clientId: CLIENT_ID })).toBe(
      `https://login.microsoftonline.com/contoso.com/adminconsent?client_id=${CLIENT_ID}`,
    );
    expect(
      adminConsentUrl(endpointsFor('china'), {
        tenant: 'common',
        clientId: CLIENT_ID,
        scope: 'https://microsoftgraph.chinacloudapi.cn/.default',
        redirectUri: 'http://localhost:3874',
      }),
    ).toBe(
      `https://login.chinacloudapi.cn/organizations/v2.0/adminconsent?client_id=${CLIENT_ID}&scope=https%3A%2F%2Fmicrosoftgraph.chinacloudapi.cn%2F.default&redirect_uri=http%3A%2F%2Flocalhost%3A3874`,
    );
    expect(appRegistrationsUrl(endpointsFor('usgov-l4'))).toBe(
      'https://entra.microsoft.us/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
    );
    expect(appRegistrationUrl(endpointsFor('office365'), CLIENT_ID, 'CallAnAPI')).toBe(
      `https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/CallAnAPI/appId/${CLIENT_ID}`,
    );
    expect(
      tokenEndpoint(endpointsFor('custom', { loginHost: 'login.example.com', graphHost: 'graph.example.com' }), 'x'),
    ).toBe('https://login.example.com/x/oauth2/v2.0/token');
  });

  it('tells which clouds a tenant domain belongs to', () => {
    expect(cloudsForDomain('contoso.onmicrosoft.us')).toEqual(['usgov-l4', 'usgov-l5']);
    expect(cloudsForDomain('Contoso.Partner.OnMSChina.cn')).toEqual(['china']);
    expect(cloudsForDomain('contoso.onmicrosoft.com')).toEqual(['office365']);
    expect(cloudsForDomain('contoso.com')).toEqual([]);
  });
});
