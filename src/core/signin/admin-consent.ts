import { CryptoProvider } from '@azure/msal-node';
import type { AdminConsentResult } from '../../shared/signin';
import { adminConsentUrl } from '../connections/cloud-urls';
import { WorkbenchError } from '../errors';
import { type AppOnlyOptions, testAppOnly } from './app-only';
import { graphDefaultScope, isMultiTenantSegment, normaliseHost } from './endpoints';
import { type FlowEndpoint, registeredRedirectUri } from './flow-support';
import { startLoopbackListener } from './loopback-listener';
import { validateEndpointInput } from './msal-factory';
import { type SigninErrorContext, toSigninError } from './signin-error';

/** What an admin consent URL needs. */
export interface AdminConsentUrlInput {
  loginHost: string;
  graphHost: string;
  tenant: string;
  clientId: string;
  /** Must match a redirect URI registered on the app (v1 also allows extra path segments). */
  redirectUri: string;
  state?: string;
  /** v2 only; default `https://<graph host>/.default` (everything the registration lists). */
  scope?: string;
  /** `v2` (default) is /{tenant}/v2.0/adminconsent; `v1` is /{tenant}/adminconsent. */
  version?: 'v1' | 'v2';
}

/** Build the admin consent address for the profile's cloud. */
export function buildAdminConsentUrl(input: AdminConsentUrlInput): string {
  validateEndpointInput(input);
  const version = input.version ?? 'v2';
  if (version === 'v2' && input.tenant.trim().toLowerCase() === 'common') {
    throw new WorkbenchError('signin.tenant_required', 'Admin consent (v2) cannot use the "common" tenant.', {
      hint: 'Use the customer tenant ID, a verified domain, or "organizations" (the admin’s own tenant).',
    });
  }
  return adminConsentUrl(
    { loginHost: normaliseHost(input.loginHost) },
    {
      tenant: input.tenant,
      clientId: input.clientId,
      redirectUri: input.redirectUri,
      ...(version === 'v2' ? { scope: input.scope ?? graphDefaultScope(input.graphHost) } : {}),
      ...(input.state ? { state: input.state } : {}),
    },
  );
}

/** The address to send to a Global Administrator: no state; after consenting they may see an error page, which is harmless. */
export function adminConsentLinkForAdmin(
  input: Omit<AdminConsentUrlInput, 'state' | 'redirectUri'> & { redirectUri?: string },
): string {
  return buildAdminConsentUrl({ ...input, redirectUri: input.redirectUri ?? 'http://localhost' });
}

/** Options of the admin consent flow. */
export interface AdminConsentOptions extends FlowEndpoint {
  openBrowser: (url: string) => Promise<void>;
  version?: 'v1' | 'v2';
  scope?: string;
  redirectPath?: string;
  preferredPort?: number;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** With a credential, an app-only token is requested afterwards to show the granted application permissions. */
  verify?: Pick<AppOnlyOptions, 'credential' | 'requiredPermissions' | 'certificateForm'>;
}

/** Open the admin consent page, catch the answer on the loopback listener, then verify with an app-only token. */
export async function runAdminConsent(o: AdminConsentOptions): Promise<AdminConsentResult> {
  validateEndpointInput(o);
  const path = o.redirectPath ?? '/';
  const ctx: SigninErrorContext = {
    flow: 'admin-consent',
    clientId: o.clientId,
    tenant: o.tenant,
    loginHost: o.loginHost,
    registerRedirectUri: registeredRedirectUri(path),
    redirectPlatform: 'Web',
    network: o.networkClient,
    logStart: o.networkClient.mark(),
  };
  const state = new CryptoProvider().createNewGuid();
  const listener = await startLoopbackListener({
    state,
    path,
    ...(o.preferredPort ? { preferredPort: o.preferredPort } : {}),
    ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    successMessage: 'Admin consent finished. You can close this tab and go back to Graph Connection Workbench.',
    timeoutHint: `If the browser showed AADSTS50011, register ${registeredRedirectUri(path)} as a redirect URI of the app, or send the admin consent link to an administrator instead.`,
  });
  let response;
  try {
    const url = buildAdminConsentUrl({
      ...o,
      redirectUri: listener.redirectUri,
      state,
      ...(o.scope ? { scope: o.scope } : {}),
      version: o.version ?? 'v2',
    });
    try {
      await o.openBrowser(url);
    } catch (err) {
      throw new WorkbenchError('signin.browser_failed', 'The browser could not be opened for admin consent.', {
        hint: 'Copy the admin consent link and open it yourself.',
        cause: err,
      });
    }
    response = await listener.result;
    // An error wins even when Entra also sends admin_consent=True (documented for v2 denials).
    if (response.params.error) throw toSigninError(response.params, ctx);
    if (response.params.admin_consent?.toLowerCase() !== 'true') {
      throw new WorkbenchError('signin.no_code', 'The browser came back without an admin consent answer.', {
        hint: 'Run admin consent again.',
      });
    }
  } catch (err) {
    throw toSigninError(err, ctx);
  } finally {
    await listener.close();
  }
  const result: AdminConsentResult = {
    consented: true,
    tenantReported: response.params.tenant ?? null,
    verification: null,
    verificationNote: null,
  };
  if (!o.verify) return result;
  if (isMultiTenantSegment(o.tenant)) {
    result.verificationNote =
      'Not verified: an app-only token needs the tenant ID in the profile, not "organizations" or "common".';
    return result;
  }
  try {
    result.verification = await testAppOnly({ ...o, ...o.verify });
    if (result.verification.permissions.missing.length > 0) {
      result.verificationNote =
        'Consent was granted, but the token does not carry every required application permission yet. New grants can take a few minutes to reach tokens; test again shortly, and check the API permissions of the registration.';
    }
  } catch (err) {
    const mapped = toSigninError(err, { ...ctx, flow: 'client-credentials' });
    result.verificationNote = `Consent was granted, but the app-only test failed: ${mapped.message}`;
  }
  return result;
}
