// The rules every registered redirect URI must follow, whatever the connection (entra-docs reply-url.md), and the
// "Allow public client flows" switch: which URIs break them, the limits' edges, and the exact words an admin reads.
import { describe, expect, it } from 'vitest';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import type { RedirectPlatform, RegistrationFinding } from '../../../../src/shared/registration';
import { goodSpec, goodTarget, manifestJson, type AppSpec } from './manifest-builders';

type Redirect = { uri: string; platform: RedirectPlatform };
const web = (uri: string): Redirect => ({ uri, platform: 'web' });
const CALLBACK = web('https://contoso.com/provisioning_/callback');
const LOCALHOST = web('http://localhost');

function findings(extraRedirects: Redirect[], change: Partial<AppSpec> = {}): RegistrationFinding[] {
  const spec: AppSpec = { ...goodSpec(), redirects: [CALLBACK, LOCALHOST, ...extraRedirects], ...change };
  return verifyManifest(manifestJson(spec, 'graph'), goodTarget('byo-app')).findings;
}

const one = (fs: RegistrationFinding[], code: string): RegistrationFinding => {
  const f = fs.filter((x) => x.code === code);
  expect(f, JSON.stringify(fs.map((x) => x.code))).toHaveLength(1);
  return f[0]!;
};

/** The steps after the admin center's "open the app, then select Authentication." */
const steps = (f: RegistrationFinding): string => f.fix.replace(/^.*, then select Authentication\. /, '');

describe('registered redirect URI rules', () => {
  it('lists each broken URI with its reason, in one warning', () => {
    const long = `https://contoso.com/${'a'.repeat(237)}`; // 257 characters
    const fs = findings([
      web('not a uri'),
      web('1urn:x'),
      web('urn:x y'),
      web(long),
      web('https://contoso.com/a(b)'),
      web('https://contoso.com/a b'),
    ]);
    const f = one(fs, 'redirect.invalid_uri');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      `These redirect URIs break Entra’s rules: not a uri (not a URI); 1urn:x (not a URI); urn:x y (not a URI); ${long.slice(0, 60)}… (257 characters; at most 256); https://contoso.com/a(b) (contains one of ! $ ' ( ) , ;); https://contoso.com/a b (contains a space).`,
    );
    expect(steps(f)).toBe('Edit or remove them under Platform configurations, then Save.');
  });

  it('accepts a URI of exactly 256 characters, an urn, and a URI with spaces around it', () => {
    const fs = findings([
      web(`https://contoso.com/${'a'.repeat(236)}`),
      web('urn:ietf:wg:oauth:2.0:oob'),
      web(' urn:ietf:wg:oauth:2.0:oob:auto '),
      web(' https://contoso.com/spaced '),
    ]);
    expect(fs.map((f) => f.code)).not.toContain('redirect.invalid_uri');
  });

  it('refuses http except on localhost, and the IPv6 loopback', () => {
    const fs = findings([web('http://contoso.com/a'), web('http://example.org'), web('http://[::1]/cb')]);
    const http = one(fs, 'redirect.http_not_localhost');
    expect(http.message).toBe(
      'Redirect URIs must use https unless they point to localhost; these use http: http://contoso.com/a and http://example.org. Entra refuses them.',
    );
    expect(steps(http)).toBe(
      'Edit each of these URIs to start with https:// (the site must answer on https), then Save.',
    );
    const ipv6 = one(fs, 'redirect.ipv6_loopback');
    expect(ipv6.severity).toBe('warning');
    expect(ipv6.message).toBe('The IPv6 loopback address [::1] is not supported in redirect URIs: http://[::1]/cb.');
    expect(steps(ipv6)).toBe('Replace [::1] with localhost (or 127.0.0.1 in the manifest), then Save.');
  });

  it('groups loopback URIs that differ only by port (a root slash counts as no path), naming each platform', () => {
    const fs = findings([
      web('http://localhost:3000/'),
      { uri: 'http://localhost:4000', platform: 'spa' },
      web('http://localhost:5000/cb'),
      web('https://contoso.com:443/x'),
      web('https://contoso.com:8443/x'),
    ]);
    const f = one(fs, 'redirect.localhost_port_variants');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      'These loopback redirect URIs differ only by port: http://localhost (Web), http://localhost:3000/ (Web) and http://localhost:4000 (Single-page application). Entra ignores the port on localhost, so it picks one of them arbitrarily — with that one’s platform behaviour.',
    );
    expect(steps(f)).toBe('Keep one of them (without a port), or tell them apart by path instead of port, then Save.');
  });

  it('names which implicit-grant tokens are on', () => {
    const access = one(findings([], { implicitAccessTokens: true }), 'redirect.implicit_grant_enabled');
    expect(access.severity).toBe('info');
    expect(access.message).toBe(
      'The implicit grant is on (Access tokens). The connection uses the authorization code flow and does not need it; turned on, it lets tokens travel in browser URLs.',
    );
    expect(steps(access)).toBe(
      'Under Implicit grant and hybrid flows clear Access tokens, then Save — unless another application of yours still relies on it.',
    );
    const id = one(findings([], { implicitIdTokens: true }), 'redirect.implicit_grant_enabled');
    expect(id.message).toContain('(ID tokens)');
    const both = one(
      findings([], { implicitAccessTokens: true, implicitIdTokens: true }),
      'redirect.implicit_grant_enabled',
    );
    expect(both.message).toContain('(Access tokens and ID tokens)');
    expect(findings([]).map((f) => f.code)).toEqual([]);
  });

  it('tells the admin to switch off public client flows for a connection with a credential', () => {
    const f = one(findings([], { publicClient: true }), 'public_client.enabled_for_confidential');
    expect(f.severity).toBe('warning');
    expect(f.message).toBe(
      '“Allow public client flows” is on (isFallbackPublicClient / allowPublicClient), but the connection authenticates with a client secret or certificate. When Entra treats a request as coming from a public client it refuses the credential (AADSTS700025).',
    );
    expect(steps(f)).toBe('Under Advanced settings set “Allow public client flows” to No, then Save.');
  });
});
