// Hosts as admins type them: a scheme and trailing slashes are taken off, nothing else; a Custom environment
// without hosts is refused with what to enter.
import { describe, expect, it } from 'vitest';
import { normaliseHost, signInHostsFor } from '../../../../src/core/signin/endpoints';

describe('sign-in hosts', () => {
  it.each([
    ['https://login.example.net', 'login.example.net'],
    ['http://login.example.net', 'login.example.net'],
    ['HTTPS://login.example.net/', 'login.example.net'],
    ['  login.example.net//  ', 'login.example.net'],
    ['login.example.net/https://other', 'login.example.net/https://other'],
    ['127.0.0.1:4431', '127.0.0.1:4431'],
  ])('normalises %j to %j', (typed, host) => {
    expect(normaliseHost(typed)).toBe(host);
  });

  it('refuses a Custom environment without hosts, saying what to enter', () => {
    expect(() => signInHostsFor('custom', null)).toThrow(
      expect.objectContaining({
        code: 'signin.invalid_input',
        message: 'The Custom environment needs a sign-in host and a Graph host.',
        hint: 'Enter both hosts in the connection profile, for example login.contoso.test and graph.contoso.test.',
      }),
    );
  });
});
