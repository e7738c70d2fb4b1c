// Credentials in a link are refused in every form: a user name alone (`https://admin@host/`), a password alone, both,
// and their encoded or empty variants. Such a link can hide where it goes (`https://login.microsoftonline.com@evil.io`)
// or hand a name to whatever answers.
import { describe, expect, it } from 'vitest';
import { ExternalLinkPolicy } from '../../../../src/core/os/external-links';

describe('external links with user information', () => {
  const policy = new ExternalLinkPolicy();

  it.each([
    ['a user name alone', 'https://admin@entra.microsoft.com/'],
    ['an encoded user name alone', 'https://admin%40contoso.com@login.microsoftonline.com/common'],
    ['a password alone', 'https://:secret@entra.microsoft.com/'],
    ['a user name and a password', 'https://admin:secret@login.microsoftonline.com/'],
  ])('refuses %s', (_what, url) => {
    expect(policy.check(url)).toBe('links with user names or passwords are not opened');
  });

  it('refuses a Microsoft name used as the user name of another host, for its host', () => {
    expect(policy.check('https://login.microsoftonline.com@evil.example/')).not.toBeNull();
  });

  it('refuses user information on a host allowed for this session as well', () => {
    const p = new ExternalLinkPolicy();
    p.allowHost('idp.example.test');
    expect(p.check('https://idp.example.test/authorize')).toBeNull();
    expect(p.check('https://someone@idp.example.test/authorize')).toBe(
      'links with user names or passwords are not opened',
    );
  });

  it('opens the same links without user information', () => {
    expect(policy.check('https://entra.microsoft.com/')).toBeNull();
    expect(policy.check('https://login.microsoftonline.com/common')).toBeNull();
  });
});
