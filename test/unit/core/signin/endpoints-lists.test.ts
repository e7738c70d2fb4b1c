// The two lists endpoints.ts builds when it loads: the sign-in hosts msal-node knows itself (no discovery call for
// them) and the tenant words that name no directory. Each test imports the module afresh, so a change to how the lists
// are built shows here (Stryker switches a mutant on only after the first import; docs/testing.md, Mutation testing).
import { describe, expect, it, vi } from 'vitest';

const fresh = async () => {
  vi.resetModules();
  return import('../../../../src/core/signin/endpoints');
};

describe('lists built when the endpoints module loads', () => {
  it('msal-node’s own hosts: each cloud’s sign-in host and its login.* aliases, once each, and not sts.windows.net', async () => {
    const { microsoftLoginHosts } = await fresh();
    expect([...microsoftLoginHosts].sort()).toEqual([
      'login.chinacloudapi.cn',
      'login.microsoft.com',
      'login.microsoftonline.com',
      'login.microsoftonline.us',
      'login.partner.microsoftonline.cn',
      'login.usgovcloudapi.net',
      'login.windows.net',
    ]);
  });

  it('common, organizations and consumers name no directory; a tenant domain or an empty word does', async () => {
    const { isMultiTenantSegment, multiTenantSegments } = await fresh();
    expect(multiTenantSegments).toEqual(['common', 'organizations', 'consumers']);
    for (const t of ['common', 'Organizations', ' consumers ']) expect(isMultiTenantSegment(t), t).toBe(true);
    for (const t of ['', 'contoso.onmicrosoft.com', '72f988bf-86f1-41af-91ab-2d7cd011db47'])
      expect(isMultiTenantSegment(t), t).toBe(false);
  });
});
