// The redirect URI check as an admin reads it: the exact message and fix of every kind of near miss, for the
// bring-your-own callback and for the sign-in test, which platform the sign-in test needs, how the domain is read,
// and how placeholders of a template soften a "missing" finding.
import { describe, expect, it } from 'vitest';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import type { VerifyTarget } from '../../../../src/core/registration/verify-target';
import type { RedirectPlatform, RegistrationFinding } from '../../../../src/shared/registration';
import { goodSpec, goodTarget, manifestJson } from './manifest-builders';

type Redirect = { uri: string; platform: RedirectPlatform };
const CALLBACK = 'https://contoso.com/provisioning_/callback';
const callback: Redirect = { uri: CALLBACK, platform: 'web' };
const web = (uri: string): Redirect => ({ uri, platform: 'web' });

function redirectFindings(
  redirects: Redirect[],
  extra: Partial<VerifyTarget> = {},
  auth: VerifyTarget['auth'] = 'byo-app',
): RegistrationFinding[] {
  const spec = { ...goodSpec(), redirects };
  return verifyManifest(manifestJson(spec, 'graph'), goodTarget(auth, extra)).findings.filter((f) =>
    f.code.startsWith('redirect.'),
  );
}

/** The steps after the admin center's "open the app, then select Authentication." */
const steps = (f: RegistrationFinding | undefined): string | undefined =>
  f?.fix.replace(/^.*, then select Authentication\. /, '');

const addSteps = (uri: string, platform: string): string =>
  `Under Platform configurations › ${platform} (Add a platform › ${platform} if it is not there yet) select Add URI, enter ${uri} exactly, then Save.`;

describe('redirect URI check: the bring-your-own callback', () => {
  it('reads the domain however it is typed: spaces, scheme, capitals, trailing slashes', () => {
    for (const domain of [' HTTPS://Contoso.COM// ', 'http://contoso.com/', 'contoso.com']) {
      expect(redirectFindings([callback, web('http://localhost')], { domain })).toEqual([]);
    }
  });

  it('says the callback is missing, and how to add it, without mentioning localhost paths', () => {
    const [f, ...rest] = redirectFindings([web('http://localhost:3000/auth'), web('http://localhost')]);
    expect(rest).toEqual([]);
    expect([f?.code, f?.severity]).toEqual(['redirect.byo_callback_missing', 'error']);
    expect(f?.message).toBe(
      `The bring-your-own app’s callback needs the redirect URI ${CALLBACK} under Web, but it is not registered. Sign-in fails with AADSTS50011.`,
    );
    expect(steps(f)).toBe(addSteps(CALLBACK, 'Web'));
  });

  it('without a domain lists the callbacks registered under Web (any case, one trailing slash)', () => {
    const [f, ...rest] = redirectFindings(
      [
        callback,
        web('https://a.com/provisioning_/CALLBACK/'),
        { uri: 'https://b.com/provisioning_/callback', platform: 'spa' },
        web('https://c.com/provisioning_/callback/x'),
        web('https://d.com/provisioning_/callback//'),
        web('http://localhost'),
      ],
      { domain: '  ' },
    );
    expect(rest).toEqual([]);
    expect([f?.code, f?.severity]).toEqual(['redirect.byo_domain_unknown', 'info']);
    expect(f?.message).toBe(
      `The profile has no domain, so the bring-your-own callback (https://{your domain}/provisioning_/callback) cannot be checked. Registered under Web: ${CALLBACK}, https://a.com/provisioning_/CALLBACK/.`,
    );
    expect(steps(f)).toBe(
      'Under Web › Redirect URIs make sure https://{your domain}/provisioning_/callback is listed, and add the domain to the profile to check it here.',
    );
  });

  it('without a domain says when no callback is registered under Web (one under Single-page application does not count)', () => {
    const [f] = redirectFindings([{ uri: CALLBACK, platform: 'spa' }, web('http://localhost')], { domain: undefined });
    expect(f?.message).toBe(
      'The profile has no domain, so the bring-your-own callback (https://{your domain}/provisioning_/callback) cannot be checked. No such callback is registered under Web.',
    );
  });

  it('words a callback in the wrong letter case, with a trailing slash, or on http', () => {
    const [cased] = redirectFindings([web('https://contoso.com/Provisioning_/callback'), web('http://localhost')]);
    expect(cased?.message).toBe(
      `The bring-your-own app’s callback sends ${CALLBACK}, but the registered URI is https://contoso.com/Provisioning_/callback: redirect URIs are case-sensitive in their path, so Entra treats them as different (AADSTS50011).`,
    );
    expect(steps(cased)).toBe(`Edit the URI under Web to ${CALLBACK} (same letter case), then Save.`);

    const [slash] = redirectFindings([web(`${CALLBACK}/`), web('http://localhost')]);
    expect(slash?.message).toBe(
      `The bring-your-own app’s callback sends ${CALLBACK}, but the registered URI is ${CALLBACK}/: they differ by a trailing slash, and a URI with a path must match exactly (AADSTS50011).`,
    );
    expect(steps(slash)).toBe(`Edit the URI under Web to ${CALLBACK}, then Save.`);

    const scheme = redirectFindings([web('http://contoso.com/provisioning_/callback'), web('http://localhost')]).find(
      (f) => f.code === 'redirect.scheme_mismatch',
    );
    expect(scheme?.message).toBe(
      `The bring-your-own app’s callback sends ${CALLBACK}, but the registered URI is http://contoso.com/provisioning_/callback: http and https are different URIs, and the callback must use https.`,
    );
    expect(steps(scheme)).toBe(addSteps(CALLBACK, 'Web'));
  });

  it('sends a callback registered under Single-page application to Web, or to an app registration of its own', () => {
    const [f] = redirectFindings([{ uri: CALLBACK, platform: 'spa' }, web('http://localhost')]);
    expect(f?.message).toBe(
      `${CALLBACK} is registered under Single-page application, but the bring-your-own app’s callback needs it under Web. Tokens for a single-page application can only be redeemed from a browser’s cross-origin request, which the connection does not make (AADSTS9002327).`,
    );
    expect(steps(f)).toBe(
      `If nothing else uses ${CALLBACK} under Single-page application, remove it there, then under Platform configurations › Web (Add a platform › Web if it is not there yet) select Add URI, enter ${CALLBACK} exactly, then Save. Entra keeps a redirect URI on one platform only, so it cannot be added under Web while it stays under Single-page application; if another app still needs it there, use a separate app registration for the connection.`,
    );
  });
});

describe('redirect URI check: the sign-in test', () => {
  it('needs http://localhost under Web for a confidential client and under Mobile and desktop without a connection', () => {
    expect(redirectFindings([callback, web('http://localhost')], {}, 'client-credentials')).toEqual([]);
    expect(
      redirectFindings([{ uri: 'http://localhost', platform: 'publicClient' }], { loopbackTest: true }, null),
    ).toEqual([]);
    const [f] = redirectFindings([web('http://localhost')], { loopbackTest: true }, null);
    expect(f?.message).toBe(
      'http://localhost is registered under Web, but the Workbench’s sign-in test needs it under Mobile and desktop applications. Entra then expects a client secret or certificate with the token request (AADSTS7000218).',
    );
    expect(steps(f)).toBe(
      'If nothing else uses http://localhost under Web, remove it there, then under Platform configurations › Mobile and desktop applications (Add a platform › Mobile and desktop applications if it is not there yet) select Add URI, enter http://localhost exactly, then Save. Entra keeps a redirect URI on one platform only, so it cannot be added under Mobile and desktop applications while it stays under Web; if another app still needs it there, give the other app a path of its own under Web (for example http://localhost/app) and keep http://localhost for the sign-in test.',
    );
  });

  it('explains AADSTS700025 for the URI under Mobile and desktop, and keeps a URI that differs by port', () => {
    const [f] = redirectFindings([callback, { uri: 'http://localhost:8400/', platform: 'publicClient' }]);
    expect(f?.message).toBe(
      'http://localhost:8400/ is registered under Mobile and desktop applications, but the Workbench’s sign-in test needs it under Web. Entra then treats the sign-in as a public client and refuses the client secret or certificate (AADSTS700025).',
    );
    expect(steps(f)).toBe(
      'Keep http://localhost:8400/ under Mobile and desktop applications if another app still uses it, and add http://localhost under Web: under Platform configurations › Web (Add a platform › Web if it is not there yet) select Add URI, enter http://localhost exactly, then Save. Entra ignores the port on localhost and may pick either entry, so if it still picks the Mobile and desktop applications one, give that URI a path of its own (for example http://localhost:8400/app).',
    );
  });

  it('explains AADSTS9002327 for a URI under Single-page application, whichever platform is needed', () => {
    const spa =
      'Tokens for a single-page application can only be redeemed from a browser’s cross-origin request, which the connection does not make (AADSTS9002327).';
    const [toWeb] = redirectFindings([callback, { uri: 'http://localhost:3000', platform: 'spa' }]);
    expect(toWeb?.message).toBe(
      `http://localhost:3000 is registered under Single-page application, but the Workbench’s sign-in test needs it under Web. ${spa}`,
    );
    const [toPublic] = redirectFindings([callback, { uri: 'http://localhost', platform: 'spa' }], {
      loopbackClient: 'public',
    });
    expect(toPublic?.message).toBe(
      `http://localhost is registered under Single-page application, but the Workbench’s sign-in test needs it under Mobile and desktop applications. ${spa}`,
    );
  });

  it('names the localhost URIs registered with a path when http://localhost is missing', () => {
    const [f, ...rest] = redirectFindings([
      callback,
      web('http://localhost:3000/auth'),
      { uri: 'https://127.0.0.1/x', platform: 'spa' },
      web('https://contoso.com/r/http://localhost/x'),
    ]);
    expect(rest).toEqual([]);
    expect([f?.code, f?.severity]).toEqual(['redirect.loopback_missing', 'error']);
    expect(f?.message).toBe(
      'The Workbench’s sign-in test needs the redirect URI http://localhost under Web, but it is not registered (the localhost URIs registered have a path — http://localhost:3000/auth, https://127.0.0.1/x — and the path must match exactly; only the port is ignored). Sign-in fails with AADSTS50011.',
    );
    expect(steps(f)).toBe(addSteps('http://localhost', 'Web'));
  });

  it('words https instead of http, 127.0.0.1 instead of localhost, letter case and a trailing slash', () => {
    const [scheme] = redirectFindings([callback, web('https://localhost')]);
    expect(scheme?.message).toBe(
      'The Workbench’s sign-in test sends http://localhost, but the registered URI is https://localhost: http and https are different URIs, and the local listener only speaks http.',
    );
    const [ip] = redirectFindings([callback, web('http://127.0.0.1')]);
    expect(ip?.message).toBe(
      'The Workbench’s sign-in test sends http://localhost, but only http://127.0.0.1 is registered. Entra does not document localhost and 127.0.0.1 as the same host, so treat them as different URIs.',
    );
    expect(steps(ip)).toBe(addSteps('http://localhost', 'Web'));
    const [cased] = redirectFindings([callback, web('http://localhost/Cb')], {
      loopbackRedirectUri: 'http://localhost/cb',
    });
    expect(cased?.message).toContain('The Workbench’s sign-in test sends http://localhost/cb, but the registered URI');
    expect(steps(cased)).toBe('Edit the URI under Web to http://localhost/cb (same letter case), then Save.');
  });
});

describe('redirect URI check: templates with placeholders', () => {
  it('softens a missing URI to a warning and names the one placeholder that could not be compared', () => {
    const fs = redirectFindings([web('${{TAB_ENDPOINT}}/auth-end.html')]);
    expect(fs.map((f) => [f.code, f.severity])).toEqual([
      ['redirect.byo_callback_missing', 'warning'],
      ['redirect.loopback_missing', 'warning'],
    ]);
    expect(fs[1]!.message).toBe(
      'The Workbench’s sign-in test needs the redirect URI http://localhost under Web, but it is not registered. Sign-in fails with AADSTS50011. One redirect URI holds a placeholder (${{TAB_ENDPOINT}}/auth-end.html) and could not be compared until the toolkit fills it in.',
    );
  });

  it('counts several placeholders, shows the first three, and leaves other findings as they are', () => {
    const fs = redirectFindings([
      web('${{A}}/a'),
      web('${{C}}/c'),
      web('${{D}}/d'),
      { uri: '${{B}}/b', platform: 'spa' },
      { uri: 'http://localhost', platform: 'spa' },
    ]);
    expect(fs.map((f) => [f.code, f.severity])).toEqual([
      ['redirect.wrong_platform', 'error'],
      ['redirect.byo_callback_missing', 'warning'],
    ]);
    expect(fs[0]!.message).not.toContain('placeholder');
    expect(fs[1]!.message).toMatch(
      /Sign-in fails with AADSTS50011\. 4 redirect URIs hold placeholders \(\$\{\{A\}\}\/a, \$\{\{C\}\}\/c, \$\{\{D\}\}\/d\) and could not be compared until the toolkit fills them in\.$/,
    );
  });
});
