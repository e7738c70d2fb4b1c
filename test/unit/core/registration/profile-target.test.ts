// A saved profile or a profile file mapped onto the verifier's target, and the verifier telling a profile file from a manifest.
import { describe, expect, it } from 'vitest';
import { environments } from '../../../../src/core/connections/environments';
import { buildProfileFromFlags } from '../../../../src/core/connections/profile-from-flags';
import { readProfileFile } from '../../../../src/core/connections/profile-file';
import { profileToVerifyTarget } from '../../../../src/core/registration/profile-target';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import type { ProfileFile } from '../../../../src/shared/connections';
import {
  APP_ID,
  errorOf,
  goodCertificateSpec,
  goodSpec,
  inDays,
  manifestJson,
  NOW,
  recordingCertificate,
  TENANT_ID,
} from './manifest-builders';
import { readManifest } from '../../../../src/core/registration/read-manifest';

function file(flags: Parameters<typeof buildProfileFromFlags>[0]): ProfileFile {
  return buildProfileFromFlags(flags, { now: NOW }).file;
}

const byo = (): ProfileFile => file({ auth: 'byo-app', clientId: APP_ID, tenant: TENANT_ID, domain: 'contoso.com' });

describe('profileToVerifyTarget', () => {
  it('maps a bring-your-own profile: minimum set with the User.Read choice as an inner array, domain, tenancy, confidential loopback', () => {
    const target = profileToVerifyTarget(byo(), { secretFirstChars: 'abc', loopbackTest: true });
    expect(target).toMatchObject({
      auth: 'byo-app',
      clientId: APP_ID,
      tenant: TENANT_ID,
      domain: 'contoso.com',
      tenancy: 'single',
      delegatedScopes: ['openid', 'offline_access', 'User.Read', 'Files.Read'],
      requiredDelegated: ['openid', 'offline_access', ['User.Read.All', 'User.Read'], 'Files.Read'],
      triggerDelegated: [],
      applicationPermissions: [],
      secretFirstChars: 'abc',
      loopbackTest: true,
      loopbackClient: 'confidential',
    });
    expect(target.environment.id).toBe('office365');
  });

  it('gives the good manifest of its option no findings', () => {
    const report = verifyManifest(
      manifestJson(goodSpec(), 'graph'),
      profileToVerifyTarget(byo(), {
        secretFirstChars: 'abc',
        loopbackTest: true,
        secretExpiresAt: inDays(355),
        now: NOW,
      }),
    );
    expect(report.findings.map((f) => f.code)).toEqual([]);
  });

  it('maps the other options’ minimum sets and a multi-tenant audience', () => {
    expect(
      profileToVerifyTarget(file({ auth: 'certificate', clientId: APP_ID, tenant: TENANT_ID })).requiredDelegated,
    ).toEqual([['User.Read.All', 'User.Read'], 'Files.Read']);
    expect(
      profileToVerifyTarget(file({ auth: 'client-credentials', clientId: APP_ID, tenant: TENANT_ID }))
        .requiredDelegated,
    ).toEqual(['Files.Read']);
    expect(
      profileToVerifyTarget(
        file({ auth: 'byo-app', clientId: APP_ID, tenant: 'organizations', audience: 'multi-tenant', domain: 'x.com' }),
      ).tenancy,
    ).toBe('multi');
  });

  it('adds trigger needs when the scopes include trigger scopes, and reports them as trigger permissions', () => {
    const profile = file({
      auth: 'client-credentials',
      clientId: APP_ID,
      tenant: TENANT_ID,
      scopes: 'Files.Read Sites.Read.All',
    });
    const target = profileToVerifyTarget(profile, { now: NOW });
    expect(target.triggerDelegated).toEqual([
      'openid',
      'offline_access',
      ['User.Read.All', 'User.Read'],
      'Sites.Read.All',
    ]);
    const spec = { ...goodSpec(), permissions: [{ name: 'Files.Read', kind: 'delegated' as const }] };
    const codes = verifyManifest(manifestJson(spec, 'graph'), target).findings.map((f) => f.code);
    expect(codes).toContain('permission.trigger_missing');
    expect(codes).not.toContain('permission.delegated_missing');
  });

  it('asks for application permissions: the profile’s list, else the counterparts of its scopes; none when app-only is off', () => {
    const listed = file({
      auth: 'client-credentials',
      clientId: APP_ID,
      tenant: TENANT_ID,
      appOnlyPermissions: 'Sites.Selected',
    });
    expect(profileToVerifyTarget(listed).applicationPermissions).toEqual(['Sites.Selected']);
    expect(profileToVerifyTarget(listed, { appOnly: false }).applicationPermissions).toEqual([]);
    const unlisted = file({
      auth: 'certificate',
      clientId: APP_ID,
      tenant: TENANT_ID,
      scopes: 'openid User.Read Files.Read',
    });
    expect(profileToVerifyTarget(unlisted).applicationPermissions).toEqual([]);
    expect(profileToVerifyTarget(unlisted, { appOnly: true }).applicationPermissions).toEqual([
      'User.Read.All',
      'Files.Read.All',
    ]);
  });

  it('uses the certificate the profile remembers (thumbprints only) unless a PFX’s certificate is given or none is', () => {
    const cert = recordingCertificate();
    const profile = {
      ...file({ auth: 'certificate', clientId: APP_ID, tenant: TENANT_ID }),
      certificate: {
        thumbprintSha1: cert.thumbprintSha1,
        thumbprintSha256: cert.thumbprintSha256,
        subject: 'CN=x',
        notAfter: cert.notAfter,
        fileName: null,
      },
    } as ProfileFile;
    expect(profileToVerifyTarget(profile).certificate).toMatchObject({
      thumbprintSha1: cert.thumbprintSha1,
      derBase64: '',
      keyMatchesCertificate: null,
    });
    expect(profileToVerifyTarget(profile, { certificate: cert }).certificate).toBe(cert);
    expect(profileToVerifyTarget(profile, { certificate: null }).certificate).toBeNull();
    const report = verifyManifest(
      manifestJson(goodCertificateSpec(), 'graph'),
      profileToVerifyTarget(profile, { loopbackTest: true, now: NOW }),
    );
    expect(report.findings.map((f) => f.code)).not.toContain('certificate.not_registered');
    const withoutRef = profileToVerifyTarget(file({ auth: 'certificate', clientId: APP_ID, tenant: TENANT_ID }), {
      now: NOW,
    });
    expect(
      verifyManifest(manifestJson(goodCertificateSpec(), 'graph'), withoutRef).findings.map((f) => f.code),
    ).toContain('certificate.not_checked');
  });

  it('uses the profile’s cloud for admin-center links; a Custom cloud without hosts still links to the global admin center', () => {
    const gov = profileToVerifyTarget(
      file({ auth: 'client-credentials', clientId: APP_ID, tenant: TENANT_ID, environment: 'usgov-l4' }),
    );
    expect(gov.environment).toBe(environments['usgov-l4']);
    const custom = profileToVerifyTarget(
      file({ auth: 'client-credentials', clientId: APP_ID, tenant: TENANT_ID, environment: 'custom' }),
    );
    expect(custom.environment.entraAdminHost).toBe(environments.office365.entraAdminHost);
  });

  it('reads a profile file written by `gcw profile new` and maps it', () => {
    const { text } = buildProfileFromFlags(
      { auth: 'byo-app', clientId: APP_ID, tenant: TENANT_ID, domain: 'contoso.com' },
      { now: NOW },
    );
    const reading = readProfileFile(text);
    if (!reading.ok || !reading.value.profile) throw new Error('profile file not read');
    expect(profileToVerifyTarget(reading.value.profile).domain).toBe('contoso.com');
  });
});

describe('a profile file given as the manifest', () => {
  it('is named as a connection profile of this tool, for the real file format', () => {
    const { text } = buildProfileFromFlags({ auth: 'certificate', clientId: APP_ID, tenant: TENANT_ID }, { now: NOW });
    expect(JSON.parse(text).format).toBe('gcw-profile');
    const error = errorOf(() => readManifest(text));
    expect(error.code).toBe('manifest.not_a_manifest');
    expect(error.message).toContain('a connection profile of this tool');
    expect(error.hint).toContain('--profile');
  });

  it('recognises a hand-written profile without the format marker, and the profile store', () => {
    expect(
      errorOf(() => readManifest(JSON.stringify({ auth: 'byo-app', domain: 'x.com', scopes: [] }))).message,
    ).toContain('connection profile of this tool');
    expect(
      errorOf(() => readManifest(JSON.stringify({ version: 1, profiles: [], pendingPurge: [] }))).message,
    ).toContain('profile store of this tool');
  });

  it('does not take an object with an unknown "auth" value for a profile', () => {
    expect(errorOf(() => readManifest(JSON.stringify({ auth: 'basic', clientId: 'x' }))).message).not.toContain(
      'profile',
    );
  });
});
