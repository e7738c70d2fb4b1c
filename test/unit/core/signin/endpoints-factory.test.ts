import { ConfidentialClientApplication, PublicClientApplication } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import {
  authorityUrl,
  graphDefaultScope,
  graphScope,
  isMultiTenantSegment,
  microsoftLoginHosts,
  normaliseHost,
  signInHostsFor,
} from '../../../../src/core/signin/endpoints';
import { createMsalApp, validateEndpointInput } from '../../../../src/core/signin/msal-factory';
import { SigninNetworkClient } from '../../../../src/core/signin/network-client';
import { assertNamedTenant } from '../../../../src/core/signin/app-only';

describe('sign-in endpoints', () => {
  it('takes hosts from the environment table, Custom from the profile', () => {
    expect(signInHostsFor('office365')).toEqual({
      environment: 'office365',
      loginHost: 'login.microsoftonline.com',
      graphHost: 'graph.microsoft.com',
    });
    expect(signInHostsFor('usgov-l5').graphHost).toBe('dod-graph.microsoft.us');
    expect(signInHostsFor('china').loginHost).toBe('login.chinacloudapi.cn');
    expect(
      signInHostsFor('custom', { loginHost: 'https://login.contoso.test/', graphHost: 'graph.contoso.test' }),
    ).toEqual({ environment: 'custom', loginHost: 'login.contoso.test', graphHost: 'graph.contoso.test' });
    expect(() => signInHostsFor('custom')).toThrow(expect.objectContaining({ code: 'signin.invalid_input' }));
  });

  it('builds authorities and Graph scopes', () => {
    expect(authorityUrl('login.microsoftonline.us', 'contoso.onmicrosoft.us')).toBe(
      'https://login.microsoftonline.us/contoso.onmicrosoft.us',
    );
    expect(graphDefaultScope('graph.microsoft.us')).toBe('https://graph.microsoft.us/.default');
    expect(graphScope('microsoftgraph.chinacloudapi.cn', 'Files.Read')).toBe(
      'https://microsoftgraph.chinacloudapi.cn/Files.Read',
    );
    expect(graphScope('graph.microsoft.com', 'api://x/y')).toBe('api://x/y');
    expect(normaliseHost(' HTTPS://Login.Example/ ')).toBe('Login.Example');
    expect(microsoftLoginHosts).toEqual(
      expect.arrayContaining([
        'login.microsoftonline.com',
        'login.microsoftonline.us',
        'login.chinacloudapi.cn',
        'login.partner.microsoftonline.cn',
      ]),
    );
  });

  it('knows which tenants name no directory', () => {
    expect(isMultiTenantSegment(' Common ')).toBe(true);
    expect(isMultiTenantSegment('organizations')).toBe(true);
    expect(isMultiTenantSegment('contoso.onmicrosoft.com')).toBe(false);
    expect(() => assertNamedTenant('common', 'An app-only test')).toThrow(
      expect.objectContaining({ code: 'signin.tenant_required' }),
    );
  });
});

describe('msal factory', () => {
  const base = {
    loginHost: 'login.microsoftonline.com',
    tenant: 'contoso.onmicrosoft.com',
    clientId: '0f8fad5b-d9cb-469f-a165-70867728950e',
    networkClient: new SigninNetworkClient(),
  };

  it('makes a public client without a credential and a confidential one with a secret or certificate', () => {
    expect(createMsalApp({ ...base, credential: { kind: 'none' } })).toBeInstanceOf(PublicClientApplication);
    expect(createMsalApp({ ...base, credential: { kind: 'secret', secret: 's3cret-value' } })).toBeInstanceOf(
      ConfidentialClientApplication,
    );
    const cert = {
      kind: 'certificate' as const,
      privateKeyPem: '-----BEGIN PRIVATE KEY-----\nMII\n-----END PRIVATE KEY-----',
      thumbprintSha256Hex: 'AB'.repeat(32),
      thumbprintSha1Hex: 'CD:'.repeat(19) + 'CD',
    };
    expect(createMsalApp({ ...base, credential: cert, certificateForm: 'sha1' })).toBeInstanceOf(
      ConfidentialClientApplication,
    );
  });

  it('refuses malformed hosts, tenants and client IDs in plain words', () => {
    expect(() => validateEndpointInput({ ...base, loginHost: 'https://login.microsoftonline.com/path' })).toThrow(
      expect.objectContaining({ code: 'signin.invalid_input' }),
    );
    expect(() => validateEndpointInput({ ...base, tenant: 'has/slash' })).toThrow(
      expect.objectContaining({ code: 'signin.invalid_input', hint: expect.stringContaining('Directory (tenant) ID') }),
    );
    expect(() => validateEndpointInput({ ...base, clientId: '' })).toThrow(
      expect.objectContaining({
        code: 'signin.invalid_input',
        hint: expect.stringContaining('Application (client) ID'),
      }),
    );
    expect(() => validateEndpointInput({ ...base, loginHost: '127.0.0.1:4431' })).not.toThrow();
  });
});
