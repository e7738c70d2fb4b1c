import { describe, expect, it } from 'vitest';
import { byoCallbackUri } from '../../../../src/core/registration/checks/redirect-uris';
import { matchRedirect, splitUri } from '../../../../src/core/registration/redirect-uri';
import type { RegisteredRedirectUri } from '../../../../src/shared/registration';

const web = (uri: string): RegisteredRedirectUri => ({ uri, platform: 'web' });

describe('redirect URI matching', () => {
  it('splits URIs keeping the path as written', () => {
    expect(splitUri('HTTPS://Contoso.com:8443/Path/?q=1#f')).toEqual({
      scheme: 'https',
      host: 'contoso.com',
      port: '8443',
      path: '/Path/',
      query: '?q=1',
    });
    expect(splitUri('http://[::1]:80/cb')).toMatchObject({ host: '[::1]', port: '80', path: '/cb' });
    expect(splitUri('urn:ietf:wg:oauth:2.0:oob')).toBeNull();
  });

  it('ignores the port on localhost only', () => {
    expect(matchRedirect('http://localhost:51234', 'web', [web('http://localhost')]).kind).toBe('exact');
    expect(matchRedirect('https://contoso.com:8443/cb', 'web', [web('https://contoso.com/cb')]).kind).toBe('missing');
  });

  it('treats a missing root path and "/" alike, but not other trailing slashes', () => {
    expect(matchRedirect('http://localhost', 'web', [web('http://localhost/')]).kind).toBe('exact');
    expect(matchRedirect('https://a.com/cb', 'web', [web('https://a.com/cb/')]).kind).toBe('trailing-slash');
  });

  it('compares host case-insensitively and path case-sensitively', () => {
    expect(matchRedirect('https://a.com/cb', 'web', [web('https://A.COM/cb')]).kind).toBe('exact');
    expect(matchRedirect('https://a.com/cb', 'web', [web('https://a.com/CB')]).kind).toBe('case');
  });

  it('prefers the exact URI on the right platform over a copy elsewhere', () => {
    const registered: RegisteredRedirectUri[] = [{ uri: 'http://localhost', platform: 'spa' }, web('http://localhost')];
    expect(matchRedirect('http://localhost', 'web', registered).kind).toBe('exact');
    expect(matchRedirect('http://localhost', 'publicClient', registered)).toMatchObject({
      kind: 'wrong-platform',
      found: { platform: 'spa' },
    });
  });

  it('builds the bring-your-own callback from a domain however it was typed', () => {
    expect(byoCallbackUri('Contoso.com')).toBe('https://contoso.com/provisioning_/callback');
    expect(byoCallbackUri('https://contoso.com/')).toBe('https://contoso.com/provisioning_/callback');
  });
});
