import { describe, expect, it } from 'vitest';
import { ExternalLinkPolicy } from '../../../../src/core/os/external-links';

describe('external link allowlist', () => {
  const policy = new ExternalLinkPolicy();
  it.each([
    'https://login.microsoftonline.com/common/oauth2/v2.0/authorize',
    'https://login.microsoftonline.us/x',
    'https://login.chinacloudapi.cn/x',
    'https://login.partner.microsoftonline.cn/x',
    'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps',
    'https://portal.azure.us/',
    'https://portal.azure.cn/',
  ])('opens %s', (url) => expect(policy.check(url)).toBeNull());

  it.each([
    ['http://login.microsoftonline.com/', 'only https'],
    ['https://login.microsoftonline.com.evil.io/', 'not a Microsoft'],
    ['https://user:pw@login.microsoftonline.com/', 'user names'],
    ['file:///etc/passwd', 'only https'],
    ['javascript:alert(1)', 'only https'],
    ['not a url', 'not a valid URL'],
  ])('refuses %s', (url, reason) => expect(policy.check(url)).toContain(reason));

  it('allows a Custom environment host only once registered', () => {
    const p = new ExternalLinkPolicy();
    expect(p.check('https://idp.example.test/authorize')).not.toBeNull();
    p.allowHost('idp.example.test');
    expect(p.check('https://idp.example.test/authorize')).toBeNull();
  });

  it.each([
    ['https://login.microsoftonline.com:444/common', 'usual port only'],
    ['https://entra.microsoft.com:8443/', 'usual port only'],
    ['https://login.microsoftonline.com:80/', 'usual port only'],
  ])('refuses an allowlisted host on another port: %s', (url, reason) => expect(policy.check(url)).toContain(reason));

  it('takes the default port written out (:443) as the usual one', () => {
    expect(policy.resolve('https://login.microsoftonline.com:443/common')).toEqual({
      href: 'https://login.microsoftonline.com/common',
    });
  });

  it('a Custom host is allowed on its own port only', () => {
    const p = new ExternalLinkPolicy();
    p.allowHost('127.0.0.1:4431');
    expect(p.check('https://127.0.0.1:4431/tenant/oauth2/v2.0/authorize')).toBeNull();
    expect(p.check('https://127.0.0.1:4432/tenant/oauth2/v2.0/authorize')).not.toBeNull();
    expect(p.check('https://127.0.0.1/tenant')).not.toBeNull();
    p.allowHost('idp.example.test/path?x');
    p.allowHost('not a host');
    expect(p.check('https://idp.example.test/authorize')).not.toBeNull();
  });

  it('a Custom host entered with a path (no query) allows nothing: the entry is not a host', () => {
    const p = new ExternalLinkPolicy();
    p.allowHost('idp.example.test/tenant');
    expect(p.check('https://idp.example.test/tenant/oauth2/v2.0/authorize')).toBe(
      'idp.example.test is not a Microsoft sign-in or admin-center host',
    );
  });

  it('gives the parsed href to open, never the raw string', () => {
    expect(policy.resolve('https://login.microsoftonline.com\\@evil.example/')).toEqual({
      href: 'https://login.microsoftonline.com/@evil.example/',
    });
    expect(policy.resolve(' https://LOGIN.microsoftonline.com/a\tb ')).toEqual({
      href: 'https://login.microsoftonline.com/ab',
    });
  });
});
