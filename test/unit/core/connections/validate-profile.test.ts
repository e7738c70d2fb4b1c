import { describe, expect, it } from 'vitest';
import { validateProfile } from '../../../../src/core/connections/validation/validate-profile';
import type { ValidationContext } from '../../../../src/core/connections/validation/types';
import { profileFindingCodes, type ProfileFinding, type ProfileFindingCode } from '../../../../src/shared/connections';
import { CERTIFICATE, CLIENT_ID, CLIENT_SECRET, drafts, fields, NOW, TENANT_ID } from './fixtures';

const certOk: ValidationContext = { now: NOW, storedSecrets: { pfx: 'stored', pfxPassword: 'stored' } };
const secretOk: ValidationContext = { now: NOW, storedSecrets: { clientSecret: 'stored' } };

const cert = (o: Record<string, unknown> = {}, ctx: ValidationContext = {}) =>
  validateProfile(fields(drafts.certificate(), o), { ...certOk, ...ctx });
const cc = (o: Record<string, unknown> = {}, ctx: ValidationContext = {}) =>
  validateProfile(fields(drafts['client-credentials'](), o), { ...secretOk, ...ctx });
const byo = (o: Record<string, unknown> = {}, ctx: ValidationContext = {}) =>
  validateProfile(fields(drafts['byo-app'](), o), { ...secretOk, ...ctx });
const inDays = (days: number) => new Date(NOW.getTime() + days * 86_400_000).toISOString();

interface Case {
  code: ProfileFindingCode;
  severity: ProfileFinding['severity'];
  field: string;
  trigger: () => ProfileFinding[];
  quiet: () => ProfileFinding[];
  says?: RegExp;
}

const cases: Case[] = [
  {
    code: 'name.missing',
    severity: 'error',
    field: 'name',
    trigger: () => cc({ name: '  ' }),
    quiet: () => cc({ name: 'x' }),
  },
  {
    code: 'client_id.missing',
    severity: 'error',
    field: 'clientId',
    trigger: () => cc({ clientId: '' }),
    quiet: () => cc(),
  },
  {
    code: 'client_id.not_guid',
    severity: 'error',
    field: 'clientId',
    trigger: () => cc({ clientId: 'my-app' }),
    quiet: () => cc({ clientId: CLIENT_ID.toUpperCase() }),
    says: /GUID/,
  },
  {
    code: 'client_id.is_graph',
    severity: 'error',
    field: 'clientId',
    trigger: () => cc({ clientId: '00000003-0000-0000-c000-000000000000' }),
    quiet: () => cc(),
    says: /Microsoft Graph itself/,
  },
  {
    code: 'client_id.same_as_tenant',
    severity: 'warning',
    field: 'clientId',
    trigger: () => cc({ clientId: TENANT_ID }),
    quiet: () => cc(),
  },
  {
    code: 'tenant.missing',
    severity: 'error',
    field: 'tenant',
    trigger: () => cert({ tenant: '' }),
    quiet: () => cert(),
  },
  {
    code: 'tenant.invalid',
    severity: 'error',
    field: 'tenant',
    trigger: () => cc({ tenant: 'contoso' }),
    quiet: () => cc({ tenant: 'contoso.com' }),
    says: /GUID.*domain.*common/,
  },
  {
    code: 'tenant.invalid',
    severity: 'error',
    field: 'tenant',
    trigger: () => cc({ tenant: 'https://login.microsoftonline.com/contoso.com' }),
    quiet: () => cc({ tenant: 'organizations' }),
    says: /not a URL/,
  },
  {
    code: 'tenant.consumers',
    severity: 'error',
    field: 'tenant',
    trigger: () => cc({ tenant: 'consumers' }),
    quiet: () => cc({ tenant: 'common' }),
  },
  {
    code: 'tenant.other_cloud',
    severity: 'warning',
    field: 'tenant',
    trigger: () => cc({ tenant: 'contoso.onmicrosoft.us' }),
    quiet: () => cc({ tenant: 'contoso.onmicrosoft.us', environment: 'usgov-l5' }),
    says: /US Government/,
  },
  {
    code: 'tenant.other_cloud',
    severity: 'warning',
    field: 'tenant',
    trigger: () => cc({ tenant: 'contoso.partner.onmschina.cn', environment: 'usgov-l4' }),
    quiet: () => cc({ tenant: 'contoso.partner.onmschina.cn', environment: 'china' }),
    says: /China/,
  },
  {
    code: 'tenant.other_cloud',
    severity: 'warning',
    field: 'tenant',
    trigger: () => cc({ tenant: 'contoso.onmicrosoft.com', environment: 'china' }),
    quiet: () => cc({ tenant: 'contoso.com', environment: 'china' }),
    says: /Office 365/,
  },
  {
    code: 'tenant.app_only_needs_tenant',
    severity: 'warning',
    field: 'tenant',
    trigger: () => cc({ tenant: 'common' }, { appOnlyTest: true }),
    quiet: () => cc({ tenant: TENANT_ID }, { appOnlyTest: true }),
    says: /AADSTS90010.*AADSTS9001023/,
  },
  {
    code: 'tenant.app_only_needs_tenant',
    severity: 'warning',
    field: 'tenant',
    trigger: () => cert({ tenant: 'organizations', appOnlyPermissions: ['Files.Read.All'] }),
    quiet: () => cert({ tenant: 'organizations' }),
  },
  {
    code: 'tenant.single_tenant_common',
    severity: 'warning',
    field: 'tenant',
    trigger: () => byo({ tenant: 'common' }),
    quiet: () => byo({ tenant: 'common', audience: 'multi-tenant' }),
    says: /AADSTS50194/,
  },
  { code: 'upn.missing', severity: 'error', field: 'upn', trigger: () => cert({ upn: '' }), quiet: () => cert() },
  {
    code: 'upn.invalid',
    severity: 'error',
    field: 'upn',
    trigger: () => cert({ upn: 'robot at contoso.com' }),
    quiet: () => cert({ upn: 'first.last@contoso.co.uk' }),
  },
  {
    code: 'upn.invalid',
    severity: 'error',
    field: 'upn',
    trigger: () => cert({ upn: 'robot@contoso' }),
    quiet: () => cert(),
  },
  {
    code: 'upn.guest',
    severity: 'warning',
    field: 'upn',
    trigger: () => cert({ upn: 'ann_fabrikam.com#EXT#@contoso.onmicrosoft.com' }),
    quiet: () => cert({ upn: 'ann@contoso.onmicrosoft.com' }),
  },
  {
    code: 'upn.other_cloud',
    severity: 'warning',
    field: 'upn',
    trigger: () => cert({ upn: 'robot@contoso.onmicrosoft.us' }),
    quiet: () => cert({ upn: 'robot@contoso.onmicrosoft.us', environment: 'usgov-l4', tenant: TENANT_ID }),
  },
  {
    code: 'domain.missing',
    severity: 'error',
    field: 'domain',
    trigger: () => byo({ domain: '' }),
    quiet: () => byo(),
  },
  {
    code: 'domain.has_scheme',
    severity: 'error',
    field: 'domain',
    trigger: () => byo({ domain: 'https://cloud.example.com/' }),
    quiet: () => byo({ domain: 'cloud.example.com' }),
    says: /host name only/,
  },
  {
    code: 'domain.invalid',
    severity: 'error',
    field: 'domain',
    trigger: () => byo({ domain: 'cloud_example.com' }),
    quiet: () => byo({ domain: 'cloud-example.com' }),
  },
  {
    code: 'redirect_uri.invalid',
    severity: 'error',
    field: 'redirectUri',
    trigger: () => byo({ domain: `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(50)}.com` }),
    quiet: () => byo({ domain: `${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.com` }),
    says: /256/,
  },
  {
    code: 'redirect_uri.mismatch',
    severity: 'warning',
    field: 'redirectUri',
    trigger: () =>
      validateProfile({ ...fields(drafts['byo-app']()), redirectUri: 'https://cloud.example.com/callback' }, secretOk),
    quiet: () =>
      validateProfile(
        { ...fields(drafts['byo-app']()), redirectUri: 'https://cloud.example.com/provisioning_/callback' },
        secretOk,
      ),
  },
  {
    code: 'environment.custom_hosts_missing',
    severity: 'error',
    field: 'customHosts.loginHost',
    trigger: () => cc({ environment: 'custom' }),
    quiet: () =>
      cc({ environment: 'custom', customHosts: { loginHost: 'login.example.com', graphHost: 'graph.example.com' } }),
  },
  {
    code: 'environment.host_not_https',
    severity: 'error',
    field: 'customHosts.graphHost',
    trigger: () =>
      cc({
        environment: 'custom',
        customHosts: { loginHost: 'login.example.com', graphHost: 'http://graph.example.com' },
      }),
    quiet: () =>
      cc({ environment: 'custom', customHosts: { loginHost: 'login.example.com', graphHost: 'graph.example.com' } }),
  },
  {
    code: 'environment.host_invalid',
    severity: 'error',
    field: 'customHosts.loginHost',
    trigger: () =>
      cc({ environment: 'custom', customHosts: { loginHost: 'login example', graphHost: 'graph.example.com' } }),
    quiet: () =>
      cc({ environment: 'custom', customHosts: { loginHost: 'login.example.com', graphHost: 'graph.example.com' } }),
  },
  {
    code: 'environment.hosts_ignored',
    severity: 'info',
    field: 'customHosts',
    trigger: () => cc({ customHosts: { loginHost: 'login.example.com', graphHost: 'graph.example.com' } }),
    quiet: () => cc({ customHosts: null }),
  },
  {
    code: 'certificate.missing',
    severity: 'error',
    field: 'certificate',
    trigger: () => cert({ certificate: null }),
    quiet: () => cert(),
  },
  {
    code: 'certificate.missing',
    severity: 'error',
    field: 'secrets.pfx',
    trigger: () => cert({}, { storedSecrets: { pfx: 'missing', pfxPassword: 'stored' } }),
    quiet: () => cert({}, { secretInputs: { pfx: 'MIIK' }, storedSecrets: { pfx: 'missing', pfxPassword: 'stored' } }),
  },
  {
    code: 'certificate.password_missing',
    severity: 'warning',
    field: 'secrets.pfxPassword',
    trigger: () => cert({}, { storedSecrets: { pfx: 'stored', pfxPassword: 'missing' } }),
    quiet: () => cert(),
  },
  {
    code: 'certificate.expired',
    severity: 'error',
    field: 'certificate.notAfter',
    trigger: () => cert({ certificate: { ...CERTIFICATE, notAfter: '2025-12-31T00:00:00Z' } }),
    quiet: () => cert(),
    says: /2025-12-31/,
  },
  {
    code: 'certificate.expires_soon',
    severity: 'warning',
    field: 'certificate.notAfter',
    trigger: () => cert({ certificate: { ...CERTIFICATE, notAfter: inDays(10) } }),
    quiet: () => cert({ certificate: { ...CERTIFICATE, notAfter: inDays(45) } }),
    says: /10 days/,
  },
  {
    code: 'client_secret.missing',
    severity: 'error',
    field: 'secrets.clientSecret',
    trigger: () => cc({}, { storedSecrets: { clientSecret: 'missing' } }),
    quiet: () => cc({}, { storedSecrets: { clientSecret: 'missing' }, secretInputs: { clientSecret: CLIENT_SECRET } }),
  },
  {
    code: 'client_secret.missing',
    severity: 'error',
    field: 'secrets.clientSecret',
    trigger: () => byo({}, { secretInputs: { clientSecret: null } }),
    quiet: () => byo(),
  },
  {
    code: 'client_secret.looks_like_secret_id',
    severity: 'warning',
    field: 'secrets.clientSecret',
    trigger: () => cc({}, { secretInputs: { clientSecret: '8e1f3c2a-1111-4222-8333-944455556666' } }),
    quiet: () => cc({}, { secretInputs: { clientSecret: CLIENT_SECRET } }),
    says: /AADSTS7000215/,
  },
  {
    code: 'client_secret.whitespace',
    severity: 'warning',
    field: 'secrets.clientSecret',
    trigger: () => byo({}, { secretInputs: { clientSecret: `${CLIENT_SECRET}\n` } }),
    quiet: () => byo({}, { secretInputs: { clientSecret: CLIENT_SECRET } }),
  },
  {
    code: 'secret_expiry.invalid',
    severity: 'error',
    field: 'secretExpiresAt',
    trigger: () => cc({ secretExpiresAt: '31/12/2026' }),
    quiet: () => cc({ secretExpiresAt: '2026-12-31' }),
  },
  {
    code: 'secret_expiry.invalid',
    severity: 'error',
    field: 'secretExpiresAt',
    trigger: () => cc({ secretExpiresAt: '2026-02-30' }),
    quiet: () => cc({ secretExpiresAt: '2026-02-28T10:00:00+01:00' }),
  },
  {
    code: 'secret_expiry.expired',
    severity: 'error',
    field: 'secretExpiresAt',
    trigger: () => cc({ secretExpiresAt: '2026-01-14' }),
    quiet: () => cc({ secretExpiresAt: '2026-12-31' }),
    says: /AADSTS7000222/,
  },
  {
    code: 'secret_expiry.soon',
    severity: 'warning',
    field: 'secretExpiresAt',
    trigger: () => byo({ secretExpiresAt: '2026-02-01' }),
    quiet: () => byo({ secretExpiresAt: '2026-03-01' }),
    says: /17 days/,
  },
  {
    code: 'scopes.missing_minimum',
    severity: 'error',
    field: 'scopes',
    trigger: () => cert({ scopes: ['Files.Read'] }),
    quiet: () => cert({ scopes: ['User.Read.All', 'Files.Read', 'offline_access'] }),
    says: /User\.Read or User\.Read\.All/,
  },
  {
    code: 'scopes.missing_minimum',
    severity: 'error',
    field: 'scopes',
    trigger: () => byo({ scopes: ['offline_access', 'User.Read', 'Files.Read'] }),
    quiet: () => byo(),
    says: /openid/,
  },
  {
    code: 'scopes.no_offline_access',
    severity: 'warning',
    field: 'scopes',
    trigger: () => byo({ scopes: ['openid', 'User.Read', 'Files.Read'] }),
    quiet: () => byo(),
    says: /refresh token/,
  },
  {
    code: 'scopes.no_offline_access',
    severity: 'info',
    field: 'scopes',
    trigger: () => cc({ scopes: ['Files.Read'] }),
    quiet: () => cc({ scopes: ['Files.Read', 'OFFLINE_ACCESS'] }),
  },
  {
    code: 'scopes.unknown',
    severity: 'warning',
    field: 'scopes',
    trigger: () => cc({ scopes: ['offline_access', 'Files.Read', 'Files.Reed'] }),
    quiet: () => cc({ scopes: ['offline_access', 'Files.Read', 'https://graph.microsoft.com/Files.Read.All'] }),
  },
  {
    code: 'scopes.application_only',
    severity: 'error',
    field: 'scopes',
    trigger: () => cc({ scopes: ['offline_access', 'Files.Read', 'Application.ReadWrite.OwnedBy'] }),
    quiet: () => cc({ scopes: ['offline_access', 'Files.Read', 'Sites.Read.All'] }),
  },
  {
    code: 'scopes.default_scope',
    severity: 'info',
    field: 'scopes',
    trigger: () => cc({ scopes: ['offline_access', 'Files.Read', 'https://graph.microsoft.com/.default'] }),
    quiet: () => cc(),
  },
  {
    code: 'scopes.duplicate',
    severity: 'info',
    field: 'scopes',
    trigger: () => cc({ scopes: ['offline_access', 'Files.Read', 'files.read'] }),
    quiet: () => cc(),
  },
  {
    code: 'scopes.least_privilege',
    severity: 'info',
    field: 'scopes',
    trigger: () => cc({ scopes: ['offline_access', 'Files.Read', 'Sites.FullControl.All'] }),
    quiet: () => cc({ scopes: ['offline_access', 'Files.Read', 'Sites.Read.All'] }),
  },
  {
    code: 'app_only.sign_in_scope',
    severity: 'error',
    field: 'appOnlyPermissions',
    trigger: () => cc({ appOnlyPermissions: ['openid', 'Files.Read.All'] }),
    quiet: () => cc({ appOnlyPermissions: ['Files.Read.All'] }),
    says: /https:\/\/graph\.microsoft\.com\/\.default/,
  },
  {
    code: 'app_only.delegated_only',
    severity: 'error',
    field: 'appOnlyPermissions',
    trigger: () =>
      cert({ appOnlyPermissions: ['Files.Read'], environment: 'usgov-l5', tenant: TENANT_ID, upn: 'robot@contoso.us' }),
    quiet: () =>
      cert({
        appOnlyPermissions: ['Files.Read.All'],
        environment: 'usgov-l5',
        tenant: TENANT_ID,
        upn: 'robot@contoso.us',
      }),
    says: /Files\.Read\.All.*dod-graph\.microsoft\.us\/\.default|dod-graph\.microsoft\.us\/\.default.*Files\.Read\.All/,
  },
  {
    code: 'app_only.delegated_only',
    severity: 'error',
    field: 'appOnlyPermissions',
    trigger: () => cc({ appOnlyPermissions: ['User.Read'] }),
    quiet: () => cc({ appOnlyPermissions: ['User.Read.All'] }),
    says: /User\.Read\.All/,
  },
  {
    code: 'app_only.unknown_permission',
    severity: 'error',
    field: 'appOnlyPermissions',
    trigger: () => cc({ appOnlyPermissions: ['Files.Everything'] }),
    quiet: () => cc({ appOnlyPermissions: ['Sites.Selected'] }),
  },
  {
    code: 'app_only.least_privilege',
    severity: 'info',
    field: 'appOnlyPermissions',
    trigger: () => cc({ appOnlyPermissions: ['Sites.Read.All'] }),
    quiet: () => cc({ appOnlyPermissions: ['Sites.Selected'] }),
    says: /Sites\.Selected/,
  },
  {
    code: 'app_only.no_permissions',
    severity: 'info',
    field: 'appOnlyPermissions',
    trigger: () => cc({}, { appOnlyTest: true }),
    quiet: () => cc({ appOnlyPermissions: ['Files.Read.All'] }, { appOnlyTest: true }),
    says: /\.default.*Files\.Read\.All/,
  },
];

const codesOf = (findings: ProfileFinding[]) => findings.map((f) => f.code);

describe('profile validation', () => {
  it.each(Object.keys(drafts) as Array<keyof typeof drafts>)('the %s fixture has no errors or warnings', (auth) => {
    const ctx = auth === 'certificate' ? certOk : secretOk;
    expect(validateProfile(fields(drafts[auth]()), ctx).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it.each(cases.map((c, i) => [`${c.code} #${i}`, c] as const))(
    '%s: triggered, and quiet on the near miss',
    (_name, c) => {
      const hit = c.trigger().filter((f) => f.code === c.code);
      expect(hit.length, JSON.stringify(c.trigger(), null, 1)).toBeGreaterThan(0);
      expect(hit[0]).toMatchObject({ severity: c.severity, field: c.field });
      expect(hit[0]?.message.length).toBeGreaterThan(20);
      if (c.says) expect(hit.map((f) => f.message).join(' ')).toMatch(c.says);
      expect(codesOf(c.quiet())).not.toContain(c.code);
    },
  );

  it('has a triggering case for every value rule (file rules are covered by the lint tests)', () => {
    const covered = new Set(cases.map((c) => c.code));
    const valueCodes = profileFindingCodes.filter((c) => !c.startsWith('file.') && c !== 'auth.invalid');
    expect(valueCodes.filter((c) => !covered.has(c))).toEqual([]);
  });

  it('never repeats a secret in a message', () => {
    const secretId = '8e1f3c2a-1111-4222-8333-944455556666';
    const findings = [
      ...cc({}, { secretInputs: { clientSecret: secretId } }),
      ...byo({}, { secretInputs: { clientSecret: ` ${CLIENT_SECRET} ` } }),
    ];
    const text = JSON.stringify(findings);
    expect(text).not.toContain(secretId);
    expect(text).not.toContain(CLIENT_SECRET);
  });

  it('skips secret presence checks when the vault state is unknown (a profile file on its own)', () => {
    const codes = codesOf(validateProfile(fields(drafts['client-credentials']()), { now: NOW }));
    expect(codes).not.toContain('client_secret.missing');
    expect(codesOf(validateProfile(fields(drafts.certificate()), { now: NOW }))).not.toContain(
      'certificate.password_missing',
    );
  });
});
