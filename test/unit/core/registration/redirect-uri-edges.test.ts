// Redirect URI matching at its edges: splitting, loopback hosts, the root path, and which near miss is named
// (letter case, trailing slashes, 127.0.0.1 vs localhost) on which platform.
import { describe, expect, it } from 'vitest';
import { isLoopbackHost, matchRedirect, sameRedirect, splitUri } from '../../../../src/core/registration/redirect-uri';

const same = (a: string, b: string) => sameRedirect(splitUri(a)!, splitUri(b)!);

describe('redirect URI edges', () => {
  it('splits a URI with spaces around it, with or without port, path and query', () => {
    expect(splitUri('  https://Contoso.com:8443/Cb?x=1  ')).toEqual({
      scheme: 'https',
      host: 'contoso.com',
      port: '8443',
      path: '/Cb',
      query: '?x=1',
    });
    expect(splitUri('https://contoso.com')).toEqual({
      scheme: 'https',
      host: 'contoso.com',
      port: '',
      path: '',
      query: '',
    });
    expect(splitUri('urn:ietf:wg:oauth:2.0:oob')).toBeNull();
  });

  it('knows the three loopback hosts and nothing else', () => {
    expect(['localhost', '127.0.0.1', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true]);
    expect(['localhost.contoso.com', '127.0.0.2', '', 'contoso.com'].map(isLoopbackHost)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(same('http://[::1]:5000/cb', 'http://[::1]/cb')).toBe(true);
    expect(same('http://127.0.0.1:5000/cb', 'http://127.0.0.1/cb')).toBe(true);
  });

  it('treats no path and "/" as the same root, both ways, and nothing else', () => {
    expect(same('https://contoso.com', 'https://contoso.com/')).toBe(true);
    expect(same('https://contoso.com/', 'https://contoso.com')).toBe(true);
    expect(same('https://contoso.com/', 'https://contoso.com/cb')).toBe(false);
    expect(same('https://contoso.com', 'https://contoso.com/cb')).toBe(false);
    expect(same('https://contoso.com/cb', 'https://contoso.com/')).toBe(false);
    expect(same('https://contoso.com/cb', 'https://contoso.com')).toBe(false);
  });

  it('does not count a registered domain root as the bring-your-own callback under it', () => {
    const callback = 'https://contoso.com/provisioning_/callback';
    expect(matchRedirect(callback, 'web', [{ uri: 'https://contoso.com', platform: 'web' }]).kind).not.toBe('exact');
    expect(matchRedirect(callback, 'web', [{ uri: 'https://contoso.com/', platform: 'web' }]).kind).not.toBe('exact');
  });

  it('names a trailing-slash miss as such (not a letter-case miss), with several slashes too', () => {
    expect(
      matchRedirect('https://contoso.com/cb', 'web', [{ uri: 'https://contoso.com/cb/', platform: 'web' }]).kind,
    ).toBe('trailing-slash');
    expect(
      matchRedirect('https://contoso.com/cb', 'web', [{ uri: 'https://contoso.com/cb//', platform: 'web' }]).kind,
    ).toBe('trailing-slash');
    expect(
      matchRedirect('https://contoso.com/cb', 'web', [{ uri: 'https://contoso.com/CB', platform: 'web' }]).kind,
    ).toBe('case');
  });

  it('names 127.0.0.1 vs localhost only between two loopback hosts with the same path', () => {
    expect(matchRedirect('http://localhost/cb', 'web', [{ uri: 'http://127.0.0.1/cb', platform: 'web' }]).kind).toBe(
      'ip-literal',
    );
    expect(matchRedirect('http://localhost/cb', 'web', [{ uri: 'http://127.0.0.1/other', platform: 'web' }]).kind).toBe(
      'missing',
    );
    expect(matchRedirect('http://localhost/cb', 'web', [{ uri: 'https://contoso.com/cb', platform: 'web' }]).kind).toBe(
      'missing',
    );
    expect(
      matchRedirect('https://a.contoso.com/cb', 'web', [{ uri: 'https://b.contoso.com/cb', platform: 'web' }]).kind,
    ).toBe('missing');
  });

  it('prefers a near miss on the platform asked for over one elsewhere', () => {
    const registered = [
      { uri: 'https://contoso.com/CB', platform: 'spa' as const },
      { uri: 'https://contoso.com/Cb', platform: 'web' as const },
    ];
    expect(matchRedirect('https://contoso.com/cb', 'web', registered)).toEqual({ kind: 'case', found: registered[1] });
    expect(matchRedirect('https://contoso.com/cb', 'spa', registered)).toEqual({ kind: 'case', found: registered[0] });
  });

  it('names a trailing-slash miss when the slash is on the URI the connection sends', () => {
    expect(matchRedirect('http://localhost/cb/', 'web', [{ uri: 'http://localhost/cb', platform: 'web' }]).kind).toBe(
      'trailing-slash',
    );
    expect(matchRedirect('http://localhost/cb//', 'web', [{ uri: 'http://localhost/cb/', platform: 'web' }]).kind).toBe(
      'trailing-slash',
    );
  });

  it('does not call the same loopback host with another query an IP-literal miss', () => {
    expect(matchRedirect('http://localhost', 'web', [{ uri: 'http://localhost?from=app', platform: 'web' }]).kind).toBe(
      'missing',
    );
  });

  it('still names a near miss that is only on another platform', () => {
    const registered = [{ uri: 'http://localhost/Cb', platform: 'spa' as const }];
    expect(matchRedirect('http://localhost/cb', 'web', registered)).toEqual({ kind: 'case', found: registered[0] });
  });
});
