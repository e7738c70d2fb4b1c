import type { ICachePlugin, TokenCacheContext } from '@azure/msal-node';

/**
 * Where the serialized MSAL token cache lives; the app encrypts it with the vault before it touches disk.
 * The vault and memory answer at once; a store that has to wait may return a promise.
 */
export interface TokenCachePersistence {
  load(): string | null | Promise<string | null>;
  save(data: string): void | Promise<void>;
}

/** An msal cache plugin over a persistence port: load before every cache read, save after every change. */
export function createCachePlugin(persistence: TokenCachePersistence): ICachePlugin {
  return {
    async beforeCacheAccess(context: TokenCacheContext): Promise<void> {
      const data = await persistence.load();
      if (data) context.tokenCache.deserialize(data);
    },
    async afterCacheAccess(context: TokenCacheContext): Promise<void> {
      if (context.cacheHasChanged) await persistence.save(context.tokenCache.serialize());
    },
  };
}

/** A persistence port in memory (tests, and one-off CLI runs). */
export function memoryCachePersistence(initial: string | null = null): TokenCachePersistence & { data: string | null } {
  const store = {
    data: initial,
    load: () => store.data,
    save: (value: string) => {
      store.data = value;
    },
  };
  return store;
}
