import type { ProfileStore } from '../../connections/profile-store';
import type { SecretStore } from '../../vault/secret-store';
import type { SigninStore } from './signin-store';
import type { TokenCachePersistence } from '../token-cache';

/** The vault id of a profile's MSAL token cache. */
export function tokenCacheVaultId(profileId: string): string {
  return `profile/${profileId}/tokenCache`;
}

/** The profile's MSAL token cache, kept only as a vault secret (encrypted by the OS keychain, or in memory for the session). */
export function vaultTokenCache(secrets: Pick<SecretStore, 'has' | 'get' | 'put'>, profileId: string): TokenCachePersistence {
  const id = tokenCacheVaultId(profileId);
  return {
    load: async () => {
      if (!secrets.has(id)) return null;
      try {
        return secrets.get(id);
      } catch {
        // A cache the keychain can no longer decrypt is as good as none: the next sign-in replaces it.
        return null;
      }
    },
    save: async (data) => secrets.put(id, data),
  };
}

/** At start: remove the token caches and history of profiles that no longer exist (deleted in an earlier session). */
export function purgeOrphans(profiles: Pick<ProfileStore, 'list'>, secrets: Pick<SecretStore, 'ids' | 'delete'>, store: Pick<SigninStore, 'profileIds' | 'forgetProfile'>): void {
  const known = new Set(profiles.list().map((e) => e.id));
  for (const id of secrets.ids()) {
    const m = /^profile\/(.+)\/tokenCache$/.exec(id);
    if (m?.[1] && !known.has(m[1])) secrets.delete(id);
  }
  for (const id of store.profileIds()) if (!known.has(id)) store.forgetProfile(id);
}
