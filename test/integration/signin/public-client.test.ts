import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInPublicClient } from '../../../src/core/signin/public-client-signin';
import { portIsFree, startSigninHarness, type SigninHarness } from '../../support/idp';
import { failure } from '../../support/idp/expect-failure';

let h: SigninHarness;
beforeAll(async () => {
  h = await startSigninHarness();
});
afterAll(async () => h.close());


/** An opener that only remembers msal's loopback address, like a browser the user never finishes. */
function idleBrowser(): { open: (url: string) => Promise<void>; port: () => number } {
  let redirect = '';
  return {
    open: async (url) => {
      redirect = new URL(url).searchParams.get('redirect_uri') ?? '';
    },
    port: () => Number(new URL(redirect).port),
  };
}

describe('public client (msal acquireTokenInteractive)', () => {
  it('signs in through msal’s loopback with form_post and PKCE', async () => {
    const browser = h.browser();
    const steps: string[] = [];
    const result = await signInPublicClient({
      ...h.endpoint(h.s.publicApp.clientId),
      openBrowser: browser.open,
      requiredPermissions: ['User.Read', 'Files.Read.All'],
      loginHint: h.s.user.upn,
      onProgress: (p) => steps.push(p.step),
    });
    expect(steps).toEqual(['listening', 'browser']);
    expect(result.flow).toBe('public-client');
    expect(result.claims?.credentialUsed).toBe('none (public client)');
    expect(result.permissions.missing).toEqual([]);
    expect(result.redirectUri).toMatch(/^http:\/\/localhost:\d+$/);
    const visit = await browser.last();
    expect(visit.startUrl).toContain('response_mode=form_post');
    expect(visit.startUrl).toContain('code_challenge_method=S256');
    expect(visit.finalText).toContain('Signed in');
  });

  it('times out (msal has no timeout of its own) and frees msal’s port', async () => {
    const browser = idleBrowser();
    const err = await failure(signInPublicClient({ ...h.endpoint(h.s.publicApp.clientId), openBrowser: browser.open, timeoutMs: 300 }));
    expect(err.code).toBe('signin.timeout');
    expect(err.hint).toContain('Mobile and desktop applications');
    expect(await portIsFree(browser.port())).toBe(true);
  });

  it('is cancelled with an AbortSignal and frees msal’s port', async () => {
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
    expect((await failure(signInPublicClient({ ...h.endpoint(h.s.publicApp.clientId), signal: AbortSignal.abort(), openBrowser: browser.open }))).code).toBe('signin.cancelled');
  });

  it('a Web-only registration → aadsts.7000218 (public client flag mismatch)', async () => {
    const err = await failure(signInPublicClient({ ...h.endpoint(h.s.webApp.clientId), openBrowser: h.browser().open }));
    expect(err.code).toBe('aadsts.7000218');
    expect(err.hint).toContain('Allow public client flows');
  });

  it('the browser cannot be opened → signin.browser_failed', async () => {
    const err = await failure(signInPublicClient({ ...h.endpoint(h.s.publicApp.clientId), openBrowser: () => Promise.reject(new Error('xdg-open missing')) }));
    expect(err.code).toBe('signin.browser_failed');
  });
});
