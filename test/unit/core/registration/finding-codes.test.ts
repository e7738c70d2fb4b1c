// Every finding code: a manifest (built in both formats where the format can express it) that triggers it, and a
// close variant that does not. The good manifests of each option give no findings at all.
import { describe, expect, it } from 'vitest';
import { environments } from '../../../../src/core/connections/environments';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import type { VerifyTarget } from '../../../../src/core/registration/verify-target';
import {
  registrationFindingCodes,
  type ManifestFormat,
  type RegistrationFindingCode,
  type VerifyReport,
} from '../../../../src/shared/registration';
import {
  APP_ID,
  goodCertificateSpec,
  goodSpec,
  goodTarget,
  inDays,
  manifestJson,
  NOW,
  OBJECT_ID,
  otherCertificateDer,
  recordingCertificate,
  toGraph,
  type AppSpec,
} from './manifest-builders';

type Mutate = (spec: AppSpec, target: VerifyTarget) => void;

interface Case {
  code: RegistrationFindingCode;
  /** Which good manifest and profile to start from. */
  base?: 'byo' | 'certificate' | 'manifest-only';
  formats?: ManifestFormat[];
  trigger: Mutate;
  /** A near variant that must not produce the code (default: the untouched base). */
  clean?: Mutate;
  /** Build the triggering text directly, for cases a spec cannot express. */
  text?: (format: ManifestFormat, spec: AppSpec) => string;
}

const nothing: Mutate = () => {};

const cases: Case[] = [
  // reading the manifest
  { code: 'manifest.app_id_missing', trigger: (s) => void (s.appId = null) },
  {
    code: 'manifest.unexpected_value',
    trigger: nothing,
    text: (format, spec) => JSON.stringify({ ...JSON.parse(manifestJson(spec, format)), keyCredentials: 'not a list' }),
  },
  {
    code: 'manifest.secret_text_present',
    trigger: (s) => void (s.secrets[0]!.secretText = 'Xy~8Q~not-a-real-secret-value-0123456789'),
  },
  {
    code: 'manifest.mixed_format',
    formats: ['graph'],
    trigger: nothing,
    text: (_f, spec) =>
      JSON.stringify({ ...toGraph(spec), replyUrlsWithType: [], allowPublicClient: false, oauth2Permissions: [] }),
  },
  {
    code: 'manifest.several_apps',
    formats: ['graph'],
    trigger: nothing,
    text: (_f, spec) =>
      JSON.stringify({
        '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#applications',
        value: [toGraph(spec), toGraph({ ...spec, appId: OBJECT_ID })],
      }),
  },
  {
    code: 'manifest.template',
    trigger: nothing,
    text: (format, spec) =>
      JSON.stringify({ ...JSON.parse(manifestJson(spec, format)), appId: '${{AAD_APP_CLIENT_ID}}' }),
  },
  {
    code: 'manifest.partial',
    trigger: nothing,
    text: (format, spec) =>
      JSON.stringify({ requiredResourceAccess: JSON.parse(manifestJson(spec, format)).requiredResourceAccess }),
  },
  {
    code: 'manifest.app_id_placeholder',
    trigger: (s) => void (s.appId = '*****'),
    clean: (s) => void (s.appId = APP_ID.toUpperCase()),
  },
  {
    code: 'manifest.duplicate_key',
    trigger: nothing,
    text: (format, spec) => manifestJson(spec, format).replace('{', '{\n  "signInAudience": "AzureADMultipleOrgs",'),
  },
  { code: 'key_credential.no_dates', base: 'certificate', trigger: (s) => void (s.keys[0]!.end = null) },
  {
    code: 'key_credential.identifier_unreadable',
    base: 'certificate',
    trigger: (s) => void (s.keys[0]!.customKeyIdentifier = Buffer.from('My app cert').toString('base64')),
  },
  { code: 'key_credential.expired', base: 'manifest-only', trigger: (s) => void (s.keys[0]!.end = inDays(-1)) },
  {
    code: 'key_credential.expiring',
    base: 'manifest-only',
    trigger: (s) => void (s.keys[0]!.end = inDays(10)),
    clean: (s) => void (s.keys[0]!.end = inDays(31)),
  },
  { code: 'password_credential.no_dates', trigger: (s) => void (s.secrets[0]!.end = null) },
  {
    code: 'password_credential.expired',
    base: 'manifest-only',
    trigger: (s) => void (s.secrets = [{ hint: 'abc', end: inDays(-3) }]),
  },
  {
    code: 'password_credential.expiring',
    base: 'manifest-only',
    trigger: (s) => void (s.secrets = [{ hint: 'abc', end: inDays(29) }]),
    clean: (s) => void (s.secrets = [{ hint: 'abc', end: inDays(31) }]),
  },
  // identity and audience
  {
    code: 'client_id.mismatch',
    trigger: (_s, t) => void (t.clientId = OBJECT_ID),
    clean: (_s, t) => void (t.clientId = APP_ID.toUpperCase()),
  },
  { code: 'audience.missing', trigger: (s) => void (s.audience = null) },
  {
    code: 'audience.single_tenant_shared_endpoint',
    trigger: (_s, t) => void (t.tenant = 'common'),
    clean: (s, t) => ((s.audience = 'AzureADMultipleOrgs'), (t.tenant = 'common')),
  },
  {
    code: 'audience.personal_accounts_only',
    trigger: (s) => ((s.audience = 'PersonalMicrosoftAccount'), (s.tokenVersion = 2)),
  },
  {
    code: 'audience.consumers_tenant',
    trigger: (s, t) => (
      (s.audience = 'AzureADandPersonalMicrosoftAccount'),
      (s.tokenVersion = 2),
      (t.tenant = 'consumers')
    ),
  },
  {
    code: 'audience.multi_tenant_needed',
    trigger: (_s, t) => void (t.tenancy = 'multi'),
    clean: (s, t) => ((s.audience = 'AzureADMultipleOrgs'), (t.tenancy = 'multi')),
  },
  {
    code: 'audience.wider_than_needed',
    trigger: (s) => ((s.audience = 'AzureADandPersonalMicrosoftAccount'), (s.tokenVersion = 2)),
    clean: (s, t) => ((s.audience = 'AzureADMultipleOrgs'), (t.tenancy = 'multi')),
  },
  {
    code: 'audience.token_version',
    base: 'manifest-only',
    trigger: (s) => void (s.audience = 'AzureADandPersonalMicrosoftAccount'),
    clean: (s) => ((s.audience = 'AzureADandPersonalMicrosoftAccount'), (s.tokenVersion = 2)),
  },
  {
    code: 'audience.app_only_needs_tenant',
    base: 'certificate',
    trigger: (s, t) => (
      (s.audience = 'AzureADMultipleOrgs'),
      (t.tenant = 'organizations'),
      (t.applicationPermissions = ['Files.Read.All']),
      s.permissions.push({ name: 'Files.Read.All', kind: 'application' })
    ),
    clean: (s, t) => (
      (t.applicationPermissions = ['Files.Read.All']),
      s.permissions.push({ name: 'Files.Read.All', kind: 'application' })
    ),
  },
  // redirect URIs
  { code: 'redirect.byo_callback_missing', trigger: (s) => void s.redirects.shift() },
  { code: 'redirect.byo_domain_unknown', trigger: (_s, t) => void delete t.domain },
  {
    code: 'redirect.loopback_missing',
    trigger: (s) => void s.redirects.pop(),
    clean: (s) => void (s.redirects[1] = { uri: 'http://localhost:8400', platform: 'web' }),
  },
  { code: 'redirect.wrong_platform', trigger: (s) => void (s.redirects[1]!.platform = 'publicClient') },
  {
    code: 'redirect.case_mismatch',
    trigger: (s) => void (s.redirects[0]!.uri = 'https://contoso.com/Provisioning_/Callback'),
    clean: (s) => void (s.redirects[0]!.uri = 'https://CONTOSO.com/provisioning_/callback'),
  },
  {
    code: 'redirect.trailing_slash',
    trigger: (s) => void (s.redirects[0]!.uri = 'https://contoso.com/provisioning_/callback/'),
    clean: (s) => void (s.redirects[1]!.uri = 'http://localhost/'),
  },
  { code: 'redirect.scheme_mismatch', trigger: (s) => void (s.redirects[1]!.uri = 'https://localhost') },
  {
    code: 'redirect.loopback_ip_literal',
    trigger: (s) => void (s.redirects[1]!.uri = 'http://127.0.0.1'),
    clean: (s) => void (s.redirects[1]!.uri = 'http://localhost:3874'),
  },
  {
    code: 'redirect.http_not_localhost',
    trigger: (s) => void s.redirects.push({ uri: 'http://contoso.com/signin', platform: 'web' }),
    clean: (s) =>
      void s.redirects.push(
        { uri: 'http://127.0.0.1/signin', platform: 'web' },
        { uri: 'http://localhost/x', platform: 'web' },
      ),
  },
  {
    code: 'redirect.ipv6_loopback',
    trigger: (s) => void s.redirects.push({ uri: 'http://[::1]/cb', platform: 'publicClient' }),
  },
  {
    code: 'redirect.invalid_uri',
    trigger: (s) => void s.redirects.push({ uri: 'https://contoso.com/a,b', platform: 'web' }),
    clean: (s) =>
      void s.redirects.push(
        { uri: 'urn:ietf:wg:oauth:2.0:oob', platform: 'publicClient' },
        { uri: `msal${APP_ID}://auth`, platform: 'publicClient' },
      ),
  },
  {
    code: 'redirect.localhost_port_variants',
    trigger: (s) => void s.redirects.push({ uri: 'http://localhost:3874', platform: 'publicClient' }),
    clean: (s) => void s.redirects.push({ uri: 'http://localhost/desktop', platform: 'publicClient' }),
  },
  { code: 'redirect.implicit_grant_enabled', trigger: (s) => void (s.implicitIdTokens = true) },
  {
    code: 'public_client.enabled_for_confidential',
    trigger: (s) => void (s.publicClient = true),
    clean: (s, t) => ((s.publicClient = true), (t.auth = null)),
  },
  // API permissions
  {
    code: 'permission.minimum_missing',
    trigger: (s) => void (s.permissions = s.permissions.filter((p) => !('name' in p) || p.name !== 'Files.Read')),
    clean: (s) =>
      void (s.permissions = s.permissions.map((p) =>
        'name' in p && p.name === 'User.Read' ? { name: 'User.Read.All', kind: 'delegated' as const } : p,
      )),
  },
  {
    code: 'permission.sign_in_scope_missing',
    trigger: (s) => void (s.permissions = s.permissions.filter((p) => !('name' in p) || p.name !== 'offline_access')),
  },
  {
    code: 'permission.trigger_missing',
    trigger: (_s, t) => void (t.triggerDelegated = ['Sites.Read.All']),
    clean: (s, t) => (
      (t.triggerDelegated = ['Sites.Read.All']),
      s.permissions.push({ name: 'Sites.Read.All', kind: 'delegated' })
    ),
  },
  {
    code: 'permission.delegated_missing',
    trigger: (_s, t) => void t.delegatedScopes.push('Files.ReadWrite'),
    clean: (_s, t) =>
      void t.delegatedScopes.push('https://graph.microsoft.com/Files.Read', 'https://graph.microsoft.com/.default'),
  },
  {
    code: 'permission.application_missing',
    base: 'certificate',
    trigger: (_s, t) => void (t.applicationPermissions = ['Files.Read.All']),
    clean: (s, t) => (
      (t.applicationPermissions = ['Files.Read.All']),
      s.permissions.push({ name: 'Files.Read.All', kind: 'application' })
    ),
  },
  {
    code: 'permission.no_application_form',
    base: 'certificate',
    trigger: (_s, t) => void (t.applicationPermissions = ['Files.Read']),
  },
  {
    code: 'permission.role_instead_of_scope',
    trigger: (s, t) => (
      (t.triggerDelegated = ['Files.Read.All']),
      s.permissions.push({ name: 'Files.Read.All', kind: 'application' })
    ),
    clean: (s, t) => (
      (t.triggerDelegated = ['Files.Read.All']),
      s.permissions.push({ name: 'Files.Read.All', kind: 'delegated' })
    ),
  },
  {
    code: 'permission.scope_instead_of_role',
    base: 'certificate',
    trigger: (s, t) => (
      (t.applicationPermissions = ['Sites.Read.All']),
      s.permissions.push({ name: 'Sites.Read.All', kind: 'delegated' })
    ),
  },
  {
    code: 'permission.unknown_id',
    trigger: (s) =>
      void s.permissions.push({
        resourceAppId: '00000003-0000-0000-c000-000000000000',
        id: '12345678-1234-1234-1234-123456789012',
        type: 'Scope',
      }),
  },
  {
    code: 'permission.unknown_name',
    trigger: (s) => void s.permissions.push({ resourceAppId: 'Microsoft Graph', id: 'Files.Reed', type: 'Scope' }),
    clean: (s) => void s.permissions.push({ resourceAppId: 'Microsoft Graph', id: 'files.read', type: 'Scope' }),
  },
  {
    code: 'permission.id_kind_mismatch',
    // 01d4889c-… is the application permission Files.Read.All, listed here as a delegated Scope.
    trigger: (s) =>
      void s.permissions.push({
        resourceAppId: '00000003-0000-0000-c000-000000000000',
        id: '01d4889c-1287-42c6-ac1f-5d1e02578ef6',
        type: 'Scope',
      }),
  },
  {
    code: 'permission.more_privilege',
    trigger: (s, t) => (
      (t.triggerDelegated = ['Sites.Read.All']),
      s.permissions.push(
        { name: 'Sites.Read.All', kind: 'delegated' },
        { name: 'Sites.FullControl.All', kind: 'delegated' },
      )
    ),
    clean: (s, t) => (
      (t.triggerDelegated = ['Sites.Read.All']),
      s.permissions.push({ name: 'Sites.Read.All', kind: 'delegated' })
    ),
  },
  { code: 'permission.not_needed', trigger: (s) => void s.permissions.push({ name: 'Mail.Read', kind: 'delegated' }) },
  {
    code: 'permission.admin_consent_required',
    trigger: (s, t) => (
      (t.requiredDelegated = ['openid', 'offline_access', ['User.Read.All', 'User.Read'], 'Files.Read']),
      s.permissions.push({ name: 'User.Read.All', kind: 'delegated' })
    ),
  },
  {
    code: 'permission.aad_graph_legacy',
    trigger: (s) =>
      void s.permissions.push({
        resourceAppId: '00000002-0000-0000-c000-000000000000',
        id: '311a71cc-e848-46a1-bdf8-97ff7156d8e6',
        type: 'Scope',
      }),
  },
  {
    code: 'permission.other_api_not_checked',
    trigger: (s) =>
      void s.permissions.push({
        resourceAppId: '00000003-0000-0ff1-ce00-000000000000',
        id: '4e0d77b0-96ba-4398-af14-3baa780278f4',
        type: 'Scope',
      }),
  },
  // certificate
  { code: 'certificate.not_checked', base: 'certificate', trigger: (_s, t) => void (t.certificate = null) },
  {
    code: 'certificate.none_registered',
    base: 'certificate',
    trigger: (s, t) => ((s.keys = []), (t.certificate = null)),
    clean: (_s, t) => void (t.certificate = null),
  },
  {
    code: 'certificate.none_usable',
    base: 'certificate',
    trigger: (s, t) => ((s.keys[0]!.end = inDays(-2)), (t.certificate = null)),
    clean: (s, t) => (
      (s.keys[0]!.end = inDays(-2)),
      s.keys.push({ ...s.keys[0]!, end: inDays(90), keyId: 'e1b2c3d4-0000-4000-8000-000000000001' }),
      (t.certificate = null)
    ),
  },
  {
    code: 'certificate.not_registered',
    base: 'certificate',
    trigger: (s) => void (s.keys[0]!.customKeyIdentifier = 'BB5D1064437D8720A5C53078185E6A361A78B10A'),
    // the documented manual-edit form: base64 of the 20 raw SHA-1 bytes
    clean: (s) =>
      void (s.keys[0]!.customKeyIdentifier = Buffer.from(recordingCertificate().thumbprintSha1, 'hex').toString(
        'base64',
      )),
  },
  {
    code: 'certificate.identifier_base64_hex_text',
    base: 'certificate',
    trigger: (s) =>
      void (s.keys[0]!.customKeyIdentifier = Buffer.from(recordingCertificate().thumbprintSha1).toString('base64')),
  },
  { code: 'certificate.wrong_type', base: 'certificate', trigger: (s) => void (s.keys[0]!.type = 'Symmetric') },
  { code: 'certificate.wrong_usage', base: 'certificate', trigger: (s) => void (s.keys[0]!.usage = 'Encrypt') },
  {
    code: 'certificate.dates_differ',
    base: 'certificate',
    trigger: (s) => void (s.keys[0]!.end = inDays(200)),
    clean: (s) =>
      void (s.keys[0]!.end = new Date(Date.parse(recordingCertificate().notAfter) + 3_600_000).toISOString()),
  },
  { code: 'certificate.expired', base: 'certificate', trigger: (s) => void (s.keys[0]!.end = inDays(-2)) },
  {
    code: 'certificate.expiring',
    base: 'certificate',
    trigger: (s) => void (s.keys[0]!.end = inDays(5)),
    clean: (s) => void (s.keys[0]!.end = inDays(45)),
  },
  {
    code: 'certificate.not_yet_valid',
    base: 'certificate',
    trigger: (_s, t) => void (t.now = new Date('2020-01-01T00:00:00Z')),
  },
  {
    code: 'certificate.private_key_mismatch',
    base: 'certificate',
    trigger: (_s, t) => void (t.certificate = { ...recordingCertificate(), keyMatchesCertificate: false }),
    clean: (_s, t) => void (t.certificate = { ...recordingCertificate(), keyMatchesCertificate: null }),
  },
  // client secret
  { code: 'secret.none_registered', trigger: (s) => void (s.secrets = []) },
  { code: 'secret.hint_mismatch', trigger: (_s, t) => void (t.secretFirstChars = 'Xy~') },
  { code: 'secret.hint_unavailable', trigger: (s) => void (s.secrets[0]!.hint = null) },
  { code: 'secret.expired', trigger: (s) => void (s.secrets[0]!.end = inDays(-1)) },
  {
    code: 'secret.expiring',
    trigger: (s) => void (s.secrets[0]!.end = inDays(7)),
    clean: (s, t) => ((s.secrets[0]!.end = inDays(40)), (t.secretExpiresAt = inDays(40))),
  },
  { code: 'secret.expiry_differs', trigger: (_s, t) => void (t.secretExpiresAt = inDays(700)) },
  // cloud
  {
    code: 'cloud.other_cloud',
    trigger: (s, t) => ((s.publisherDomain = 'contoso.onmicrosoft.com'), (t.environment = environments['usgov-l4'])),
    clean: (s) => void (s.publisherDomain = 'contoso.onmicrosoft.com'),
  },
  {
    code: 'cloud.other_cloud_domain',
    trigger: (s) => void (s.identifierUris = ['https://api.contoso.us/automation']),
    clean: (s) => void (s.identifierUris = [`api://${APP_ID}`]),
  },
];

function start(base: Case['base']): { spec: AppSpec; target: VerifyTarget } {
  if (base === 'certificate') return { spec: goodCertificateSpec(), target: goodTarget('certificate') };
  if (base === 'manifest-only') {
    const spec = goodCertificateSpec();
    spec.secrets = [{ hint: 'abc', end: inDays(300) }];
    return { spec, target: goodTarget(null, { loopbackTest: false, certificate: null }) };
  }
  return { spec: goodSpec(), target: goodTarget('byo-app') };
}

function run(c: Case, format: ManifestFormat, mutate: Mutate, triggering: boolean): VerifyReport {
  const { spec, target } = start(c.base);
  mutate(spec, target);
  const text = c.text && triggering ? c.text(format, spec) : manifestJson(spec, format);
  return verifyManifest(text, target);
}

describe('finding codes', () => {
  it('every code has a case', () => {
    const covered = new Set(cases.map((c) => c.code));
    expect(registrationFindingCodes.filter((code) => !covered.has(code))).toEqual([]);
  });

  for (const base of ['byo', 'certificate', 'manifest-only'] as const) {
    for (const format of ['graph', 'aadgraph'] as const) {
      it(`the good ${base} manifest (${format}) gives no findings`, () => {
        const { spec, target } = start(base);
        expect(verifyManifest(manifestJson(spec, format), target).findings.map((f) => f.code)).toEqual([]);
      });
    }
  }

  for (const c of cases) {
    for (const format of c.formats ?? (['graph', 'aadgraph'] as const)) {
      it(`${c.code} (${format}) is reported when it applies`, () => {
        const report = run(c, format, c.trigger, true);
        const finding = report.findings.find((f) => f.code === c.code);
        expect(finding, JSON.stringify(report.findings.map((f) => f.code))).toBeDefined();
        expect(finding!.message.length).toBeGreaterThan(20);
        expect(finding!.fix).toMatch(/Entra admin center|Azure portal/);
        expect(finding!.link).toMatch(/^https:\/\/entra\.microsoft\.(com|us)\/#view\/Microsoft_AAD_RegisteredApps\//);
      });
      it(`${c.code} (${format}) is not reported for a close variant that is fine`, () => {
        const report = run(c, format, c.clean ?? nothing, false);
        expect(report.findings.map((f) => f.code)).not.toContain(c.code);
      });
    }
  }
});

describe('finding details', () => {
  it('names the Object ID slip when the profile holds the object ID', () => {
    const target = goodTarget('byo-app', { clientId: OBJECT_ID });
    const f = verifyManifest(manifestJson(goodSpec(), 'graph'), target).findings.find(
      (x) => x.code === 'client_id.mismatch',
    );
    expect(f?.message).toContain('Object ID');
    expect(f?.link).toContain(`/~/Overview/appId/${APP_ID}`);
  });

  it('matches a certificate by the key itself when the manifest carries it, whatever the identifier says', () => {
    const spec = goodCertificateSpec();
    spec.keys[0]!.customKeyIdentifier = Buffer.from('friendly name').toString('base64');
    spec.keys[0]!.key = recordingCertificate().derBase64;
    const codes = verifyManifest(manifestJson(spec, 'graph'), goodTarget('certificate')).findings.map((f) => f.code);
    expect(codes).not.toContain('certificate.not_registered');
  });

  it('does not match when the key is another certificate even if the identifier names ours', () => {
    const spec = goodCertificateSpec();
    spec.keys[0]!.key = otherCertificateDer().toString('base64');
    const codes = verifyManifest(manifestJson(spec, 'graph'), goodTarget('certificate')).findings.map((f) => f.code);
    expect(codes).toContain('certificate.not_registered');
  });

  it('calls a name-only credential with the same dates a probable match, as a warning', () => {
    const spec = goodCertificateSpec();
    spec.keys[0]!.customKeyIdentifier = Buffer.from('automation cert').toString('base64');
    const f = verifyManifest(manifestJson(spec, 'aadgraph'), goodTarget('certificate')).findings.find(
      (x) => x.code === 'certificate.not_registered',
    );
    expect(f?.severity).toBe('warning');
    expect(f?.message).toContain('probably');
  });

  it('says when no certificate is registered at all, naming the PFX’s thumbprint', () => {
    const spec = goodCertificateSpec();
    spec.keys = [];
    const f = verifyManifest(manifestJson(spec, 'graph'), goodTarget('certificate')).findings.find(
      (x) => x.code === 'certificate.none_registered',
    );
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('no certificate registered');
    expect(f?.message).toContain(recordingCertificate().thumbprintSha1);
  });

  it('makes a certificate connection without any certificate an error also when no PFX is given', () => {
    const spec = goodCertificateSpec();
    spec.keys = [];
    const report = verifyManifest(manifestJson(spec, 'aadgraph'), goodTarget('certificate', { certificate: null }));
    expect(report.findings.map((f) => `${f.severity}:${f.code}`)).toEqual(['error:certificate.none_registered']);
    expect(report.counts.error).toBe(1);
  });

  it('makes a certificate connection whose only certificates expired or encrypt an error without a PFX, naming each reason once', () => {
    const spec = goodCertificateSpec();
    spec.keys = [
      { ...spec.keys[0]!, end: '2023-02-16T00:00:00Z', displayName: 'old' },
      { ...spec.keys[0]!, usage: 'Encrypt', displayName: 'saml', keyId: '5a1e0000-0000-4000-8000-000000000002' },
    ];
    const report = verifyManifest(manifestJson(spec, 'graph'), goodTarget('certificate', { certificate: null }));
    const f = report.findings.find((x) => x.code === 'certificate.none_usable');
    expect(f?.severity).toBe('error');
    expect(f?.message).toContain('“old” — it expired on 2023-02-16');
    expect(f?.message).toContain('“saml” — its usage is “Encrypt” (SAML token encryption), not Verify');
    // the expired certificate is not listed a second time as a warning
    expect(report.findings.map((x) => x.code)).not.toContain('key_credential.expired');
  });

  it('compares the thumbprints a profile records without a PFX, and words a missing start date plainly', () => {
    const spec = goodCertificateSpec();
    spec.keys[0]!.end = inDays(200);
    const cert = recordingCertificate();
    const recorded = {
      derBase64: '',
      thumbprintSha1: cert.thumbprintSha1,
      thumbprintSha256: cert.thumbprintSha256,
      notBefore: '',
      notAfter: cert.notAfter,
      keyMatchesCertificate: null,
    };
    const report = verifyManifest(manifestJson(spec, 'graph'), goodTarget('certificate', { certificate: recorded }));
    const f = report.findings.find((x) => x.code === 'certificate.dates_differ');
    expect(f?.message).toContain(`the certificate itself is valid until ${cert.notAfter.slice(0, 10)}`);
    expect(f?.message).not.toContain('no date');
    const other = verifyManifest(
      manifestJson(spec, 'graph'),
      goodTarget('certificate', {
        certificate: {
          ...recorded,
          thumbprintSha1: 'BB5D1064437D8720A5C53078185E6A361A78B10A',
          thumbprintSha256: '00',
        },
      }),
    );
    const missing = other.findings.find((x) => x.code === 'certificate.not_registered');
    expect(missing?.message).toContain(
      'The certificate the profile records (SHA-1 thumbprint BB5D1064437D8720A5C53078185E6A361A78B10A)',
    );
  });

  it('points at the Secret ID when the stored secret starts like a secret’s key ID', () => {
    const target = goodTarget('byo-app', { secretFirstChars: 'f0b' });
    const f = verifyManifest(manifestJson(goodSpec(), 'graph'), target).findings.find(
      (x) => x.code === 'secret.hint_mismatch',
    );
    expect(f?.message).toContain('Secret ID');
    expect(f?.message).not.toContain('f0b');
  });

  it('explains AADSTS700025 when the loopback URI sits under Mobile and desktop for a confidential client', () => {
    const spec = goodSpec();
    spec.redirects[1]!.platform = 'publicClient';
    const f = verifyManifest(manifestJson(spec, 'aadgraph'), goodTarget('byo-app')).findings.find(
      (x) => x.code === 'redirect.wrong_platform',
    );
    expect(f?.message).toContain('AADSTS700025');
    expect(f?.fix).toContain('Web');
  });

  it('checks the public-client loopback test under Mobile and desktop applications', () => {
    const spec = goodSpec();
    spec.redirects[1]!.platform = 'publicClient';
    const codes = verifyManifest(
      manifestJson(spec, 'graph'),
      goodTarget('byo-app', { loopbackClient: 'public' }),
    ).findings.map((f) => f.code);
    expect(codes).not.toContain('redirect.wrong_platform');
    expect(codes).not.toContain('redirect.loopback_missing');
  });

  it('flags Directory.ReadWrite.All as more privilege even when nothing of its family is needed', () => {
    const spec = goodSpec();
    spec.permissions.push({ name: 'Directory.ReadWrite.All', kind: 'delegated' });
    const f = verifyManifest(manifestJson(spec, 'graph'), goodTarget('byo-app')).findings.filter(
      (x) => x.code === 'permission.more_privilege',
    );
    expect(f).toHaveLength(1);
    expect(f[0]?.message).toContain('Directory.ReadWrite.All');
  });

  it('links fixes to the admin center of the profile’s cloud', () => {
    const target = goodTarget('byo-app', { environment: environments.china, tenant: 'common' });
    const f = verifyManifest(manifestJson(goodSpec(), 'graph'), target).findings.find(
      (x) => x.code === 'audience.single_tenant_shared_endpoint',
    );
    expect(f?.link).toMatch(/^https:\/\/portal\.azure\.cn\/#view\//);
    expect(f?.fix).toContain('portal.azure.cn');
  });

  it('judges dates relative to the time given', () => {
    const spec = goodSpec();
    spec.secrets[0]!.end = inDays(10);
    const later = verifyManifest(
      manifestJson(spec, 'graph'),
      goodTarget('byo-app', { now: new Date(NOW.getTime() + 20 * 86_400_000) }),
    );
    expect(later.findings.map((f) => f.code)).toContain('secret.expired');
    expect(later.checkedAt).toBe('2026-01-21T00:00:00.000Z');
  });
});
