// Create, read back, repair and rotate app registrations through the Workbench's Graph requests, against the Entra
// emulator's in-memory Graph directory over HTTPS on 127.0.0.1 (bodies checked against Graph v1.0's published shapes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCreatePlan } from '../../../src/core/graph-apply/build-create';
import { buildRepairPlan } from '../../../src/core/graph-apply/build-repair';
import { buildRemoveOldPlan, buildRotateAddPlan } from '../../../src/core/graph-apply/build-rotate';
import { readCurrentApp } from '../../../src/core/graph-apply/current-app';
import { fetchApplication, verifyApplication } from '../../../src/core/graph-apply/fetch-app';
import { scopesFor } from '../../../src/core/graph-apply/management';
import { needsOf } from '../../../src/core/graph-apply/needs';
import { runPlan } from '../../../src/core/graph-apply/run-plan';
import { isWorkbenchError } from '../../../src/core/errors';
import { certificateFromPfx } from '../../../src/core/registration/pfx-certificate';
import { profileToVerifyTarget } from '../../../src/core/registration/profile-target';
import { testAppOnly } from '../../../src/core/signin/app-only';
import { credentialFromPfx } from '../../../src/core/signin/service/pfx-credential';
import { type ProfileFile } from '../../../src/shared/connections';
import { profileFileSchema } from '../../../src/shared/connections-schema';
import { HttpBrowser, startSigninHarness, type SigninHarness } from '../../support/idp';
import { addManagementApp, graphClient, managementSignIn } from '../../support/graph/management';
import { pfxOf } from '../../support/signin-profiles';

const ALL_SCOPES = [...new Set([...scopesFor('create', { consent: true })])];

describe('Graph apply against the emulator', () => {
  let h: SigninHarness;
  let token = '';
  const profile = (extra: Record<string, unknown>): ProfileFile =>
    profileFileSchema.parse({
      format: 'gcw-profile',
      schemaVersion: 1,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      tenant: h.s.tenantId,
      ...extra,
    });

  beforeAll(async () => {
    h = await startSigninHarness();
    addManagementApp(h.s.tenant);
    const browser = new HttpBrowser({ caPem: h.pki.caPem, user: h.s.admin });
    token = (
      await managementSignIn({
        loginHost: h.idp.host,
        graphHost: h.idp.host,
        tenant: h.s.tenantId,
        scopes: ALL_SCOPES,
        net: h.net(),
        browser,
      })
    ).accessToken;
    browser.close();
  });
  afterAll(async () => h?.close());

  it('creates a client-credentials app with a secret, service principal and consent; it verifies clean and signs in app-only', async () => {
    const p = profile({
      auth: 'client-credentials',
      name: 'Contoso automation',
      scopes: ['User.Read', 'Files.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
    });
    const plan = buildCreatePlan(p, { credential: { kind: 'secret', months: 6 }, consent: true });
    expect(plan.steps.map((s) => `${s.method} ${s.path.split('?')[0]}`)).toEqual([
      'POST /v1.0/applications',
      'POST /v1.0/applications/{application.id}/addPassword',
      'POST /v1.0/servicePrincipals',
      "GET /v1.0/servicePrincipals(appId='00000003-0000-0000-c000-000000000000')",
      'POST /v1.0/oauth2PermissionGrants',
      'POST /v1.0/servicePrincipals/{graphServicePrincipal.id}/appRoleAssignedTo',
    ]);
    const { client, http } = graphClient(h.pki.caPem, token);
    const run = await runPlan(plan, client);
    expect(run.failure).toBeNull();
    const app = run.answers.get('application') as { id: string; appId: string };
    const secret = run.answers.get('password') as { secretText: string; keyId: string };
    expect(secret.secretText.length).toBeGreaterThan(20);
    expect(run.created.map((c) => c.kind)).toEqual([
      'application',
      'passwordCredential',
      'servicePrincipal',
      'oauth2PermissionGrant',
      'appRoleAssignment',
    ]);
    // Every body the emulator received passed the v1.0 shape check; the POST held exactly the fields the Workbench meant.
    const post = h.idp.graph.requests.find((r) => r.method === 'POST' && r.path === '/v1.0/applications');
    expect(Object.keys(post?.body as object).sort()).toEqual([
      'displayName',
      'requiredResourceAccess',
      'signInAudience',
      'web',
    ]);

    const raw = await fetchApplication(client, h.idp.host, app.appId, { justCreated: true });
    const withId = { ...p, clientId: app.appId };
    const report = verifyApplication(
      raw,
      profileToVerifyTarget(withId, { loopbackTest: true, secretFirstChars: secret.secretText.slice(0, 3) }),
    );
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const signedIn = await testAppOnly({
      ...h.endpoint(app.appId),
      credential: { kind: 'secret', secret: secret.secretText },
      requiredPermissions: ['Sites.Read.All'],
    });
    expect(signedIn.permissions.missing).toEqual([]);
    http.close();
  });

  it('repairs what the verifier found — redirect on the wrong platform, a missing permission, public client on — keeping what the admin added', async () => {
    const p = profile({
      auth: 'client-credentials',
      name: 'To repair',
      scopes: ['User.Read', 'Files.Read'],
      appOnlyPermissions: [],
    });
    const { client, http } = graphClient(h.pki.caPem, token);
    const created = await runPlan(
      buildCreatePlan(p, { credential: { kind: 'secret', months: 3 }, consent: false }),
      client,
    );
    const app = created.answers.get('application') as { id: string; appId: string };
    // The admin breaks it by hand: localhost moved to Mobile and desktop, Files.Read gone, Mail.Read added, public client on.
    const dir = h.idp.graph.forTenant(h.s.tenantId)!;
    const stored = dir.byAppId(app.appId)!;
    dir.update(stored, {
      web: { redirectUris: [] },
      publicClient: { redirectUris: ['http://localhost'] },
      isFallbackPublicClient: true,
      requiredResourceAccess: [
        {
          resourceAppId: '00000003-0000-0000-c000-000000000000',
          resourceAccess: [
            { id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' },
            { id: '570282fd-fa5c-430d-a7fd-fc8dc98a9dca', type: 'Scope' },
          ],
        },
      ],
    });
    const target = profileToVerifyTarget({ ...p, clientId: app.appId }, { loopbackTest: true });
    const before = verifyApplication(await fetchApplication(client, h.idp.host, app.appId), target);
    expect(before.findings.map((f) => f.code)).toEqual(
      expect.arrayContaining([
        'redirect.wrong_platform',
        'permission.minimum_missing',
        'public_client.enabled_for_confidential',
      ]),
    );

    const current = readCurrentApp(await fetchApplication(client, h.idp.host, app.appId, { withKeys: true }));
    const plan = buildRepairPlan(current, before, needsOf({ ...p, clientId: app.appId }), h.idp.host);
    expect(plan.steps.map((s) => s.method)).toEqual(['PATCH']);
    const patch = plan.steps[0]?.body as Record<string, unknown>;
    expect(patch.web).toEqual({ redirectUris: ['http://localhost'] });
    expect(patch.publicClient).toEqual({ redirectUris: [] });
    expect(patch.isFallbackPublicClient).toBe(false);
    const perms = plan.changes.find((c) => c.field === 'requiredResourceAccess');
    expect(perms?.added).toEqual(['Files.Read (delegated)']);
    expect(perms?.kept).toEqual(['User.Read (delegated)', 'Mail.Read (delegated)']);

    const run = await runPlan(plan, client);
    expect(run.failure).toBeNull();
    const after = verifyApplication(await fetchApplication(client, h.idp.host, app.appId), target);
    expect(after.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual([]);
    // Mail.Read (the admin's own addition) is still listed.
    expect(after.apps[0]?.requiredResourceAccess.map((r) => r.value)).toContain('Mail.Read');
    http.close();
  });

  it('rotates a secret: adds the new one beside the old, signs in with it, then removes the old one', async () => {
    const p = profile({
      auth: 'client-credentials',
      name: 'Rotate me',
      scopes: ['User.Read', 'Files.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
    });
    const { client, http } = graphClient(h.pki.caPem, token);
    const created = await runPlan(
      buildCreatePlan(p, { credential: { kind: 'secret', months: 1 }, consent: true }),
      client,
    );
    const app = created.answers.get('application') as { id: string; appId: string };
    const old = created.answers.get('password') as { secretText: string; keyId: string };
    const add = buildRotateAddPlan(
      readCurrentApp(await fetchApplication(client, h.idp.host, app.appId)),
      { kind: 'secret', months: 12 },
      h.idp.host,
    );
    const added = await runPlan(add, client);
    const fresh = added.answers.get('password') as { secretText: string; keyId: string };
    const viaNew = await testAppOnly({
      ...h.endpoint(app.appId),
      credential: { kind: 'secret', secret: fresh.secretText },
    });
    expect(viaNew.claims?.roles).toContain('Sites.Read.All');
    const raw = await fetchApplication(client, h.idp.host, app.appId);
    const remove = buildRemoveOldPlan(
      readCurrentApp(raw),
      { passwordKeyIds: [old.keyId], certificateKeyIds: [] },
      h.idp.host,
      raw.passwordCredentials as never,
    );
    expect(remove.steps.map((s) => [s.method, s.path, s.body])).toEqual([
      ['POST', `/v1.0/applications/${app.id}/removePassword`, { keyId: old.keyId }],
    ]);
    await runPlan(remove, client);
    const refused = await testAppOnly({
      ...h.endpoint(app.appId),
      credential: { kind: 'secret', secret: old.secretText },
    }).catch((e: unknown) => e);
    expect(isWorkbenchError(refused) && refused.code).toBe('aadsts.7000215');
    http.close();
  });

  it('creates a certificate app and rotates its certificate, keeping the collection whole until the old one is removed', async () => {
    const first = h.pki.createAppCertificate({ commonName: 'Rotation one' });
    const second = h.pki.createAppCertificate({ commonName: 'Rotation two' });
    const toRegister = async (c: typeof first) => ({
      certificate: (await certificateFromPfx(await pfxOf(c, 'pw-1'), 'pw-1')).certificate,
      subject: `CN=${c === first ? 'Rotation one' : 'Rotation two'}`,
    });
    const p = profile({
      auth: 'certificate',
      name: 'Cert app',
      upn: h.s.user.upn,
      scopes: ['User.Read', 'Files.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
    });
    const { client, http } = graphClient(h.pki.caPem, token);
    const created = await runPlan(
      buildCreatePlan(p, { credential: { kind: 'certificate', certificate: await toRegister(first) }, consent: true }),
      client,
    );
    const app = created.answers.get('application') as {
      id: string;
      appId: string;
      keyCredentials: Array<{ keyId: string }>;
    };
    const firstCredential = await credentialFromPfx(await pfxOf(first, 'pw-1'), 'pw-1');
    await testAppOnly({ ...h.endpoint(app.appId), credential: firstCredential });

    const current = readCurrentApp(await fetchApplication(client, h.idp.host, app.appId, { withKeys: true }));
    expect(current.keysIncluded).toBe(true);
    const add = buildRotateAddPlan(current, { kind: 'certificate', certificate: await toRegister(second) }, h.idp.host);
    expect((add.steps[0]?.body as { keyCredentials: unknown[] }).keyCredentials).toHaveLength(2);
    await runPlan(add, client);
    await testAppOnly({
      ...h.endpoint(app.appId),
      credential: await credentialFromPfx(await pfxOf(second, 'pw-1'), 'pw-1'),
    });
    const oldKeyId = app.keyCredentials[0]?.keyId ?? '';
    const after = readCurrentApp(await fetchApplication(client, h.idp.host, app.appId, { withKeys: true }));
    await runPlan(
      buildRemoveOldPlan(after, { passwordKeyIds: [], certificateKeyIds: [oldKeyId] }, h.idp.host, []),
      client,
    );
    const refused = await testAppOnly({ ...h.endpoint(app.appId), credential: firstCredential }).catch(
      (e: unknown) => e,
    );
    expect(isWorkbenchError(refused) && refused.code).toBe('aadsts.700027');
    http.close();
  });
});
