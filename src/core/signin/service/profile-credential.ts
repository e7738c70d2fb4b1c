import type { AuthKind, SecretName } from '../../../shared/connections';
import type { ProfileStore } from '../../connections/profile-store';
import { secretHostsKey } from '../../connections/secret-hosts';
import { isWorkbenchError, WorkbenchError } from '../../errors';
import type { ClientCredential } from '../msal-factory';
import { credentialFromPfx } from './pfx-credential';

/** Which credential kind each option keeps. */
export function credentialKindOf(auth: AuthKind): 'secret' | 'certificate' {
  return auth === 'certificate' ? 'certificate' : 'secret';
}

function readOptional(profiles: ProfileStore, profileId: string, name: SecretName, hosts: string): string | null {
  try {
    return profiles.readSecretFor(profileId, name, hosts);
  } catch (error) {
    if (isWorkbenchError(error) && error.code === 'vault.not_found') return null;
    throw error;
  }
}

/**
 * Read the profile's secret or certificate from the vault and turn it into an msal credential. `target` holds the hosts
 * the test sends it to: a secret saved for other hosts is refused with `profile.secret_host_changed`.
 */
export async function profileCredential(
  profiles: ProfileStore,
  profileId: string,
  target: { auth: AuthKind; loginHost: string; graphHost: string },
  kind: 'secret' | 'certificate',
): Promise<Exclude<ClientCredential, { kind: 'none' }>> {
  const { auth } = target;
  const hosts = secretHostsKey(target);
  if (credentialKindOf(auth) !== kind) {
    throw new WorkbenchError(
      'signin.flow_not_offered',
      kind === 'certificate'
        ? 'This profile has no certificate: its option signs in with a client secret.'
        : 'This profile has no client secret: its option signs in with a certificate.',
      {
        hint: 'Choose the test that uses the profile’s own credential.',
      },
    );
  }
  if (kind === 'secret') {
    const secret = readOptional(profiles, profileId, 'clientSecret', hosts);
    if (!secret) {
      throw new WorkbenchError(
        'signin.credential_missing',
        'No client secret is stored for this profile on this computer.',
        {
          hint: 'Open the profile on the Connections page and paste the secret Value (not the Secret ID), then test again.',
        },
      );
    }
    return { kind: 'secret', secret };
  }
  const pfx = readOptional(profiles, profileId, 'pfx', hosts);
  if (!pfx) {
    throw new WorkbenchError(
      'signin.credential_missing',
      'No certificate (PFX) is stored for this profile on this computer.',
      {
        hint: 'Open the profile on the Connections page and choose its .pfx file, then test again.',
      },
    );
  }
  return credentialFromPfx(Buffer.from(pfx, 'base64'), readOptional(profiles, profileId, 'pfxPassword', hosts));
}

/** True when the vault holds the credential a kind needs (without decrypting it for use). */
export function hasCredential(profiles: ProfileStore, profileId: string, kind: 'secret' | 'certificate'): boolean {
  const states = profiles.get(profileId).secrets;
  return (kind === 'secret' ? states.clientSecret : states.pfx) === 'stored';
}
