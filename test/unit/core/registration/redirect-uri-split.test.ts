// How a redirect URI is split into scheme, host, port, path and query (the parts Entra compares): the pattern is built
// when redirect-uri.ts loads, so each test imports the module afresh and a change to the pattern shows here (Stryker
// switches a mutant on only after the first import; docs/testing.md, Mutation testing).
import { describe, expect, it, vi } from 'vitest';

const fresh = async () => {
  vi.resetModules();
  return import('../../../../src/core/registration/redirect-uri');
};

const parts = (scheme: string, host: string, port: string, path: string, query: string) => ({
  scheme,
  host,
  port,
  path,
  query,
});

describe('splitUri, on a fresh import', () => {
  it('splits the URIs admins register into the parts Entra compares', async () => {
    const { splitUri } = await fresh();
    const cases: Array<[string, ReturnType<typeof parts>]> = [
      ['https://contoso.com/provisioning_/callback', parts('https', 'contoso.com', '', '/provisioning_/callback', '')],
      ['HTTP://LocalHost:8400/Auth?x=1#frag', parts('http', 'localhost', '8400', '/Auth', '?x=1')],
      ['http://[::1]:3000/cb', parts('http', '[::1]', '3000', '/cb', '')],
      ['http://127.0.0.1', parts('http', '127.0.0.1', '', '', '')],
      ['ms-app+x.y-z://callback', parts('ms-app+x.y-z', 'callback', '', '', '')],
      ['  https://contoso.com/cb  ', parts('https', 'contoso.com', '', '/cb', '')],
      ['https://contoso.com?q=1', parts('https', 'contoso.com', '', '', '?q=1')],
      ['https://contoso.com#only-a-fragment', parts('https', 'contoso.com', '', '', '')],
      ['https://contoso.com/p?q#f', parts('https', 'contoso.com', '', '/p', '?q')],
      ['http://localhost:/p', parts('http', 'localhost', '', '/p', '')],
      ['https://contoso.com/a/b/?c=d&e=f', parts('https', 'contoso.com', '', '/a/b/', '?c=d&e=f')],
    ];
    for (const [uri, want] of cases) expect(splitUri(uri), uri).toEqual(want);
  });

  it('gives null for what has no scheme://host form, or runs on past a line break in the fragment', async () => {
    const { splitUri } = await fresh();
    for (const uri of [
      'urn:ietf:wg:oauth:2.0:oob',
      '1http://contoso.com',
      '//contoso.com/cb',
      'contoso.com/cb',
      'https:/x',
      'https://contoso.com/cb#frag\nsecond line',
    ])
      expect(splitUri(uri), uri).toBeNull();
  });

  it('names the platforms as the admin center does', async () => {
    const { platformNames } = await fresh();
    expect(platformNames).toEqual({
      web: 'Web',
      spa: 'Single-page application',
      publicClient: 'Mobile and desktop applications',
    });
  });
});
