import { isMultiTenantSegment } from '../signin/endpoints';
import { byoCallbackUri } from '../registration/checks/redirect-uris';
import { profileToVerifyTarget, type VerifiableProfile } from '../registration/profile-target';
import type { VerifyTarget } from '../registration/verify-target';

/** What the app registration of a connection must hold, read from its profile the way the verifier reads it. */
export interface RegistrationNeeds {
  target: VerifyTarget;
  displayName: string;
  signInAudience: 'AzureADMyOrg' | 'AzureADMultipleOrgs';
  /** Web redirect URIs: the bring-your-own callback and http://localhost for the Workbench's sign-in test. */
  webRedirectUris: string[];
  /** Delegated permissions (catalog names): the profile's scopes plus any documented minimum it leaves out. */
  delegated: string[];
  /** Application permissions for app-only access. */
  application: string[];
  /** Secret-based options get a client secret. */
  usesSecret: boolean;
}

/** The Workbench's sign-in test redirect URI (Web platform, confidential client). */
export const LOOPBACK_REDIRECT = 'http://localhost';

/** Read the needs of a profile; the verifier target is the same one the Verify page uses (with the sign-in test). */
export function needsOf(profile: VerifiableProfile): RegistrationNeeds {
  const target = profileToVerifyTarget(profile, { loopbackTest: true });
  const web = profile.auth === 'byo-app' && profile.domain.trim() !== '' ? [byoCallbackUri(profile.domain)] : [];
  web.push(LOOPBACK_REDIRECT);
  const multi =
    (profile.auth === 'byo-app' && profile.audience === 'multi-tenant') ||
    (profile.tenant.trim() !== '' && isMultiTenantSegment(profile.tenant));
  const delegated = unique([
    ...target.delegatedScopes,
    ...[...target.requiredDelegated, ...target.triggerDelegated].flatMap((item) =>
      missingChoice(item, target.delegatedScopes),
    ),
  ]);
  return {
    target,
    displayName: profile.name.trim() || `Graph connection (${profile.auth})`,
    signInAudience: multi ? 'AzureADMultipleOrgs' : 'AzureADMyOrg',
    webRedirectUris: web,
    delegated,
    application: [...target.applicationPermissions],
    usesSecret: profile.auth !== 'certificate',
  };
}

/** A documented line the scopes do not satisfy yet: its least-privileged option (the verifier's lists put it last). */
function missingChoice(item: string | string[], have: readonly string[]): string[] {
  const options = Array.isArray(item) ? item : [item];
  const lower = new Set(have.map((h) => h.toLowerCase()));
  if (options.some((o) => lower.has(o.toLowerCase()))) return [];
  const least = options.at(-1);
  return least ? [least] : [];
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = v.trim().toLowerCase();
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
