import type { ProfileStore } from '../../connections/profile-store';
import type { Redactor } from '../../log/redact';
import type { SecretStore } from '../../vault/secret-store';
import type { SigninStore } from './signin-store';
import type { TokenCachePersistence } from '../token-cache';

/** The vault id of a profile's MSAL token cache. */
export function tokenCacheVaultId(profileId: string): string {
  return `profile/${profileId}/tokenCache`;
}

/**
 * The profile's MSAL token cache, kept only as a vault secret (encrypted by the OS keychain, or in memory for the
 * session). Each token in it is given to the log's redactor (an opaque refresh token has no shape the redactor's
 * patterns could recognise on its own); the cache itself is not, or each of its versions would stay in memory.
 */
export function vaultTokenCache(
  secrets: Pick<SecretStore, 'has' | 'get' | 'put'>,
  profileId: string,
  redactor?: Pick<Redactor, 'register'>,
): TokenCachePersistence {
  const id = tokenCacheVaultId(profileId);
  const remember = (data: string) => {
    for (const token of tokensInCache(data)) redactor?.register(token);
  };
  return {
    load: () => {
      if (!secrets.has(id)) return null;
      try {
        const data = secrets.get(id, { redact: false });
        remember(data);
        return data;
      } catch {
        // A cache the keychain can no longer decrypt is as good as none: the next sign-in replaces it.
        return null;
      }
    },
    save: (data) => {
      remember(data);
      secrets.put(id, data, { redact: false });
    },
  };
}

/** The access, refresh and ID tokens inside a serialized MSAL cache; none when it is not one. */
export function tokensInCache(data: string): string[] {
  let cache: unknown;
  try {
    cache = JSON.parse(data);
  } catch {
    return [];
  }
  if (!cache || typeof cache !== 'object') return [];
  const tokens: string[] = [];
  for (const section of ['AccessToken', 'RefreshToken', 'IdToken']) {
    const entries = (cache as Record<string, unknown>)[section];
    if (!entries || typeof entries !== 'object') continue;
    for (const entry of Object.values(entries)) {
      const secret = (entry as { secret?: unknown } | null)?.secret;
      if (typeof secret === 'string') tokens.push(secret);
    }
  }
  return tokens;
}

/** At start: remove the token caches and history of profiles that no longer exist (deleted in an earlier session). */
export function purgeOrphans(
  profiles: Pick<ProfileStore, 'list'>,
  secrets: Pick<SecretStore, 'ids' | 'delete'>,
  store: Pick<SigninStore, 'profileIds' | 'forgetProfile'>,
): void {
  const known = new Set(profiles.list().map((e) => e.id));
  for (const id of secrets.ids()) {
    const m = /^profile\/(.+)\/tokenCache$/.exec(id);
    if (m?.[1] && !known.has(m[1])) secrets.delete(id);
  }
  for (const id of store.profileIds()) if (!known.has(id)) store.forgetProfile(id);
}
