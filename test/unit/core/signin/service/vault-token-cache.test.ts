// The token cache in the vault hands each of its tokens to the log's redactor, so no token can be logged in clear.
import { describe, expect, it } from 'vitest';
import {
  tokenCacheVaultId,
  tokensInCache,
  vaultTokenCache,
} from '../../../../../src/core/signin/service/vault-token-cache';
import { createTestHost } from '../../../../support/test-context';

// An opaque refresh token (no JWT shape, too short for the base64 pattern): only registration can mask it.
const REFRESH = 'M.C544_BAY.0.U.-Ck9opaqueRefresh*Token!';
const ACCESS = 'eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXBhcnQ';
const cache = JSON.stringify({
  Account: {},
  AccessToken: { a: { secret: ACCESS, credential_type: 'AccessToken' } },
  RefreshToken: { r: { secret: REFRESH, credential_type: 'RefreshToken' } },
  IdToken: {},
  AppMetadata: {},
});

describe('vault token cache', () => {
  it('finds the access, refresh and ID tokens of a serialized MSAL cache, and nothing in other text', () => {
    expect(tokensInCache(cache).sort()).toEqual([ACCESS, REFRESH].sort());
    expect(tokensInCache('not json')).toEqual([]);
    expect(tokensInCache('null')).toEqual([]);
    expect(tokensInCache(JSON.stringify({ RefreshToken: { x: { secret: 42 } }, AccessToken: null }))).toEqual([]);
  });

  it('masks each token of a saved cache in the log, and of a cache loaded after a restart', async () => {
    const host = createTestHost();
    // A real profile: at start the sign-in service removes the caches of profiles that no longer exist.
    const p1 = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Cache owner',
      clientId: '11111111-2222-3333-4444-555555555555',
      tenant: 'contoso.onmicrosoft.com',
      secrets: {},
    }).entry.id;
    await vaultTokenCache(host.ctx.secrets, p1, host.ctx.log.redactor).save(cache);
    host.ctx.log.warn(`refresh with ${REFRESH}`);
    expect(host.logLines.at(-1)).not.toContain(REFRESH);
    expect(host.ctx.secrets.has(tokenCacheVaultId(p1))).toBe(true);

    const restarted = createTestHost({ dataDirectory: host.dataDirectory, vault: host.vault });
    restarted.ctx.log.warn(`before load ${REFRESH}`);
    expect(restarted.logLines.at(-1)).toContain(REFRESH);
    expect(await vaultTokenCache(restarted.ctx.secrets, p1, restarted.ctx.log.redactor).load()).toBe(cache);
    restarted.ctx.log.warn(`after load ${REFRESH}`);
    expect(restarted.logLines.at(-1)).not.toContain(REFRESH);
  });

  it('keeps only the tokens in the redactor, not every version of the cache (no growth with each refresh)', async () => {
    const host = createTestHost();
    const id = host.ctx.profiles.create({
      auth: 'client-credentials',
      name: 'Refreshing',
      clientId: '11111111-2222-3333-4444-555555555555',
      tenant: 'contoso.onmicrosoft.com',
      secrets: {},
    }).entry.id;
    const store = vaultTokenCache(host.ctx.secrets, id, host.ctx.log.redactor);
    const before = host.ctx.log.redactor.held;
    // 50 refreshes: each cache has new tokens and 5 KB of account metadata.
    for (let i = 0; i < 50; i++) {
      const version = JSON.stringify({
        Account: { a: { note: 'x'.repeat(5000), i } },
        AccessToken: { a: { secret: `${ACCESS}${i}` } },
        RefreshToken: { r: { secret: `${REFRESH}${i}` } },
      });
      await store.save(version);
      expect(await store.load()).toBe(version);
    }
    const held = host.ctx.log.redactor.held;
    // 100 tokens, plus the form-body form of each refresh token (its "!" becomes %21): no growth with the cache's size.
    expect(held.count - before.count).toBe(150);
    expect(held.chars - before.chars).toBeLessThan(100 * 80);
    host.ctx.log.warn(`old refresh token ${REFRESH}7`);
    expect(host.logLines.at(-1)).not.toContain(`${REFRESH}7`);
  });
});
