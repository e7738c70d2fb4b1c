// Certificate rotation through the graph.* handlers: a new PFX opened as the Certificates page opens it (a session ref),
// added beside the old one, the sign-in test with it — failing while Entra has not accepted it yet, with a result that
// says where the new and the old credential are and what to do — then passing, and the old one removed on request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src/core/app/dispatcher';
import { createHandlers } from '../../../src/core/app/handlers';
import type { HeldCertificate } from '../../../src/shared/certificates';
import type { ApplyOutcome, FetchView, GraphChangeEntry, PlanView } from '../../../src/shared/contract/graph';
import type { SigninTestOutcome } from '../../../src/shared/contract/signin';
import type { Result } from '../../../src/shared/result';
import { addManagementApp, instantRetry } from '../../support/graph/management';
import { HttpBrowser, startSigninHarness, type SigninHarness, type TestCertificate } from '../../support/idp';
import { pfxOf } from '../../support/signin-profiles';
import { createTestHost, type TestHost } from '../../support/test-context';

describe('graph.* certificate rotation', () => {
  let h: SigninHarness;
  let host: TestHost;
  let call: <T>(method: string, input: unknown) => Promise<T>;
  let profileId = '';
  let first: TestCertificate;
  let second: TestCertificate;

  beforeAll(async () => {
    h = await startSigninHarness();
    addManagementApp(h.s.tenant);
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
    first = h.pki.createAppCertificate({ commonName: 'Robot 2026' });
    second = h.pki.createAppCertificate({ commonName: 'Robot 2027' });
    profileId = host.ctx.profiles.create({
      auth: 'certificate',
      name: 'Robot',
      tenant: h.s.tenantId,
      upn: h.s.user.upn,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      scopes: ['User.Read'],
      appOnlyPermissions: ['Sites.Read.All'],
      secrets: { pfx: (await pfxOf(first, 'pw-first')).toString('base64'), pfxPassword: 'pw-first' },
    }).entry.id;
  });
  afterAll(async () => {
    await host?.ctx.dispose();
    await h?.close();
  });

  it('creates the app with the profile’s certificate, then rotates to a new PFX: a failed test says the profile holds the new one and the old is still registered; a retest passes; the old one is removed on request', async () => {
    await call('graph.signIn', { profileId, client: { kind: 'graph-cli' }, action: 'create', consent: true });
    const create = await call<PlanView>('graph.previewCreate', {
      profileId,
      credential: 'profile-certificate',
      consent: true,
    });
    const created = await call<ApplyOutcome>('graph.apply', { planId: create.planId });
    expect(created.failure).toBeNull();
    const before = await call<FetchView>('graph.fetch', { profileId });
    expect(before.certificates).toHaveLength(1);
    const oldKeyId = before.certificates[0]?.keyId ?? '';

    // The new PFX, opened as the Certificates page opens a file: main holds it by ref.
    const held = await call<HeldCertificate>('certificates.inspect', {
      fileName: 'robot-2027.pfx',
      bytesBase64: (await pfxOf(second, 'pw-second')).toString('base64'),
      password: 'pw-second',
      tryEmptyAndAbsent: false,
    });
    const add = await call<PlanView>('graph.previewRotate', {
      profileId,
      credential: { kind: 'certificate', certificateRef: held.ref },
    });
    expect(add.preview.requests.map((r) => r.method)).toEqual(['PATCH']);
    expect((add.preview.requests[0]?.body as { keyCredentials: unknown[] }).keyCredentials).toHaveLength(2);

    // Entra has not accepted the new certificate yet.
    h.idp.graph.forTenant(h.s.tenantId)!.credentialLag = true;
    const rotated = await call<ApplyOutcome>('graph.apply', { planId: add.planId });
    expect(rotated.failure).toBeNull();
    expect(rotated.profileUpdated).toEqual(['certificate']);
    expect(rotated.test?.ok).toBe(false);
    expect(rotated.test?.summary).toContain('The sign-in test with the new certificate failed');
    expect(rotated.test?.summary).toContain('AADSTS700027');
    const advice = rotated.test?.advice.join('\n') ?? '';
    expect(advice).toContain(
      `The profile already holds the new certificate (SHA-1 ${held.details.certificate.thumbprintSha1})`,
    );
    expect(advice).toContain(
      `The old certificate is still registered on the app: CN=Robot 2026 (SHA-1 ${before.certificates[0]?.thumbprintSha1}`,
    );
    expect(advice).toContain('Run the sign-in test again in a few minutes');
    expect(advice).toContain('Keep the old certificate registered');
    const stored = host.ctx.profiles.get(profileId).profile;
    expect(stored?.auth === 'certificate' && stored.certificate?.thumbprintSha1).toBe(
      held.details.certificate.thumbprintSha1,
    );
    expect(rotated.after?.certificates).toHaveLength(2);

    // Entra catches up: the test passes with the new certificate, then the old one goes.
    h.idp.graph.forTenant(h.s.tenantId)!.replicate();
    const retest = await call<SigninTestOutcome>('signin.appOnly', { profileId, credential: 'certificate' });
    expect(retest.result.claims?.roles).toContain('Sites.Read.All');
    const remove = await call<PlanView>('graph.previewRemoveOld', { profileId, certificateKeyIds: [oldKeyId] });
    expect(remove.preview.changes[0]?.removed[0]).toContain('Robot 2026');
    const removed = await call<ApplyOutcome>('graph.apply', { planId: remove.planId });
    expect(removed.after?.certificates.map((c) => c.keyId)).not.toContain(oldKeyId);
    expect(removed.after?.report.counts.error).toBe(0);
    const log = await call<GraphChangeEntry[]>('graph.changes', { profileId });
    expect(log.map((c) => c.action)).toEqual(['remove-old', 'rotate', 'create']);
  });
});
