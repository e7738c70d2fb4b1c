import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInInteractive } from '../../../src/core/signin/interactive-signin';
import { checkConnection } from '../../../src/core/signin/refresh-health';
import { needsSignInAgain } from '../../../src/core/signin/signin-error';
import {
  createCachePlugin,
  memoryCachePersistence,
  type TokenCachePersistence,
} from '../../../src/core/signin/token-cache';
import type { RefreshRevocation } from '../../support/idp';
import { failure } from '../../support/idp/expect-failure';
import { startSigninHarness, type SigninHarness } from '../../support/idp';
import { MemoryVault } from '../../support/doubles';

let h: SigninHarness;
beforeAll(async () => {
  h = await startSigninHarness();
});
afterAll(async () => h.close());

/** The app's way of keeping the cache: encrypted with the vault. */
function vaultPersistence(): TokenCachePersistence & { blob: Buffer | null } {
  const vault = new MemoryVault();
  const store = {
    blob: null as Buffer | null,
    load: () => (store.blob ? vault.decrypt(store.blob) : null),
    save: (data: string) => {
      store.blob = vault.encrypt(data);
    },
  };
  return store;
}

const secret = () => ({ kind: 'secret' as const, secret: h.s.webApp.secretValue });

async function signedIn(persistence: TokenCachePersistence, user = h.s.user): Promise<void> {
  await signInInteractive({
    ...h.endpoint(h.s.webApp.clientId),
    credential: secret(),
    openBrowser: h.browser({ user }).open,
    cachePlugin: createCachePlugin(persistence),
    requiredPermissions: ['Files.Read.All'],
  });
}

describe('check connection (silent refresh)', () => {
  it('refreshes the saved sign-in through the encrypted cache port', async () => {
    const persistence = vaultPersistence();
    await signedIn(persistence);
    expect(persistence.blob).not.toBeNull();
    expect(persistence.blob?.toString('utf8')).not.toContain('RefreshToken');
    const before = h.idp.requests.filter((r) => r.grantType === 'refresh_token').length;
    const result = await checkConnection({
      ...h.endpoint(h.s.webApp.clientId),
      credential: secret(),
      persistence,
      requiredPermissions: ['Files.Read.All'],
    });
    expect(result.flow).toBe('refresh');
    expect(result.account?.username).toBe(h.s.user.upn);
    expect(result.permissions.missing).toEqual([]);
    expect(h.idp.requests.filter((r) => r.grantType === 'refresh_token').length).toBe(before + 1);
  });

  it.each<[RefreshRevocation, number]>([
    ['revoked', 50173],
    ['inactive', 700082],
    ['sign-in-frequency', 70043],
    ['expired', 70008],
  ])('a %s refresh token → aadsts.%i, explained, with "sign in again"', async (reason, code) => {
    const persistence = memoryCachePersistence();
    await signedIn(persistence);
    h.idp.revokeRefreshTokens(h.s.user.upn, reason);
    const err = await failure(
      checkConnection({ ...h.endpoint(h.s.webApp.clientId), credential: secret(), persistence }),
    );
    expect(err.code).toBe(`aadsts.${code}`);
    expect(err.details?.error).toBe('invalid_grant');
    expect(err.details?.signInAgain).toBe(true);
    expect(needsSignInAgain(err)).toBe(true);
    expect(err.hint).toContain('Sign in again');
  });

  it('with a suberror msal raises InteractionRequiredAuthError: still "sign in again"', async () => {
    const persistence = memoryCachePersistence();
    await signedIn(persistence);
    h.idp.revokeRefreshTokens(h.s.user.upn, 'revoked');
    h.idp.behaviour.revocationSuberror = 'bad_token';
    try {
      const err = await failure(
        checkConnection({ ...h.endpoint(h.s.webApp.clientId), credential: secret(), persistence }),
      );
      expect(err.code).toBe('aadsts.50173');
      expect(err.details?.suberror).toBe('bad_token');
      expect(err.details?.signInAgain).toBe(true);
    } finally {
      h.idp.behaviour.revocationSuberror = undefined;
    }
  });

  it('a permission added to the profile after the sign-in → aadsts.65001 (consent missing), sign in again', async () => {
    const persistence = memoryCachePersistence();
    await signedIn(persistence);
    const err = await failure(
      checkConnection({
        ...h.endpoint(h.s.webApp.clientId),
        credential: secret(),
        persistence,
        requiredPermissions: ['Files.Read.All', 'Sites.Read.All'],
      }),
    );
    expect(err.code).toBe('aadsts.65001');
    expect(err.details?.suberror).toBe('consent_required');
    expect(err.details?.signInAgain).toBe(true);
  });

  it('a refresh token from a confidential sign-in used without the credential → aadsts.7000218', async () => {
    const persistence = memoryCachePersistence();
    await signedIn(persistence);
    const err = await failure(
      checkConnection({ ...h.endpoint(h.s.webApp.clientId), credential: { kind: 'none' }, persistence }),
    );
    expect(err.code).toBe('aadsts.7000218');
  });

  it('nothing saved, several accounts, or an unreadable cache → signin.no_account', async () => {
    const empty = await failure(
      checkConnection({
        ...h.endpoint(h.s.webApp.clientId),
        credential: secret(),
        persistence: memoryCachePersistence(),
      }),
    );
    expect(empty.code).toBe('signin.no_account');
    expect(needsSignInAgain(empty)).toBe(true);
    const two = memoryCachePersistence();
    await signedIn(two);
    await signedIn(two, h.s.admin);
    expect(
      (await failure(checkConnection({ ...h.endpoint(h.s.webApp.clientId), credential: secret(), persistence: two })))
        .message,
    ).toContain('Several');
    const picked = await checkConnection({
      ...h.endpoint(h.s.webApp.clientId),
      credential: secret(),
      persistence: two,
      account: h.s.admin.upn,
      requiredPermissions: ['Files.Read.All'],
    });
    expect(picked.account?.username).toBe(h.s.admin.upn);
    const broken = await failure(
      checkConnection({
        ...h.endpoint(h.s.webApp.clientId),
        credential: secret(),
        persistence: memoryCachePersistence('{not json'),
      }),
    );
    expect(broken.code).toBe('signin.no_account');
  });
});
