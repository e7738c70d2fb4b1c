import {
  type AuthenticationResult,
  type ConfidentialClientApplication,
  CryptoProvider,
  type ICachePlugin,
  type PublicClientApplication,
  ResponseMode,
} from '@azure/msal-node';
import type { SignInResult } from '../../shared/signin';
import { WorkbenchError } from '../errors';
import { graphScope } from './endpoints';
import { parseEntraError } from './entra-error';
import {
  type FlowEndpoint,
  type RedirectPlatform,
  buildResult,
  certificateFallbackCodes,
  registeredRedirectUri,
} from './flow-support';
import { startLoopbackListener } from './loopback-listener';
import { type CertificateForm, type ClientCredential, createMsalApp, validateEndpointInput } from './msal-factory';
import { looksLikeSecretId, type SigninErrorContext, toSigninError } from './signin-error';

/** Progress of an interactive test, for the UI. */
export type SignInProgress =
  /** `register`/`platform`: what the app registration must list, to show the admin before the browser opens. */
  | { step: 'listening'; redirectUri: string; register: string; platform: RedirectPlatform }
  | { step: 'browser'; url: string }
  | { step: 'redeeming' };

/** Options of the interactive (delegated) sign-in test. */
export interface InteractiveSignInOptions extends FlowEndpoint {
  /** Secret or certificate for a confidential (Web) app; `none` to test a public client through the same listener. */
  credential: ClientCredential;
  /** Opens the system browser (main process: shell.openExternal). Resolves once the browser was asked to open. */
  openBrowser: (url: string) => Promise<void>;
  /** Delegated permissions the profile needs (e.g. Files.Read.All). */
  requiredPermissions?: string[];
  /** Exact scopes to request instead of the required permissions on the Graph host. */
  scopes?: string[];
  /** The account's UPN, pre-filled on the sign-in page. */
  loginHint?: string;
  prompt?: 'login' | 'select_account' | 'consent' | 'none';
  /** Path of the redirect URI (default `/`: register `http://localhost`). */
  redirectPath?: string;
  preferredPort?: number;
  /** Default 5 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** `form_post` (default) keeps the code out of the browser history; `query` for IdPs without form_post. */
  responseMode?: 'query' | 'form_post';
  /** Keep the tokens (encrypted by the caller) so "check connection" can refresh later. */
  cachePlugin?: ICachePlugin;
  /** For certificates: the first client-assertion form to try (default SHA-256, falling back to SHA-1). */
  certificateForm?: CertificateForm;
  onProgress?: (progress: SignInProgress) => void;
  /** How results and errors name the test; `public-client` for the public-client test (credential `none`). */
  flow?: 'interactive' | 'public-client';
}

/** Scopes for a delegated test: the required permissions on the cloud's Graph host, or User.Read. */
export function delegatedScopes(
  graphHost: string,
  required: readonly string[] | undefined,
  explicit?: string[],
): string[] {
  if (explicit?.length) return explicit;
  const perms = required?.length ? required : ['User.Read'];
  return perms.map((p) => graphScope(graphHost, p));
}

/** Interactive sign-in with PKCE (S256) through the system browser and the Workbench's own loopback listener. */
export async function signInInteractive(o: InteractiveSignInOptions): Promise<SignInResult> {
  validateEndpointInput(o);
  const path = o.redirectPath ?? '/';
  const platform: RedirectPlatform = o.credential.kind === 'none' ? 'Mobile and desktop applications' : 'Web';
  const register = registeredRedirectUri(path);
  const flow = o.flow ?? 'interactive';
  const ctx: SigninErrorContext = {
    flow,
    clientId: o.clientId,
    tenant: o.tenant,
    loginHost: o.loginHost,
    registerRedirectUri: register,
    redirectPlatform: platform,
    secretLooksLikeId: o.credential.kind === 'secret' && looksLikeSecretId(o.credential.secret),
    network: o.networkClient,
    logStart: o.networkClient.mark(),
  };
  const crypto = new CryptoProvider();
  const pkce = await crypto.generatePkceCodes();
  const state = crypto.createNewGuid();
  const scopes = delegatedScopes(o.graphHost, o.requiredPermissions, o.scopes);
  const listener = await startLoopbackListener({
    state,
    path,
    ...(o.preferredPort ? { preferredPort: o.preferredPort } : {}),
    ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    timeoutHint: `If the browser showed an error such as AADSTS50011, register ${register} under "${platform}" in the app registration's Authentication page, then test again.`,
  });
  try {
    o.onProgress?.({ step: 'listening', redirectUri: listener.redirectUri, register, platform });
    const make = (form?: CertificateForm) =>
      createMsalApp({
        ...o,
        credential: o.credential,
        ...(o.cachePlugin ? { cachePlugin: o.cachePlugin } : {}),
        ...(form ? { certificateForm: form } : {}),
      });
    const first = o.certificateForm ?? 'sha256';
    const app = make(first);
    const url = await app.getAuthCodeUrl({
      scopes,
      redirectUri: listener.redirectUri,
      codeChallenge: pkce.challenge,
      codeChallengeMethod: 'S256',
      state,
      responseMode: o.responseMode === 'query' ? ResponseMode.QUERY : ResponseMode.FORM_POST,
      ...(o.loginHint ? { loginHint: o.loginHint } : {}),
      ...(o.prompt ? { prompt: o.prompt } : {}),
    });
    o.onProgress?.({ step: 'browser', url });
    try {
      await o.openBrowser(url);
    } catch (err) {
      throw new WorkbenchError('signin.browser_failed', 'The browser could not be opened for the sign-in.', {
        hint: 'Open the sign-in address yourself (copy it from the test), or set a default browser.',
        details: { url },
        cause: err,
      });
    }
    const response = await listener.result;
    if (response.params.error) throw toSigninError(response.params, ctx);
    const code = response.params.code;
    if (!code)
      throw new WorkbenchError('signin.no_code', 'The browser came back without an authorization code.', {
        hint: 'Start the sign-in again.',
      });
    o.onProgress?.({ step: 'redeeming' });
    const request = {
      code,
      scopes,
      redirectUri: listener.redirectUri,
      codeVerifier: pkce.verifier,
      ...(response.params.client_info ? { clientInfo: response.params.client_info } : {}),
    };
    const { result, form, notes } = await redeem(app, make, first, o.credential, request);
    return buildResult(flow, result, {
      kind: 'delegated',
      required: o.requiredPermissions ?? [],
      redirectUri: listener.redirectUri,
      certificateForm: o.credential.kind === 'certificate' ? form : null,
      notes,
      ...(o.includeAccessToken ? { includeAccessToken: true } : {}),
    });
  } catch (err) {
    throw toSigninError(err, ctx);
  } finally {
    await listener.close();
  }
}

type CodeRequest = Parameters<ConfidentialClientApplication['acquireTokenByCode']>[0];

/** Refusals that mean "this authorization code can no longer be redeemed". */
const codeSpentCodes = [54005, 70008, 9002313, 70000];

async function redeem(
  app: PublicClientApplication | ConfidentialClientApplication,
  make: (form?: CertificateForm) => PublicClientApplication | ConfidentialClientApplication,
  first: CertificateForm,
  credential: ClientCredential,
  request: CodeRequest,
): Promise<{ result: AuthenticationResult; form: CertificateForm; notes: string[] }> {
  try {
    return { result: await app.acquireTokenByCode(request), form: first, notes: [] };
  } catch (err) {
    const aadsts = parseEntraError(err)?.aadsts ?? null;
    if (credential.kind !== 'certificate' || aadsts === null || !certificateFallbackCodes.includes(aadsts)) throw err;
    const other: CertificateForm = first === 'sha256' ? 'sha1' : 'sha256';
    try {
      const result = await make(other).acquireTokenByCode(request);
      return { result, form: other, notes: [fallbackNote(first, aadsts)] };
    } catch (second) {
      // If the first attempt used up the code, the second refusal says nothing about the certificate.
      const again = parseEntraError(second)?.aadsts ?? null;
      throw again !== null && codeSpentCodes.includes(again) ? err : second;
    }
  }
}

/** The note shown when Entra refused one client-assertion form and accepted the other. */
export function fallbackNote(first: CertificateForm, aadsts: number): string {
  return first === 'sha256'
    ? `Entra refused the SHA-256 form of the client assertion (x5t#S256, PS256; AADSTS${aadsts}) and accepted the SHA-1 form (x5t, RS256). Keep using the SHA-1 thumbprint with this cloud.`
    : `Entra refused the SHA-1 form of the client assertion (AADSTS${aadsts}) and accepted the SHA-256 form.`;
}
