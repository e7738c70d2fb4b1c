import { describe, expect, it } from 'vitest';
import { decodeJwt, decodeToken, looksLikeJwt, summarizeClaims } from '../../../../src/core/signin/token-decode';

const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (payload: Record<string, unknown>) =>
  `${b64({ typ: 'JWT', alg: 'RS256', kid: 'k1' })}.${b64(payload)}.c2lnbmF0dXJl`;
const now = new Date('2025-01-01T10:00:00Z');
const exp = Math.floor(now.getTime() / 1000) + 3600;

describe('token decoding', () => {
  it('summarises a v1 delegated Graph token', () => {
    const c = summarizeClaims(
      {
        aud: 'https://graph.microsoft.com',
        iss: 'https://sts.windows.net/t/',
        tid: 't',
        appid: 'app',
        appidacr: '2',
        scp: 'Files.Read.All User.Read',
        upn: 'megan@contoso.com',
        name: 'Megan',
        exp,
        ver: '1.0',
        idtyp: 'user',
      },
      now,
    );
    expect(c).toEqual({
      ver: '1.0',
      aud: 'https://graph.microsoft.com',
      iss: 'https://sts.windows.net/t/',
      tid: 't',
      appId: 'app',
      appIdAcr: '2',
      credentialUsed: 'certificate',
      scopes: ['Files.Read.All', 'User.Read'],
      roles: [],
      user: 'megan@contoso.com',
      name: 'Megan',
      idtyp: 'user',
      tokenKind: 'user',
      expiresAt: '2025-01-01T11:00:00.000Z',
      minutesLeft: 60,
    });
  });

  it('summarises a v2 app-only token (azp, azpacr, roles) and an expired one', () => {
    const c = summarizeClaims(
      { aud: 'api://x', azp: 'app', azpacr: '1', roles: ['Sites.Read.All'], tid: 't', ver: '2.0', exp: exp - 7200 },
      now,
    );
    expect(c).toMatchObject({
      appId: 'app',
      credentialUsed: 'client secret',
      roles: ['Sites.Read.All'],
      tokenKind: 'app',
      user: null,
      minutesLeft: -60,
    });
    expect(summarizeClaims({ azpacr: '0', preferred_username: 'u@x' }, now)).toMatchObject({
      credentialUsed: 'none (public client)',
      user: 'u@x',
      tokenKind: 'user',
    });
    expect(summarizeClaims({}, now)).toMatchObject({ credentialUsed: 'unknown', expiresAt: null, minutesLeft: null });
  });

  it('returns the raw token only when asked, and accepts a "Bearer " prefix', () => {
    const token = jwt({ aud: 'a', exp });
    expect(decodeToken(token).raw).toBeUndefined();
    expect(decodeToken(token, { includeRaw: true }).raw).toBe(token);
    expect(decodeToken(`Bearer ${token}`).header.kid).toBe('k1');
    expect(decodeJwt(token).payload.aud).toBe('a');
  });

  it('refuses what is not a readable JWT with signin.not_a_jwt', () => {
    expect(() => decodeJwt('opaque-token')).toThrow(expect.objectContaining({ code: 'signin.not_a_jwt' }));
    expect(() => decodeJwt('a.b.c.d.e')).toThrow(
      expect.objectContaining({ code: 'signin.not_a_jwt', message: expect.stringContaining('encrypted') }),
    );
    expect(() => decodeJwt(`${b64({ alg: 'none' })}.bm90IGpzb24.x`)).toThrow(
      expect.objectContaining({ code: 'signin.not_a_jwt' }),
    );
    expect(looksLikeJwt(jwt({}))).toBe(true);
    expect(looksLikeJwt('abc')).toBe(false);
  });
});
