// Entra compares a redirect URI's query string exactly, as it does the path: a registered URI with another query
// (or none) is not the one the connection sends, so the verifier must not call it a match.
import { describe, expect, it } from 'vitest';
import { matchRedirect, sameRedirect, splitUri } from '../../../../src/core/registration/redirect-uri';

const same = (a: string, b: string) => sameRedirect(splitUri(a)!, splitUri(b)!);

describe('redirect URI query strings', () => {
  it('keeps the query as written when splitting', () => {
    expect(splitUri('https://contoso.com/cb?tenant=A&x=1')?.query).toBe('?tenant=A&x=1');
    expect(splitUri('https://contoso.com/cb')?.query).toBe('');
  });

  it.each([
    ['a query against none', 'https://contoso.com/cb?tenant=1', 'https://contoso.com/cb'],
    ['no query against one', 'https://contoso.com/cb', 'https://contoso.com/cb?tenant=1'],
    ['another value', 'https://contoso.com/cb?tenant=1', 'https://contoso.com/cb?tenant=2'],
    ['another letter case', 'https://contoso.com/cb?Tenant=1', 'https://contoso.com/cb?tenant=1'],
    ['another order', 'https://contoso.com/cb?a=1&b=2', 'https://contoso.com/cb?b=2&a=1'],
    ['an empty query against none', 'https://contoso.com/cb?', 'https://contoso.com/cb'],
    ['a query on a loopback URI', 'http://localhost/cb?x=1', 'http://localhost:8400/cb'],
  ])('does not match %s', (_what, wanted, registered) => {
    expect(same(wanted, registered)).toBe(false);
    expect(matchRedirect(wanted, 'web', [{ uri: registered, platform: 'web' }]).kind).not.toBe('exact');
  });

  it('matches the same query exactly, on loopback with any port too', () => {
    expect(same('https://contoso.com/cb?tenant=1', 'https://contoso.com/cb?tenant=1')).toBe(true);
    expect(
      matchRedirect('https://contoso.com/cb?tenant=1', 'web', [
        { uri: 'https://contoso.com/cb?tenant=1', platform: 'web' },
      ]),
    ).toEqual({ kind: 'exact' });
    expect(same('http://localhost:53211/cb?x=1', 'http://localhost/cb?x=1')).toBe(true);
  });

  it('does not offer a URI with another query as a near miss of letter case or trailing slash', () => {
    const registered = [{ uri: 'https://contoso.com/CB/?tenant=2', platform: 'web' as const }];
    expect(matchRedirect('https://contoso.com/cb?tenant=1', 'web', registered)).toEqual({ kind: 'missing' });
  });
});
