import { describe, expect, it } from 'vitest';
import { buildCreatePlan } from '../../../../src/core/graph-apply/build-create';
import { buildRepairPlan } from '../../../../src/core/graph-apply/build-repair';
import { readCurrentApp } from '../../../../src/core/graph-apply/current-app';
import { retryAfterMs } from '../../../../src/core/graph-apply/graph-client';
import { graphFailure, lookupGraphError } from '../../../../src/core/graph-apply/graph-errors';
import { GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID, rolesFor, scopesFor } from '../../../../src/core/graph-apply/management';
import { MASK, maskSecrets } from '../../../../src/core/graph-apply/mask';
import { needsOf } from '../../../../src/core/graph-apply/needs';
import { dryRunJson, previewOf } from '../../../../src/core/graph-apply/plan';
import { verifyApplication } from '../../../../src/core/graph-apply/fetch-app';
import { profileToVerifyTarget } from '../../../../src/core/registration/profile-target';
import { profileFileSchema } from '../../../../src/shared/connections-schema';

const base = { format: 'gcw-profile', schemaVersion: 1 };
const now = new Date('2026-03-01T00:00:00Z');

describe('create requests from a profile', () => {
  it('bring-your-own, multi-tenant: callback and localhost under Web, AzureADMultipleOrgs, the documented minimum added as Scope ids', () => {
    const p = profileFileSchema.parse({
      ...base,
      auth: 'byo-app',
      name: 'Flow app',
      audience: 'multi-tenant',
      domain: 'cloud.uipath.com',
      scopes: ['Files.Read'],
      tenant: 'organizations',
    });
    const plan = buildCreatePlan(p, { credential: { kind: 'secret', months: 12 }, consent: false, now });
    const dry = dryRunJson(plan);
    expect(dry.requests[0]).toEqual({
      method: 'POST',
      url: 'https://graph.microsoft.com/v1.0/applications',
      body: {
        displayName: 'Flow app',
        signInAudience: 'AzureADMultipleOrgs',
        web: { redirectUris: ['https://cloud.uipath.com/provisioning_/callback', 'http://localhost'] },
        requiredResourceAccess: [
          {
            resourceAppId: '00000003-0000-0000-c000-000000000000',
            resourceAccess: [
              { id: '10465720-29dd-4523-a11a-6a75c743c9d9', type: 'Scope' },
              { id: '37f7f235-527c-4136-accd-4a02d197296e', type: 'Scope' },
              { id: '7427e0e9-2fba-42fe-b0c0-848c9e6a8182', type: 'Scope' },
              { id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' },
            ],
          },
        ],
      },
    });
    expect(dry.requests[1]).toEqual({
      method: 'POST',
      url: 'https://graph.microsoft.com/v1.0/applications/{application.id}/addPassword',
      body: {
        passwordCredential: {
          displayName: 'Graph Connection Workbench 2026-03-01',
          endDateTime: '2027-03-01T00:00:00.000Z',
        },
      },
    });
    expect(dry.requests[2]).toEqual({
      method: 'POST',
      url: 'https://graph.microsoft.com/v1.0/servicePrincipals',
      body: { appId: '{application.appId}' },
    });
    expect(plan.scopes).toEqual(['Application.ReadWrite.All']);
  });

  it('certificate profile: keyCredentials AsymmetricX509Cert/Verify with the DER; consent asks for the grant scopes and names the roles', () => {
    const p = profileFileSchema.parse({
      ...base,
      auth: 'certificate',
      name: 'Cert',
      environment: 'usgov-l5',
      tenant: 'contoso.onmicrosoft.us',
      scopes: ['User.Read', 'Files.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
    });
    const certificate = {
      certificate: {
        derBase64: 'MIIBfake',
        thumbprintSha1: 'AB',
        thumbprintSha256: 'CD',
        notBefore: '2026-01-01T00:00:00.000Z',
        notAfter: '2027-01-01T00:00:00.000Z',
        keyMatchesCertificate: true,
      },
      subject: 'CN=Cert',
    };
    const plan = buildCreatePlan(p, { credential: { kind: 'certificate', certificate }, consent: true, now });
    const post = plan.steps[0]?.body as { keyCredentials: unknown[]; signInAudience: string };
    expect(post.signInAudience).toBe('AzureADMyOrg');
    expect(post.keyCredentials).toEqual([
      {
        type: 'AsymmetricX509Cert',
        usage: 'Verify',
        key: 'MIIBfake',
        displayName: 'CN=Cert',
        startDateTime: '2026-01-01T00:00:00.000Z',
        endDateTime: '2027-01-01T00:00:00.000Z',
      },
    ]);
    expect(previewOf(plan).requests.every((r) => r.url.startsWith('https://dod-graph.microsoft.us/v1.0/'))).toBe(true);
    expect(plan.steps.map((s) => s.key)).toEqual([
      'application',
      'servicePrincipal',
      'graphServicePrincipal',
      'delegatedGrant',
      'appRole0',
    ]);
    expect(plan.steps[3]?.body).toEqual({
      clientId: '{servicePrincipal.id}',
      consentType: 'AllPrincipals',
      resourceId: '{graphServicePrincipal.id}',
      scope: 'User.Read Files.Read',
    });
    expect(plan.steps[4]?.body).toEqual({
      principalId: '{servicePrincipal.id}',
      resourceId: '{graphServicePrincipal.id}',
      appRoleId: '332a536c-c7ef-4017-ab91-336970924f0d',
    });
    expect(plan.scopes).toEqual([
      'Application.ReadWrite.All',
      'DelegatedPermissionGrant.ReadWrite.All',
      'AppRoleAssignment.ReadWrite.All',
    ]);
    expect(
      rolesFor(plan.scopes)
        .map((r) => r.role)
        .join(' | '),
    ).toContain('Privileged Role Administrator');
  });

  it('refuses what cannot be built: a certificate on a secret profile, months out of range, a Custom cloud without Graph host', () => {
    const secretProfile = profileFileSchema.parse({ ...base, auth: 'client-credentials', name: 'S' });
    const cert = {
      certificate: {
        derBase64: 'x',
        thumbprintSha1: '',
        thumbprintSha256: '',
        notBefore: '',
        notAfter: '',
        keyMatchesCertificate: null,
      },
      subject: '',
    };
    expect(() =>
      buildCreatePlan(secretProfile, { credential: { kind: 'certificate', certificate: cert }, consent: false }),
    ).toThrow(/Only a client-certificate profile/);
    expect(() =>
      buildCreatePlan(secretProfile, { credential: { kind: 'secret', months: 25 }, consent: false }),
    ).toThrow(/1 to 24 months/);
    const custom = profileFileSchema.parse({
      ...base,
      auth: 'client-credentials',
      name: 'C',
      environment: 'custom',
      customHosts: { loginHost: 'login.example', graphHost: '' },
    });
    expect(() => buildCreatePlan(custom, { credential: { kind: 'none' }, consent: false })).toThrow(
      /no Microsoft Graph host/,
    );
  });
});

describe('repair requests from findings', () => {
  const p = profileFileSchema.parse({
    ...base,
    auth: 'client-credentials',
    name: 'R',
    clientId: '11111111-2222-3333-4444-555555555555',
    tenant: 'contoso.onmicrosoft.com',
    scopes: ['Files.Read'],
  });
  const raw = {
    id: 'aaaaaaaa-0000-0000-0000-000000000001',
    appId: '11111111-2222-3333-4444-555555555555',
    displayName: 'R',
    signInAudience: 'AzureADMyOrg',
    web: { redirectUris: ['https://other.example/cb'] },
    publicClient: { redirectUris: [] },
    requiredResourceAccess: [
      {
        resourceAppId: '00000002-0000-0ff1-ce00-000000000000',
        resourceAccess: [{ id: 'dc890d15-9560-4a4c-9b7f-a736ec74ec40', type: 'Role' }],
      },
    ],
    keyCredentials: [],
    passwordCredentials: [{ keyId: 'k1', hint: 'abc', endDateTime: '2026-03-10T00:00:00Z' }],
  };
  it('merges whole collections: the other API and the other redirect URI stay, only the missing ones are added', () => {
    const target = profileToVerifyTarget(p, { loopbackTest: true, now, secretFirstChars: 'abc' });
    const report = verifyApplication(raw, target);
    const plan = buildRepairPlan(readCurrentApp(raw), report, needsOf(p), 'graph.microsoft.com', {
      secretMonths: 6,
      now,
    });
    const patch = plan.steps[0]?.body as {
      web: { redirectUris: string[] };
      requiredResourceAccess: Array<{ resourceAppId: string }>;
    };
    expect(patch.web.redirectUris).toEqual(['https://other.example/cb', 'http://localhost']);
    expect(patch.requiredResourceAccess.map((r) => r.resourceAppId)).toEqual([
      '00000002-0000-0ff1-ce00-000000000000',
      '00000003-0000-0000-c000-000000000000',
    ]);
    expect(plan.steps[1]).toMatchObject({
      method: 'POST',
      path: '/v1.0/applications/aaaaaaaa-0000-0000-0000-000000000001/addPassword',
    });
    expect(plan.changes.find((c) => c.field === 'passwordCredentials')?.findings).toEqual(['secret.expiring']);
  });
  it('nothing to fix: no requests, and what Graph cannot change is named', () => {
    const target = profileToVerifyTarget({ ...p, tenant: 'common' }, { now });
    const report = verifyApplication(
      {
        ...raw,
        web: { redirectUris: ['http://localhost'] },
        requiredResourceAccess: [
          {
            resourceAppId: '00000003-0000-0000-c000-000000000000',
            resourceAccess: [{ id: '10465720-29dd-4523-a11a-6a75c743c9d9', type: 'Scope' }],
          },
        ],
        passwordCredentials: [{ keyId: 'k', hint: 'abc', endDateTime: '2027-01-01T00:00:00Z' }],
      },
      target,
    );
    const plan = buildRepairPlan(readCurrentApp(raw), report, needsOf(p), 'graph.microsoft.com', { now });
    expect(plan.steps).toEqual([]);
    expect(plan.notes.join(' ')).toContain('Not changed through Graph');
  });
});

describe('previews, errors and the management app', () => {
  it('masks secret fields wherever they appear', () => {
    expect(maskSecrets({ a: [{ secretText: 'Qx8~real' }], password: 'p', keyId: 'k' })).toEqual({
      a: [{ secretText: MASK }],
      password: MASK,
      keyId: 'k',
    });
  });
  it('reads Retry-After in seconds or as a date, capped', () => {
    expect(retryAfterMs('7', 60)).toBe(7000);
    expect(retryAfterMs('600', 60)).toBe(60000);
    expect(retryAfterMs(undefined, 60)).toBe(5000);
  });
  it('explains Graph codes from the catalogue', () => {
    const e = graphFailure('POST /v1.0/applications', 403, {
      error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
    });
    expect(e.code).toBe('graph.denied');
    expect(e.details?.graphCode).toBe('Authorization_RequestDenied');
    expect(lookupGraphError('request_badrequest')?.code).toBe('graph.bad_request');
    expect(graphFailure('GET x', 418, null).code).toBe('graph.failed');
  });
  it('asks only for what an action needs', () => {
    expect(scopesFor('fetch')).toEqual(['Application.Read.All']);
    expect(scopesFor('rotate')).toEqual(['Application.ReadWrite.All']);
    expect(scopesFor('create', { consent: true, application: false })).toEqual([
      'Application.ReadWrite.All',
      'DelegatedPermissionGrant.ReadWrite.All',
    ]);
    expect(GRAPH_COMMAND_LINE_TOOLS_CLIENT_ID).toBe('14d82eec-204b-4c2f-b7e8-296a70dab67e');
  });
});
