import { request } from 'node:http';
import type { ICachePlugin, PublicClientApplication } from '@azure/msal-node';
import type { SignInResult } from '../../shared/signin';
import { WorkbenchError } from '../errors';
import { type FlowEndpoint, buildResult } from './flow-support';
import { delegatedScopes, type SignInProgress } from './interactive-signin';
import { loopbackPage } from './loopback-pages';
import { createMsalApp, validateEndpointInput } from './msal-factory';
import { type SigninErrorContext, toSigninError } from './signin-error';

/** Options of the public-client test (msal's own loopback, `acquireTokenInteractive`). */
export interface PublicClientSignInOptions extends FlowEndpoint {
  openBrowser: (url: string) => Promise<void>;
  requiredPermissions?: string[];
  scopes?: string[];
  loginHint?: string;
  prompt?: 'login' | 'select_account' | 'consent' | 'none';
  preferredPort?: number;
  /** Default 5 minutes; msal itself would wait forever. */
  timeoutMs?: number;
  signal?: AbortSignal;
  cachePlugin?: ICachePlugin;
  onProgress?: (progress: SignInProgress) => void;
}

const REGISTER_HINT =
  'Register http://localhost under "Mobile and desktop applications" in the app registration\'s Authentication page and turn on "Allow public client flows", then test again.';

/** Make msal's loopback server give up (a few tries: msal would otherwise wait forever). */
async function stopMsalLoopback(redirectUri: string, state: string, reason: 'timeout' | 'cancelled'): Promise<void> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (await postStop(redirectUri, state, reason)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** msal's loopback accepts a form post carrying an error and the expected state, and then closes. */
function postStop(redirectUri: string, state: string, reason: 'timeout' | 'cancelled'): Promise<boolean> {
  const target = new URL(redirectUri);
  const body = new URLSearchParams({ error: reason, error_description: `The Workbench stopped waiting (${reason}).`, state }).toString();
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: target.port,
        path: '/',
        method: 'POST',
        agent: false,
        headers: { host: target.host, 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
        timeout: 5_000,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode === 200));
      },
    );
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
    req.end(body);
  });
}

/** Interactive sign-in as a public client through msal's acquireTokenInteractive, with the timeout and cancel msal lacks. */
export async function signInPublicClient(o: PublicClientSignInOptions): Promise<SignInResult> {
  validateEndpointInput(o);
  const ctx: SigninErrorContext = {
    flow: 'public-client',
    clientId: o.clientId,
    tenant: o.tenant,
    loginHost: o.loginHost,
    registerRedirectUri: 'http://localhost',
    redirectPlatform: 'Mobile and desktop applications',
    network: o.networkClient,
    logStart: o.networkClient.mark(),
  };
  if (o.signal?.aborted) throw new WorkbenchError('signin.cancelled', 'The sign-in was cancelled.');
  const app = createMsalApp({ ...o, credential: { kind: 'none' }, ...(o.cachePlugin ? { cachePlugin: o.cachePlugin } : {}) }) as PublicClientApplication;
  const scopes = delegatedScopes(o.graphHost, o.requiredPermissions, o.scopes);
  const timeoutMs = o.timeoutMs ?? 5 * 60_000;
  let loopback: { redirectUri: string; state: string } | null = null;
  let stopped: 'timeout' | 'cancelled' | null = null;
  let stopping: Promise<void> = Promise.resolve();
  const stop = (reason: 'timeout' | 'cancelled') => {
    if (stopped) return;
    stopped = reason;
    if (loopback) stopping = stopMsalLoopback(loopback.redirectUri, loopback.state, reason);
  };
  const timer = setTimeout(() => stop('timeout'), timeoutMs);
  const onAbort = () => stop('cancelled');
  o.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const result = await app.acquireTokenInteractive({
      scopes,
      ...(o.loginHint ? { loginHint: o.loginHint } : {}),
      ...(o.prompt ? { prompt: o.prompt } : {}),
      ...(o.preferredPort ? { preferredPort: o.preferredPort } : {}),
      successTemplate: loopbackPage('success', 'Signed in', ['Sign-in finished. You can close this tab and go back to Graph Connection Workbench.']),
      errorTemplate: loopbackPage('failure', 'Sign-in did not finish', ['Go back to Graph Connection Workbench: it explains what to do next.']),
      openBrowser: async (url: string) => {
        const params = new URL(url).searchParams;
        loopback = { redirectUri: params.get('redirect_uri') ?? '', state: params.get('state') ?? '' };
        o.onProgress?.({ step: 'listening', redirectUri: loopback.redirectUri, register: 'http://localhost', platform: 'Mobile and desktop applications' });
        if (stopped) {
          // Stopped while msal was still starting its listener: close it now instead of opening the browser.
          stopping = stopMsalLoopback(loopback.redirectUri, loopback.state, stopped);
          return;
        }
        o.onProgress?.({ step: 'browser', url });
        try {
          await o.openBrowser(url);
        } catch (err) {
          throw new WorkbenchError('signin.browser_failed', 'The browser could not be opened for the sign-in.', { hint: 'Set a default browser, or use the interactive test that shows the address.', cause: err });
        }
      },
    });
    return buildResult('public-client', result, {
      kind: 'delegated',
      required: o.requiredPermissions ?? [],
      redirectUri: loopback?.['redirectUri'] ?? null,
      ...(o.includeAccessToken ? { includeAccessToken: true } : {}),
    });
  } catch (err) {
    if (stopped === 'timeout') {
      throw new WorkbenchError('signin.timeout', `The browser did not come back to the Workbench within ${Math.round(timeoutMs / 1000)} seconds.`, {
        hint: `If the browser showed an error such as AADSTS50011 or AADSTS7000218, ${REGISTER_HINT}`,
        details: { timeoutSeconds: Math.round(timeoutMs / 1000) },
      });
    }
    if (stopped === 'cancelled') throw new WorkbenchError('signin.cancelled', 'The sign-in was cancelled.', { hint: 'Start it again when you are ready.' });
    throw toSigninError(err, ctx);
  } finally {
    clearTimeout(timer);
    o.signal?.removeEventListener('abort', onAbort);
    await stopping;
  }
}
