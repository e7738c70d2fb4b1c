// Profile → test target: hosts per cloud, permissions to request, history summaries.
import { describe, expect, it } from 'vitest';
import { consentFacts, resultFacts } from '../../../../../src/core/signin/service/history-facts';
import {
  delegatedPermissions,
  offersAppOnly,
  signinTarget,
} from '../../../../../src/core/signin/service/signin-target';
import type { SignInResult } from '../../../../../src/shared/signin';

const base = {
  auth: 'certificate' as const,
  tenant: ' contoso.onmicrosoft.com ',
  clientId: ' abc ',
  scopes: [],
  appOnlyPermissions: [],
  customHosts: null,
};

describe('sign-in target', () => {
  it('leaves OpenID scopes, .default and duplicates out of the permissions to request', () => {
    expect(
      delegatedPermissions([
        'openid',
        'offline_access',
        'User.Read',
        'user.read',
        'https://graph.microsoft.com/.default',
        ' Files.Read ',
        'profile',
        'email',
      ]),
    ).toEqual(['User.Read', 'Files.Read']);
  });

  it('resolves the cloud’s hosts, or the Custom ones, and trims identifiers', () => {
    expect(signinTarget({ ...base, environment: 'china', upn: 'a@b.cn' })).toMatchObject({
      loginHost: 'login.chinacloudapi.cn',
      graphHost: 'microsoftgraph.chinacloudapi.cn',
      tenant: 'contoso.onmicrosoft.com',
      clientId: 'abc',
      upn: 'a@b.cn',
    });
    expect(
      signinTarget({
        ...base,
        environment: 'custom',
        customHosts: { loginHost: 'https://login.example.test/', graphHost: 'graph.example.test' },
      }),
    ).toMatchObject({ loginHost: 'login.example.test', graphHost: 'graph.example.test', upn: null });
    expect(() => signinTarget({ ...base, environment: 'custom' })).toThrow(
      expect.objectContaining({ code: 'signin.invalid_input' }),
    );
  });

  it('offers app-only tests for the certificate and client-credentials options only', () => {
    expect([offersAppOnly('certificate'), offersAppOnly('client-credentials'), offersAppOnly('byo-app')]).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('history summaries', () => {
  const result = (over: Partial<SignInResult>): SignInResult => ({
    flow: 'client-credentials',
    claims: null,
    permissions: {
      kind: 'application',
      required: ['Sites.Read.All', 'Files.Read.All'],
      granted: ['Sites.Read.All'],
      missing: ['Files.Read.All'],
      extra: [],
    },
    account: null,
    redirectUri: null,
    certificateForm: 'sha1',
    notes: [],
    expiresOn: null,
    ...over,
  });

  it('say what the test proved and what is missing, never a token', () => {
    const facts = resultFacts(result({ accessToken: 'eyJhbGciOi.secret.token' }), 'certificate');
    expect(facts.summary).toBe(
      'App-only token with the certificate (SHA-1 thumbprint form). 1 of 2 required application permission(s) granted; missing: Files.Read.All.',
    );
    expect(JSON.stringify(facts)).not.toContain('eyJ');
    expect(
      consentFacts({ consented: true, tenantReported: 't', verification: null, verificationNote: null }).summary,
    ).toBe('Admin consent granted. Not verified with a token.');
  });
});
