// The app-registration checklist: the exact values per option and cloud, the platform of each redirect URI,
// permissions by kind with their admin-consent flag, and links to the right admin center.
import { describe, expect, it } from 'vitest';
import { buildChecklist, type ChecklistRequest } from '../../../../src/core/wizard/checklist';

const CLIENT_ID = '6b8c1a2e-3f4d-4e5a-9b7c-1d2e3f4a5b6c';
const request = (overrides: Partial<ChecklistRequest> = {}): ChecklistRequest => ({
  auth: 'byo-app',
  environment: 'office365',
  customHosts: null,
  domain: 'cloud.example.com',
  audience: 'single-tenant',
  clientId: '',
  tenant: 'contoso.onmicrosoft.com',
  scopes: ['openid', 'offline_access', 'User.Read.All', 'Files.Read.All'],
  appOnlyPermissions: [],
  thumbprint: '',
  ...overrides,
});
const item = (c: ReturnType<typeof buildChecklist>, id: string) => c.items.find((i) => i.id === id)!;

describe('app-registration checklist', () => {
  it('bring your own app: the connector’s Web redirect URI from the domain and the loopback one for the test', () => {
    const c = buildChecklist(request());
    expect(c.items.map((i) => i.id)).toEqual(['register', 'redirect', 'credential', 'permissions', 'consent', 'ids']);
    expect(item(c, 'redirect').values.map((v) => [v.value, v.platform])).toEqual([
      ['https://cloud.example.com/provisioning_/callback', 'Web'],
      ['http://localhost', 'Web'],
    ]);
    expect(item(c, 'redirect').requiredForConnection).toBe(true);
    expect(item(c, 'credential').title).toBe('Create a client secret');
    expect(item(c, 'register').values).toEqual([{ label: 'Supported account types', value: 'Single tenant' }]);
    expect(buildChecklist(request({ audience: 'multi-tenant' })).items[0]!.values[0]!.value).toBe('Multitenant');
    expect(item(buildChecklist(request({ domain: '' })), 'redirect').values[0]).toMatchObject({
      value: '',
      note: 'Enter your domain to see it.',
    });
  });

  it('permissions by kind, which need admin consent, and the consent step that names them', () => {
    const c = buildChecklist(request({ auth: 'client-credentials', appOnlyPermissions: ['Sites.Read.All'] }));
    expect(item(c, 'permissions').values.map((v) => [v.value, v.kind, v.adminConsentRequired])).toEqual([
      ['openid', 'delegated', false],
      ['offline_access', 'delegated', false],
      ['User.Read.All', 'delegated', true],
      ['Files.Read.All', 'delegated', false],
      ['Sites.Read.All', 'application', true],
    ]);
    expect(item(c, 'consent').steps[1]).toBe(
      'These need admin consent: User.Read.All, Sites.Read.All. The Status column must show “Granted”.',
    );
    expect(item(c, 'consent').steps[0]).toContain('Grant admin consent for contoso.onmicrosoft.com');
    expect(item(c, 'redirect')).toMatchObject({
      requiredForConnection: false,
      values: [{ value: 'http://localhost', platform: 'Web' }],
    });
    const plain = buildChecklist(request({ scopes: ['User.Read'] }));
    expect(item(plain, 'consent').requiredForConnection).toBe(false);
  });

  it('a certificate: upload the .cer and compare the thumbprint', () => {
    const c = buildChecklist(request({ auth: 'certificate', thumbprint: 'A1B2C3' }));
    expect(item(c, 'credential')).toMatchObject({
      title: 'Upload the certificate',
      values: [{ label: 'Certificate thumbprint (SHA-1)', value: 'A1B2C3' }],
    });
    expect(item(c, 'credential').steps.join(' ')).toContain('never the .pfx');
  });

  it('links go to the cloud’s own admin center, and to the app’s pages once the client ID is known', () => {
    expect(item(buildChecklist(request()), 'ids').links).toEqual([
      {
        label: 'App registrations',
        url: 'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationsListBlade',
      },
    ]);
    const gov = buildChecklist(request({ environment: 'usgov-l4', clientId: CLIENT_ID }));
    expect(gov.adminCenterHost).toBe('entra.microsoft.us');
    expect(item(gov, 'redirect').links).toEqual([
      {
        label: 'Authentication',
        url: `https://entra.microsoft.us/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Authentication/appId/${CLIENT_ID}`,
      },
    ]);
    expect(item(gov, 'permissions').links[0]!.url).toContain('/~/CallAnAPI/appId/');
    expect(item(gov, 'credential').links[0]!.url).toContain('/~/Credentials/appId/');
    expect(buildChecklist(request({ environment: 'china' })).adminCenterHost).toBe('portal.azure.cn');
    const custom = buildChecklist(
      request({
        environment: 'custom',
        customHosts: { loginHost: 'login.example.net', graphHost: 'graph.example.net' },
      }),
    );
    expect(custom.cloudLabel).toContain('links open the global admin center');
  });

  it('a permission the catalog does not know says so', () => {
    const c = buildChecklist(request({ scopes: ['Files.Reed'] }));
    expect(item(c, 'permissions').values[0]).toMatchObject({
      value: 'Files.Reed',
      note: 'Not in the Microsoft Graph catalog: check the spelling.',
    });
  });
});
