import { describe, expect, it } from 'vitest';
import { oldCredentials, rotationAdvice } from '../../../../src/core/graph-apply/rotation-advice';
import type { FetchView } from '../../../../src/shared/contract/graph';

const after = (passwords: FetchView['passwords'], certificates: FetchView['certificates'] = []): FetchView =>
  ({
    report: { counts: { error: 0, warning: 0, info: 0 } },
    appId: 'a',
    objectId: 'o',
    passwords,
    certificates,
    fixable: [],
    reportId: null,
  }) as unknown as FetchView;

describe('rotation advice', () => {
  const two = after([
    { keyId: 'old-key', hint: 'abc', displayName: 'Made by hand', endDateTime: '2026-05-01T00:00:00Z' },
    { keyId: 'new-key', hint: 'xyz', displayName: null, endDateTime: '2027-05-01T00:00:00Z' },
  ]);

  it('a failed secret test: the profile holds the new secret, the old one (by hint and key ID) is still registered, retest, keep the old', () => {
    const lines = rotationAdvice(false, { kind: 'secret', keyId: 'new-key', hint: 'xyz' }, two);
    expect(lines[0]).toBe(
      'The profile already holds the new client secret (hint xyz…, key ID new-key): it replaced the old value in this computer’s keychain, so the Workbench’s tests now use the new one.',
    );
    expect(lines[1]).toContain(
      'The old client secret is still registered on the app: “Made by hand” (hint abc…, key ID old-key, until 2026-05-01)',
    );
    expect(lines.join(' ')).toContain('Run the sign-in test again');
    expect(lines.join(' ')).toContain('give it the old secret value again');
  });

  it('a passed test says to move the automation platform’s connection before removing the old one', () => {
    const lines = rotationAdvice(true, { kind: 'secret', keyId: 'new-key', hint: 'xyz' }, two);
    expect(lines.at(-1)).toContain('put the new client secret into the automation platform’s connection');
    expect(lines.join(' ')).not.toContain('Run the sign-in test again');
  });

  it('certificates are told apart by thumbprint, whatever its case or separators', () => {
    const certs = after(
      [],
      [
        { keyId: 'k1', displayName: 'CN=Old', endDateTime: null, thumbprintSha1: 'aa:bb:cc' },
        { keyId: 'k2', displayName: 'CN=New', endDateTime: null, thumbprintSha1: 'DDEEFF' },
      ],
    );
    expect(oldCredentials(certs, { kind: 'certificate', thumbprintSha1: 'ddeeff' })).toEqual([
      'CN=Old (SHA-1 aa:bb:cc, key ID k1)',
    ]);
  });

  it('says when the app could not be read back (nothing was removed)', () => {
    expect(rotationAdvice(false, { kind: 'certificate', thumbprintSha1: 'AA' }, null)[1]).toContain(
      'could not be read back',
    );
  });
});
