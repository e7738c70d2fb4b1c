import type { AccountInfo } from '@azure/msal-node';
import type { RefreshHealthResult } from '../../shared/signin';
import { WorkbenchError } from '../errors';
import { type FlowEndpoint, buildResult } from './flow-support';
import { delegatedScopes } from './interactive-signin';
import { type CertificateForm, type ClientCredential, createMsalApp, validateEndpointInput } from './msal-factory';
import { type SigninErrorContext, toSigninError } from './signin-error';
import { createCachePlugin, type TokenCachePersistence } from './token-cache';

/** Options of "check connection". */
export interface CheckConnectionOptions extends FlowEndpoint {
  /** The credential the sign-in used: refresh tokens are bound to the client type. */
  credential: ClientCredential;
  /** For certificates: the client-assertion form the sign-in test found to work (default SHA-256). */
  certificateForm?: CertificateForm;
  /** The saved (encrypted by the caller) MSAL token cache. */
  persistence: TokenCachePersistence;
  /** Which saved account: its username (UPN) or homeAccountId. Default: the only one. */
  account?: string;
  requiredPermissions?: string[];
  scopes?: string[];
}

function noAccount(message: string): WorkbenchError {
  return new WorkbenchError('signin.no_account', message, {
    hint: 'Run the interactive sign-in test once; the Workbench keeps that sign-in for later checks.',
    details: { signInAgain: true },
  });
}

/** "Check connection": refresh the saved sign-in with its refresh token and show what the new token grants. */
export async function checkConnection(o: CheckConnectionOptions): Promise<RefreshHealthResult> {
  validateEndpointInput(o);
  const ctx: SigninErrorContext = {
    flow: 'refresh',
    clientId: o.clientId,
    tenant: o.tenant,
    loginHost: o.loginHost,
    network: o.networkClient,
    logStart: o.networkClient.mark(),
  };
  const app = createMsalApp({ ...o, cachePlugin: createCachePlugin(o.persistence) });
  let accounts: AccountInfo[];
  try {
    accounts = await app.getTokenCache().getAllAccounts();
  } catch (err) {
    throw noAccount(`The saved sign-in could not be read (${err instanceof Error ? err.name : 'unknown error'}).`);
  }
  const wanted = o.account?.toLowerCase();
  const account = wanted
    ? accounts.find((a) => a.username.toLowerCase() === wanted || a.homeAccountId.toLowerCase() === wanted)
    : accounts.length === 1
      ? accounts[0]
      : undefined;
  if (!account) {
    throw noAccount(
      accounts.length > 1 && !wanted
        ? 'Several sign-ins are saved for this profile; choose which account to check.'
        : 'There is no saved sign-in for this profile.',
    );
  }
  try {
    // forceRefresh: a cached access token proves nothing; only redeeming the refresh token shows the sign-in still works.
    const result = await app.acquireTokenSilent({
      account,
      scopes: delegatedScopes(o.graphHost, o.requiredPermissions, o.scopes),
      forceRefresh: true,
    });
    const built = buildResult('refresh', result, {
      kind: 'delegated',
      required: o.requiredPermissions ?? [],
      ...(o.includeAccessToken ? { includeAccessToken: true } : {}),
    });
    return { ...built, flow: 'refresh', checkedAt: new Date().toISOString() };
  } catch (err) {
    const mapped = toSigninError(err, ctx);
    if ((err as { name?: string })?.name === 'InteractionRequiredAuthError' && mapped.details?.signInAgain !== true) {
      throw new WorkbenchError(mapped.code, mapped.message, {
        ...(mapped.hint ? { hint: mapped.hint } : {}),
        details: { ...(mapped.details ?? {}), signInAgain: true },
        cause: err,
      });
    }
    throw mapped;
  }
}
