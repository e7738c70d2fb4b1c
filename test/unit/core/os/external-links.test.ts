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
});
