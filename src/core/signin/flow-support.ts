import type { AuthenticationResult } from '@azure/msal-node';
import type { PermissionComparison, SignInFlow, SignInResult, TokenClaimsSummary } from '../../shared/signin';
import type { CertificateForm } from './msal-factory';
import type { SigninNetworkClient } from './network-client';
import { comparePermissions, permissionName } from './permission-compare';
import { decodeJwt, looksLikeJwt, summarizeClaims } from './token-decode';

/** Inputs every sign-in test shares: where to go and which app. */
export interface FlowEndpoint {
  /** Sign-in host (from the environment table, or a Custom host). */
  loginHost: string;
  /** Microsoft Graph host of the same cloud. */
  graphHost: string;
  /** Tenant ID or verified domain. */
  tenant: string;
  /** Application (client) ID. */
  clientId: string;
  /** The network client every request goes through (production too). */
  networkClient: SigninNetworkClient;
  /** `oidc` for a generic OpenID Connect provider; default `entra`. */
  protocol?: 'entra' | 'oidc';
  /** Put the access token in the result (e.g. to run the Graph probe); never stored. */
  includeAccessToken?: boolean;
  /** msal's own log lines (no personal data), for diagnostics; redact before keeping them. */
  logSink?: (level: 'error' | 'warning' | 'info', message: string) => void;
}

/** The platform names of the Entra admin center's Authentication page. */
export type RedirectPlatform = 'Web' | 'Mobile and desktop applications';

/** Build the typed result from msal's answer. */
export function buildResult(
  flow: SignInFlow,
  result: AuthenticationResult,
  options: {
    kind: PermissionComparison['kind'];
    required: readonly string[];
    redirectUri?: string | null;
    certificateForm?: CertificateForm | null;
    notes?: string[];
    includeAccessToken?: boolean;
  },
): SignInResult {
  const notes = [...(options.notes ?? [])];
  let claims: TokenClaimsSummary | null = null;
  if (looksLikeJwt(result.accessToken)) {
    try {
      claims = summarizeClaims(decodeJwt(result.accessToken).payload);
    } catch {
      claims = null;
    }
  }
  if (!claims)
    notes.push(
      'The access token is not a readable JWT, so its claims cannot be shown; permissions come from the token response.',
    );
  let granted: string[];
  if (options.kind === 'application') {
    granted = claims?.roles ?? [];
    if (claims && claims.roles.length === 0)
      notes.push(
        'The token has no roles claim: no application permission has been granted to this app in this tenant (admin consent is missing).',
      );
  } else {
    granted = claims && claims.scopes.length > 0 ? claims.scopes : result.scopes.map(permissionName);
  }
  const out: SignInResult = {
    flow,
    claims,
    permissions: comparePermissions(options.kind, options.required, granted),
    account: result.account
      ? {
          username: result.account.username,
          tenantId: result.account.tenantId,
          homeAccountId: result.account.homeAccountId,
        }
      : null,
    redirectUri: options.redirectUri ?? null,
    certificateForm: options.certificateForm ?? null,
    notes,
    expiresOn: result.expiresOn ? result.expiresOn.toISOString() : null,
  };
  if (options.includeAccessToken) out.accessToken = result.accessToken;
  return out;
}

/** Codes with which Entra refuses a client assertion's form, so the other thumbprint form is worth a try. */
export const certificateFallbackCodes: readonly number[] = [700027, 50012, 50027];

/** The redirect URI to register for a listener path: `http://localhost` plus the path. */
export function registeredRedirectUri(path = '/'): string {
  return `http://localhost${path === '/' ? '' : path}`;
}
