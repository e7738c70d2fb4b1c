// The graph.* contract methods over the real AppContext: management sign-in through the shell double's browser,
// preview → apply → verify again, the profile updated, the vault holding the new secret, the change log for the record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ApplyOutcome,
  FetchView,
  GraphChangeEntry,
  ManagementStatus,
  PlanView,
} from '../../../src/shared/contract/graph';
import { HttpBrowser, startSigninHarness, type SigninHarness } from '../../support/idp';
import { addManagementApp, instantRetry } from '../../support/graph/management';
import { createDispatcher } from '../../../src/core/app/dispatcher';
import { createHandlers } from '../../../src/core/app/handlers';
import { createTestHost, type TestHost } from '../../support/test-context';
import type { ConnectionRecord } from '../../../src/shared/records';
import type { Result } from '../../../src/shared/result';

describe('graph.* handlers', () => {
  let h: SigninHarness;
  let host: TestHost;
  let call: <T>(method: string, input: unknown) => Promise<T>;
  let fail: (method: string, input: unknown) => Promise<{ code: string; message: string }>;
  let profileId = '';

  beforeAll(async () => {
    h = await startSigninHarness();
    addManagementApp(h.s.tenant);
    h.s.tenant.delegatedGrants = { ...h.s.tenant.delegatedGrants };
    host = createTestHost({
      signinNetwork: { extraCaPem: h.pki.caPem, timeoutMs: 10_000 },
      graphRetry: instantRetry(),
    });
    const dispatcher = createDispatcher(createHandlers(host.ctx), { log: host.ctx.log });
    const browser = new HttpBrowser({ caPem: h.pki.caPem, user: h.s.admin });
    host.shell.openInBrowser = async (url: string) => {
      host.shell.opened.push(url);
      void browser.visit(url);
    };
    call = async <T>(method: string, input: unknown) => {
      const r = (await dispatcher.call(method, input)) as Result<T>;
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
      return r.value;
    };
    fail = async (method, input) => {
      const r = await dispatcher.call(method, input);
      if (r.ok) throw new Error(`${method} succeeded`);
      return r.error;
    };
    profileId = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Handler app',
      tenant: h.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      scopes: ['User.Read', 'Files.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
    }).entry.id;
  });
  afterAll(async () => {
    await host?.ctx.dispose();
    await h?.close();
  });

  it('refuses to preview a repair before the admin signed in', async () => {
    expect((await fail('graph.previewRepair', { profileId })).code).toBe('graph.not_signed_in');
  });

  it('signs in, previews, creates with consent and a new secret; the profile gets the client ID and the secret; verify is clean', async () => {
    const status = await call<ManagementStatus>('graph.signIn', {
      profileId,
      client: { kind: 'graph-cli' },
      action: 'create',
      consent: true,
    });
    expect(status.account).toBe(h.s.admin.upn);
    expect(status.scopes).toEqual(
      expect.arrayContaining([
        'Application.ReadWrite.All',
        'DelegatedPermissionGrant.ReadWrite.All',
        'AppRoleAssignment.ReadWrite.All',
      ]),
    );
    const authorize = new URL(host.shell.opened.at(-1) ?? '');
    expect(authorize.searchParams.get('client_id')).toBe('14d82eec-204b-4c2f-b7e8-296a70dab67e');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    const view = await call<PlanView>('graph.previewCreate', {
      profileId,
      credential: 'new-secret',
      secretMonths: 6,
      consent: true,
    });
    expect(view.preview.requests.map((r) => r.method)).toEqual(['POST', 'POST', 'POST', 'GET', 'POST', 'POST']);
    expect(h.idp.graph.requests).toHaveLength(0);
    const out = await call<ApplyOutcome>('graph.apply', { planId: view.planId });
    expect(out.failure).toBeNull();
    expect(out.profileUpdated).toEqual(['clientId', 'clientSecret', 'secretExpiresAt']);
    expect(out.newSecret?.storedAs).toBe(`profile/${profileId}/clientSecret`);
    expect(JSON.stringify(out)).not.toContain(host.ctx.profiles.readSecret(profileId, 'clientSecret'));
    expect(out.after?.report.counts.error).toBe(0);
    const entry = host.ctx.profiles.get(profileId);
    expect(entry.profile?.clientId).toBe(out.after?.appId);
    expect(entry.secrets.clientSecret).toBe('stored');
    // Applying the same preview again is refused: a preview is sent once.
    expect((await fail('graph.apply', { planId: view.planId })).code).toBe('graph.plan_not_found');
  });

  it('rotates the secret: add, app-only test with the new one, then remove the old after confirmation', async () => {
    const before = await call<FetchView>('graph.fetch', { profileId });
    const oldKey = before.passwords[0]?.keyId ?? '';
    const add = await call<PlanView>('graph.previewRotate', { profileId, credential: { kind: 'secret', months: 12 } });
    const rotated = await call<ApplyOutcome>('graph.apply', { planId: add.planId });
    expect(rotated.test?.ok).toBe(true);
    expect(rotated.after?.passwords).toHaveLength(2);
    const remove = await call<PlanView>('graph.previewRemoveOld', { profileId, passwordKeyIds: [oldKey] });
    expect(remove.preview.changes[0]?.removed[0]).toContain(oldKey);
    const removed = await call<ApplyOutcome>('graph.apply', { planId: remove.planId });
    expect(removed.after?.passwords.map((p) => p.keyId)).not.toContain(oldKey);
    const log = await call<GraphChangeEntry[]>('graph.changes', { profileId });
    expect(log.map((c) => c.action)).toEqual(['remove-old', 'rotate', 'create']);
    // The connection record lists the three runs, newest first, with their requests and the evidence; no secret.
    const record = await call<ConnectionRecord>('records.get', { profileId });
    expect(record.graphChanges?.map((c) => c.action)).toEqual([
      'Removed old credentials (rotation)',
      'Added a new credential (rotation)',
      'Created the app registration',
    ]);
    expect(record.graphChanges?.[0]?.requests[0]).toMatch(/^DELETE |^POST .*\/removePassword → 204$/);
    expect(record.graphChanges?.[1]?.result).toMatch(
      /^1 request answered with success\. Read back afterwards: 0 errors, \d+ warnings?\. Sign-in test with the new credential passed: /,
    );
    expect(record.graphChanges?.[2]?.requests).toHaveLength(6);
    expect(record.graphChanges?.[2]?.account).toBe(h.s.admin.upn);
    const md = await call<{ text: string }>('records.render', { profileId, format: 'markdown' });
    expect(md.text).toContain('## Changes through Microsoft Graph');
    expect(md.text).not.toContain(host.ctx.profiles.readSecret(profileId, 'clientSecret'));
  });

  it('a profile without a tenant takes the admin’s after create; a fetch lists what Graph can fix and its report exports like a manifest’s', async () => {
    const id = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'No tenant yet',
      tenant: '',
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      scopes: ['User.Read'],
    }).entry.id;
    await call<ManagementStatus>('graph.signIn', { profileId: id, client: { kind: 'graph-cli' }, action: 'create' });
    // The sign-in went to "organizations": the admin's home tenant.
    expect(new URL(host.shell.opened.at(-1) ?? '').pathname).toBe('/organizations/oauth2/v2.0/authorize');
    const plan = await call<PlanView>('graph.previewCreate', { profileId: id, credential: 'none', consent: false });
    const out = await call<ApplyOutcome>('graph.apply', { planId: plan.planId });
    expect(out.profileUpdated).toEqual(['clientId', 'tenant']);
    expect(host.ctx.profiles.get(id).profile?.tenant).toBe(h.s.tenantId);
    // No secret was made: the verifier says so, and Graph can fix it with a new one.
    const fetched = await call<FetchView>('graph.fetch', { profileId: id });
    expect(fetched.fixable).toContain('secret.none_registered');
    expect(fetched.reportId).toMatch(/^[0-9a-f-]{36}$/);
    await call('verify.copyReport', { reportId: fetched.reportId });
    expect(host.clipboard.text).toContain('No tenant yet');
    expect(out.after?.reportId).toMatch(/^[0-9a-f-]{36}$/);
  });
});
