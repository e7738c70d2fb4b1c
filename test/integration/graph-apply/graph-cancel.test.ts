// graph.cancelSignIn over the real AppContext: the admin closed the browser tab, so the management sign-in waits for
// nobody; Cancel answers the pending graph.signIn with signin.cancelled at once and frees the loopback port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src/core/app/dispatcher';
import { createHandlers } from '../../../src/core/app/handlers';
import type { Result } from '../../../src/shared/result';
import { addManagementApp, instantRetry } from '../../support/graph/management';
import { portIsFree, startSigninHarness, type SigninHarness } from '../../support/idp';
import { createTestHost, type TestHost } from '../../support/test-context';

describe('graph.cancelSignIn', () => {
  let h: SigninHarness;
  let host: TestHost;
  let dispatcher: ReturnType<typeof createDispatcher>;
  let profileId = '';

  beforeAll(async () => {
    h = await startSigninHarness();
    addManagementApp(h.s.tenant);
    host = createTestHost({
      signinNetwork: { extraCaPem: h.pki.caPem, timeoutMs: 10_000 },
      graphRetry: instantRetry(),
    });
    dispatcher = createDispatcher(createHandlers(host.ctx), { log: host.ctx.log });
    profileId = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Cancel app',
      tenant: h.s.tenantId,
      environment: 'custom',
      customHosts: { loginHost: h.idp.host, graphHost: h.idp.host },
      scopes: ['User.Read'],
    }).entry.id;
  });
  afterAll(async () => {
    await host?.ctx.dispose();
    await h?.close();
  });

  /** Resolves once the sign-in asked the OS to open its page (the shell double records it; nobody visits it). */
  const browserOpened = async (before: number): Promise<URL> => {
    while (host.shell.opened.length <= before) await new Promise((r) => setTimeout(r, 20));
    return new URL(host.shell.opened.at(-1)!);
  };

  it('nothing to cancel when no management sign-in is waiting', async () => {
    const r = (await dispatcher.call('graph.cancelSignIn', { profileId })) as Result<{ cancelled: boolean }>;
    expect(r).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('cancel while the browser is away → graph.signIn answers signin.cancelled (the 300 s wait is not run) and the port is free', async () => {
    const before = host.shell.opened.length;
    // The default timeout (300 s) applies: only the cancel can end this sign-in within the test's time.
    const pending = dispatcher.call('graph.signIn', { profileId, client: { kind: 'graph-cli' }, action: 'fetch' });
    const page = await browserOpened(before);
    const port = Number(new URL(page.searchParams.get('redirect_uri') ?? '').port);
    expect(await portIsFree(port)).toBe(false);

    const cancel = (await dispatcher.call('graph.cancelSignIn', { profileId })) as Result<{ cancelled: boolean }>;
    expect(cancel).toEqual({ ok: true, value: { cancelled: true } });
    const answer = await pending;
    expect(answer.ok).toBe(false);
    if (!answer.ok) {
      expect(answer.error.code).toBe('signin.cancelled');
      expect(answer.error.hint).toMatch(/again/i);
    }
    expect(await portIsFree(port)).toBe(true);
    // No management sign-in was kept, and a second cancel finds nothing waiting.
    expect(await dispatcher.call('graph.status', { profileId })).toEqual({ ok: true, value: null });
    expect(await dispatcher.call('graph.cancelSignIn', { profileId })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });
});
