// The management sign-in and the Graph requests use the user's sign-in settings: a root CA file trusted there (a
// TLS-inspecting proxy's), or the OS certificate store, lets them through, as it lets the sign-in tests through. The
// emulator's test CA plays the proxy's CA: the host is given no CA of its own. On Linux the "OS store" is OpenSSL's
// file, which SSL_CERT_FILE names; it is read the first time it is asked for (after beforeAll sets it here).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src/core/app/dispatcher';
import { createHandlers } from '../../../src/core/app/handlers';
import type { ApplyOutcome, ManagementStatus, PlanView } from '../../../src/shared/contract/graph';
import type { Result } from '../../../src/shared/result';
import { addManagementApp, instantRetry } from '../../support/graph/management';
import { HttpBrowser, startSigninHarness, type SigninHarness } from '../../support/idp';
import { createTestHost, type TestHost } from '../../support/test-context';

describe('graph.* with the sign-in settings’ root CA file', () => {
  let h: SigninHarness;
  let host: TestHost;
  let call: (method: string, input: unknown) => Promise<Result<unknown>>;
  let profileId = '';
  let caFile = '';
  const hosts: TestHost[] = [];

  /** A host without the test CA, whose shell double's browser signs the admin in. */
  const start = (): TestHost => {
    const made = createTestHost({ signinNetwork: { timeoutMs: 10_000 }, graphRetry: instantRetry() });
    hosts.push(made);
    const browser = new HttpBrowser({ caPem: h.pki.caPem, user: h.s.admin });
    made.shell.openInBrowser = async (url: string) => {
      made.shell.opened.push(url);
      void browser.visit(url);
    };
    return made;
  };

  beforeAll(async () => {
    h = await startSigninHarness();
    addManagementApp(h.s.tenant);
    caFile = join(mkdtempSync(join(tmpdir(), 'gcw-proxy-ca-')), 'proxy-ca.pem');
    writeFileSync(caFile, h.pki.caPem);
    process.env.SSL_CERT_FILE = caFile;
    host = start();
    const dispatcher = createDispatcher(createHandlers(host.ctx), { log: host.ctx.log });
    call = (method, input) => dispatcher.call(method, input);
    profileId = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Behind the proxy',
      tenant: h.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      scopes: ['User.Read'],
    }).entry.id;
  });
  afterAll(async () => {
    for (const made of hosts) await made.ctx.dispose();
    await h?.close();
  });

  const signIn = () =>
    call('graph.signIn', {
      profileId,
      client: { kind: 'graph-cli' },
      action: 'create',
      consent: false,
      timeoutSeconds: 10,
    });

  it('fails without the CA (the emulator’s certificate is not trusted), then signs in and creates the app once the CA file is trusted in the sign-in settings', async () => {
    const refused = await signIn();
    expect(refused.ok).toBe(false);

    host.ctx.signin.trustExtraCa(caFile);

    const signedIn = await signIn();
    expect(signedIn.ok, JSON.stringify(signedIn)).toBe(true);
    expect((signedIn as { value: ManagementStatus }).value.account).toBe(h.s.admin.upn);
    const preview = (await call('graph.previewCreate', {
      profileId,
      credential: 'none',
      consent: false,
    })) as Result<PlanView>;
    expect(preview.ok).toBe(true);
    // The Graph requests go through the same trust: the app is created and read back.
    const applied = (await call('graph.apply', {
      planId: preview.ok ? preview.value.planId : '',
    })) as Result<ApplyOutcome>;
    expect(applied.ok, JSON.stringify(applied)).toBe(true);
    if (!applied.ok) return;
    expect(applied.value.failure).toBeNull();
    expect(applied.value.after?.appId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('with “trust the OS certificate store” on (and no CA file), the management sign-in and the Graph requests trust the store', async () => {
    const other = start();
    const id = other.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'OS store',
      tenant: h.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      scopes: ['User.Read'],
    }).entry.id;
    const dispatcher = createDispatcher(createHandlers(other.ctx), { log: other.ctx.log });
    const run = (method: string, input: unknown) => dispatcher.call(method, input);
    const input = { profileId: id, client: { kind: 'graph-cli' }, action: 'fetch', consent: false, timeoutSeconds: 10 };
    expect((await run('graph.signIn', input)).ok).toBe(false);
    other.ctx.signin.setPreferences({ useSystemCa: true });
    const signedIn = await run('graph.signIn', input);
    expect(signedIn.ok, JSON.stringify(signedIn)).toBe(true);
    // A Graph request (the app does not exist: Graph answers 404, which proves the TLS connection was trusted).
    other.ctx.profiles.update(id, {
      auth: 'client-credentials',
      name: 'OS store',
      tenant: h.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      scopes: ['User.Read'],
      clientId: '11111111-2222-3333-4444-555555555555',
      secrets: {},
    });
    const fetched = await run('graph.fetch', { profileId: id });
    expect(fetched).toMatchObject({ ok: false, error: { code: 'graph.not_found', details: { status: 404 } } });
  });
});
