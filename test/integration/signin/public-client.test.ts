import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInPublicClient } from '../../../src/core/signin/public-client-signin';
import { httpSend, portIsFree, startSigninHarness, type SigninHarness } from '../../support/idp';
import { failure } from '../../support/idp/expect-failure';

let h: SigninHarness;
beforeAll(async () => {
  h = await startSigninHarness();
});
afterAll(async () => h.close());

/** An opener that only remembers the loopback address and state, like a browser the user never finishes. */
function idleBrowser(): {
  open: (url: string) => Promise<void>;
  port: () => number;
  state: () => string;
  opened: Promise<void>;
} {
  let redirect = '';
  let state = '';
  let opened!: () => void;
  const wasOpened = new Promise<void>((r) => (opened = r));
  return {
    open: async (url) => {
      redirect = new URL(url).searchParams.get('redirect_uri') ?? '';
      state = new URL(url).searchParams.get('state') ?? '';
      opened();
    },
    port: () => Number(new URL(redirect).port),
    state: () => state,
    opened: wasOpened,
  };
}

describe('public client (the Workbench’s own listener, getAuthCodeUrl + acquireTokenByCode)', () => {
  it('signs in through the Workbench’s loopback with form_post and PKCE', async () => {
    const browser = h.browser();
    const steps: string[] = [];
    const result = await signInPublicClient({
      ...h.endpoint(h.s.publicApp.clientId),
      openBrowser: browser.open,
      requiredPermissions: ['User.Read', 'Files.Read.All'],
      loginHint: h.s.user.upn,
      onProgress: (p) => steps.push(p.step),
    });
    expect(steps).toEqual(['listening', 'browser', 'redeeming']);
    expect(result.flow).toBe('public-client');
    expect(result.claims?.credentialUsed).toBe('none (public client)');
    expect(result.permissions.missing).toEqual([]);
    expect(result.redirectUri).toMatch(/^http:\/\/localhost:\d+$/);
    const visit = await browser.last();
    expect(visit.startUrl).toContain('response_mode=form_post');
    expect(visit.startUrl).toContain('code_challenge_method=S256');
    expect(visit.finalText).toContain('Signed in');
  });

  it('has the listener’s limits (msal’s own server had none): a 2 MB answer is refused with 413, a foreign Host with 400, and the sign-in is not settled by either', async () => {
    const browser = idleBrowser();
    const pending = failure(
      signInPublicClient({ ...h.endpoint(h.s.publicApp.clientId), openBrowser: browser.open, timeoutMs: 1500 }),
    );
    await browser.opened;
    const port = browser.port();
    const big = new URLSearchParams({
      code: 'forged-code',
      state: browser.state(),
      padding: 'x'.repeat(2 * 1024 * 1024),
    }).toString();
    const huge = await httpSend(port, { method: 'POST', body: big }).catch((e: NodeJS.ErrnoException) => ({
      status: e.code ?? 'error',
    }));
    // 413, or the connection closed by the listener while the client was still sending.
    expect([413, 'ECONNRESET', 'EPIPE']).toContain(huge.status);
    const rebound = await httpSend(port, {
      method: 'POST',
      body: new URLSearchParams({ code: 'forged-code', state: browser.state() }).toString(),
      headers: { host: `attacker.example:${port}` },
    });
    expect(rebound.status).toBe(400);
    const err = await pending;
    expect(err.code).toBe('signin.timeout');
    expect(await portIsFree(port)).toBe(true);
  });

  it('times out and frees the port', async () => {
    const browser = idleBrowser();
    const err = await failure(
      signInPublicClient({ ...h.endpoint(h.s.publicApp.clientId), openBrowser: browser.open, timeoutMs: 300 }),
    );
    expect(err.code).toBe('signin.timeout');
    expect(err.hint).toContain('Mobile and desktop applications');
    expect(await portIsFree(browser.port())).toBe(true);
  });

  it('is cancelled with an AbortSignal and frees the port', async () => {
    const controller = new AbortController();
    const browser = idleBrowser();
    const pending = signInPublicClient({
      ...h.endpoint(h.s.publicApp.clientId),
      signal: controller.signal,
      openBrowser: async (url) => {
        await browser.open(url);
        setTimeout(() => controller.abort(), 30);
      },
    });
    expect((await failure(pending)).code).toBe('signin.cancelled');
    expect(await portIsFree(browser.port())).toBe(true);
    expect(
      (
        await failure(
          signInPublicClient({
            ...h.endpoint(h.s.publicApp.clientId),
            signal: AbortSignal.abort(),
            openBrowser: browser.open,
          }),
        )
      ).code,
    ).toBe('signin.cancelled');
  });

  it('a Web-only registration → aadsts.7000218 (public client flag mismatch)', async () => {
    const err = await failure(
      signInPublicClient({ ...h.endpoint(h.s.webApp.clientId), openBrowser: h.browser().open }),
    );
    expect(err.code).toBe('aadsts.7000218');
    expect(err.hint).toContain('Allow public client flows');
  });

  it('the browser cannot be opened → signin.browser_failed', async () => {
    const err = await failure(
      signInPublicClient({
        ...h.endpoint(h.s.publicApp.clientId),
        openBrowser: () => Promise.reject(new Error('xdg-open missing')),
      }),
    );
    expect(err.code).toBe('signin.browser_failed');
  });
});
