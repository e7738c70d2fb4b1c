import type { SecretStore } from '../../vault/secret-store';
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
