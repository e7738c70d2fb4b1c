import { WorkbenchError } from '../errors';
import { isMultiTenantSegment } from '../signin/endpoints';
import { signInInteractive, type SignInProgress } from '../signin/interactive-signin';
import type { SigninNetworkClient } from '../signin/network-client';
import { tokensInCache } from '../signin/service/vault-token-cache';
import { createCachePlugin } from '../signin/token-cache';
import { managementClientId, type ManagementClient } from './management';

/** A management sign-in: the token lives in memory only, with what it may do. */
export interface ManagementToken {
  accessToken: string;
  expiresOn: string | null;
  account: string | null;
  tenantId: string | null;
  graphHost: string;
  clientId: string;
  /** The scopes Graph granted (from the token's scp). */
  scopes: string[];
}

/** Options of the management sign-in. */
export interface ManagementSignInOptions {
  loginHost: string;
  graphHost: string;
  /** The profile's tenant; common/organizations become organizations (the admin's home tenant). */
  tenant: string;
  client: ManagementClient;
  /** Only the scopes the chosen action needs (scopesFor). */
  scopes: string[];
  networkClient: SigninNetworkClient;
  openBrowser: (url: string) => Promise<void>;
  loginHint?: string;
  timeoutMs?: number;
  signal?: AbortSignal;
  onProgress?: (p: SignInProgress) => void;
  /** Every token msal receives (access, refresh, ID) is registered here so no log line can print it; the cache itself is dropped. */
  redactor?: { register(secret: string): void };
}

/** Delegated sign-in of the admin (PKCE, the Workbench's own loopback listener) for Microsoft Graph management scopes. */
export async function signInForManagement(o: ManagementSignInOptions): Promise<ManagementToken> {
  const clientId = managementClientId(o.client);
  if (!clientId)
    throw new WorkbenchError(
      'graph.invalid_request',
      'Name the management app: your own public client’s client ID, or Microsoft Graph Command Line Tools.',
    );
  const tenant = !o.tenant.trim() || isMultiTenantSegment(o.tenant) ? 'organizations' : o.tenant.trim();
  const result = await signInInteractive({
    loginHost: o.loginHost,
    graphHost: o.graphHost,
    tenant,
    clientId,
    networkClient: o.networkClient,
    credential: { kind: 'none' },
    scopes: o.scopes.map((s) => `https://${o.graphHost}/${s}`),
    includeAccessToken: true,
    openBrowser: o.openBrowser,
    prompt: 'select_account',
    // The refresh token msal receives is never kept: the cache lives for this call only, its tokens registered for redaction.
    cachePlugin: createCachePlugin({
      load: () => null,
      save: (data) => tokensInCache(data).forEach((t) => o.redactor?.register(t)),
    }),
    ...(o.loginHint ? { loginHint: o.loginHint } : {}),
    ...(o.timeoutMs ? { timeoutMs: o.timeoutMs } : {}),
    ...(o.signal ? { signal: o.signal } : {}),
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  if (!result.accessToken)
    throw new WorkbenchError('graph.not_signed_in', 'The sign-in gave no access token for Microsoft Graph.', {
      hint: 'Sign in again.',
    });
  return {
    accessToken: result.accessToken,
    expiresOn: result.expiresOn,
    account: result.account?.username ?? null,
    tenantId: result.account?.tenantId ?? result.claims?.tid ?? null,
    graphHost: o.graphHost,
    clientId,
    scopes: result.claims?.scopes ?? [],
  };
}
