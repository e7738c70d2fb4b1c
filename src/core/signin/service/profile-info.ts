import { authLabels, type ProfileEntry } from '../../../shared/connections';
import type {
  AppOnlyCredential,
  DelegatedClient,
  SavedSignInInfo,
  SigninProfileInfo,
  SigninTestFlow,
} from '../../../shared/contract/signin';
import { isMultiTenantSegment } from '../endpoints';
import { registeredRedirectUri } from '../flow-support';
import { credentialKindOf } from './profile-credential';
import { offersAppOnly, type SigninTarget } from './signin-target';

/** What the Sign-in tests page shows about a profile before any test runs. */
export function profileInfo(
  entry: ProfileEntry,
  target: SigninTarget,
  state: { savedSignIn: SavedSignInInfo | null; running: { runId: string; flow: SigninTestFlow } | null },
): SigninProfileInfo {
  const kind = credentialKindOf(target.auth);
  const stored = (kind === 'secret' ? entry.secrets.clientSecret : entry.secrets.pfx) === 'stored';
  const tenantNamed = !isMultiTenantSegment(target.tenant);
  const remarks: string[] = [];
  if (!stored) {
    remarks.push(
      kind === 'secret'
        ? 'No client secret is stored for this profile: only the public-client sign-in can run. Add the secret on the Connections page.'
        : 'No certificate (PFX) is stored for this profile: only the public-client sign-in can run. Choose the .pfx on the Connections page.',
    );
  }
  const appOnlyOffered = offersAppOnly(target.auth);
  if (appOnlyOffered && !tenantNamed) {
    remarks.push(
      `The tenant is "${target.tenant}": the app-only test and the admin consent check need the Directory (tenant) ID or a verified domain.`,
    );
  }
  if (!appOnlyOffered)
    remarks.push(
      `${authLabels[target.auth]} connections always sign a user in, so there is no app-only test for this option.`,
    );
  const delegated: DelegatedClient[] = stored ? [kind, 'public'] : ['public'];
  const appOnly: AppOnlyCredential[] = appOnlyOffered && stored && tenantNamed ? [kind] : [];
  return {
    profileId: entry.id,
    profileName: entry.name,
    auth: target.auth,
    environment: target.environment,
    loginHost: target.loginHost,
    graphHost: target.graphHost,
    tenant: target.tenant,
    clientId: target.clientId,
    upn: target.upn,
    tenantNamed,
    delegated,
    appOnly,
    appOnlyOffered,
    redirects: {
      confidential: { uri: registeredRedirectUri('/'), platform: 'Web' },
      publicClient: { uri: registeredRedirectUri('/'), platform: 'Mobile and desktop applications' },
    },
    requiredDelegated: target.requiredDelegated,
    requiredApplication: target.requiredApplication,
    savedSignIn: state.savedSignIn,
    running: state.running,
    remarks,
  };
}
