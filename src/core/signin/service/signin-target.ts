import type { AuthKind, CertificateProfile, ProfileFile } from '../../../shared/connections';
import type { EnvironmentId } from '../../../shared/environments';
import { signInHostsFor } from '../endpoints';

/** What a sign-in test needs from a profile (stored or a profile file), with hosts resolved for its cloud. */
export interface SigninTarget {
  auth: AuthKind;
  environment: EnvironmentId;
  loginHost: string;
  graphHost: string;
  tenant: string;
  clientId: string;
  /** The account's UPN (certificate profiles), used as login hint. */
  upn: string | null;
  /** Delegated permissions to request and compare (OpenID scopes and `.default` left out: msal adds what it needs). */
  requiredDelegated: string[];
  /** Application permissions to compare in an app-only test. */
  requiredApplication: string[];
}

/** The fields of a profile a test reads (a stored profile and a profile file both have them). */
export type ProfileTargetFields = Pick<
  ProfileFile,
  'auth' | 'environment' | 'customHosts' | 'tenant' | 'clientId' | 'scopes' | 'appOnlyPermissions'
> & {
  upn?: CertificateProfile['upn'];
};

const OIDC = new Set(['openid', 'profile', 'email', 'offline_access']);

/** Delegated permissions worth requesting: no OpenID scopes, no `.default`, no duplicates. */
export function delegatedPermissions(scopes: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of scopes) {
    const scope = raw.trim();
    if (!scope || OIDC.has(scope.toLowerCase()) || scope.endsWith('.default')) continue;
    if (seen.has(scope.toLowerCase())) continue;
    seen.add(scope.toLowerCase());
    out.push(scope);
  }
  return out;
}

/** Resolve the cloud's hosts (or the Custom hosts) and the permissions of a profile. */
export function signinTarget(p: ProfileTargetFields): SigninTarget {
  const hosts = signInHostsFor(p.environment, p.customHosts);
  return {
    auth: p.auth,
    environment: p.environment,
    loginHost: hosts.loginHost,
    graphHost: hosts.graphHost,
    tenant: p.tenant.trim(),
    clientId: p.clientId.trim(),
    upn: p.upn?.trim() || null,
    requiredDelegated: delegatedPermissions(p.scopes),
    requiredApplication: delegatedPermissions(p.appOnlyPermissions),
  };
}

/** Options whose connection proves the app with a credential alone, so an app-only test makes sense. */
export function offersAppOnly(auth: AuthKind): boolean {
  return auth === 'certificate' || auth === 'client-credentials';
}
