// Expiry of every credential on the app (key_credential.* and password_credential.*), as an admin reads it when the
// connection's own credential is not being compared: the 30-day window's edges, singular and plural wording, and which
// connections leave the secrets to the secret check.
import { describe, expect, it } from 'vitest';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import type { VerifyTarget } from '../../../../src/core/registration/verify-target';
import type { RegistrationFinding } from '../../../../src/shared/registration';
import {
  goodCertificateSpec,
  goodSpec,
  goodTarget,
  inDays,
  manifestJson,
  NOW,
  type KeySpec,
  type SecretSpec,
} from './manifest-builders';

const HOUR = 3_600_000;
const manifestOnly = (): VerifyTarget => goodTarget(null, { loopbackTest: false, certificate: null });

function findings(keys: KeySpec[], secrets: SecretSpec[], target = manifestOnly()): RegistrationFinding[] {
  const spec = { ...goodCertificateSpec(), keys, secrets };
  return verifyManifest(manifestJson(spec, 'graph'), target).findings;
}

function key(displayName: string, end: string): KeySpec {
  return { ...goodCertificateSpec().keys[0]!, displayName, end, start: inDays(-400) };
}

function secret(displayName: string, end: string): SecretSpec {
  return { hint: 'abc', displayName, end, start: inDays(-400) };
}

const one = (fs: RegistrationFinding[], code: string): RegistrationFinding => {
  const f = fs.filter((x) => x.code === code);
  expect(f, JSON.stringify(fs.map((x) => x.code))).toHaveLength(1);
  return f[0]!;
};

describe('credential expiry', () => {
  it('words one expired certificate and one client secret expiring tomorrow', () => {
    const fs = findings([key('old', inDays(-31))], [secret('s1', inDays(1))]);
    const expired = one(fs, 'key_credential.expired');
    expect(expired.severity).toBe('warning');
    expect(expired.message).toBe(
      'This certificate has expired: “old” (expired 2025-12-01). Anything still using it can no longer sign in.',
    );
    expect(expired.fix).toMatch(
      /, then select Certificates & secrets\. Under Certificates add a new certificate for whatever still uses the old one, then delete the expired certificate \(the bin icon\)\.$/,
    );
    const expiring = one(fs, 'password_credential.expiring');
    expect(expiring.severity).toBe('info');
    expect(expiring.message).toBe('This client secret expires within 30 days: “s1” (expires 2026-01-02, in 1 day).');
    expect(expiring.fix).toMatch(
      / Under Client secrets add a new client secret now and move its users over before the old one lapses\.$/,
    );
    expect(fs.map((f) => f.code).sort()).toEqual(['key_credential.expired', 'password_credential.expiring']);
  });

  it('words one expired client secret and one certificate expiring within the window', () => {
    const fs = findings([key('renew me', inDays(12))], [secret('gone', inDays(-2))]);
    expect(one(fs, 'password_credential.expired').message).toBe(
      'This client secret has expired: “gone” (expired 2025-12-30). Anything still using it can no longer sign in.',
    );
    expect(one(fs, 'password_credential.expired').fix).toMatch(
      / Under Client secrets add a new client secret for whatever still uses the old one, then delete the expired client secret \(the bin icon\)\.$/,
    );
    expect(one(fs, 'key_credential.expiring').message).toBe(
      'This certificate expires within 30 days: “renew me” (expires 2026-01-13, in 12 days).',
    );
    expect(one(fs, 'key_credential.expiring').fix).toMatch(
      / Under Certificates add a new certificate now and move its users over before the old one lapses\.$/,
    );
  });

  it('lists several in one finding, in the plural', () => {
    const fs = findings(
      [key('a', inDays(-31)), key('b', inDays(-2))],
      [secret('x', inDays(5)), secret('y', inDays(6))],
    );
    const expired = one(fs, 'key_credential.expired');
    expect(expired.message).toBe(
      'These certificates have expired: “a” (expired 2025-12-01) and “b” (expired 2025-12-30). Anything still using them can no longer sign in.',
    );
    expect(expired.fix).toMatch(/then delete the expired certificates \(the bin icon\)\.$/);
    expect(one(fs, 'password_credential.expiring').message).toBe(
      'These client secrets expire within 30 days: “x” (expires 2026-01-06, in 5 days) and “y” (expires 2026-01-07, in 6 days).',
    );
  });

  it('counts a credential ending later today as expiring in 0 days, and one ended an hour ago as expired', () => {
    const later = new Date(NOW.getTime() + HOUR).toISOString();
    const earlier = new Date(NOW.getTime() - HOUR).toISOString();
    const fs = findings([key('today', later)], [secret('gone', earlier)]);
    expect(one(fs, 'key_credential.expiring').message).toContain('“today” (expires 2026-01-01, in 0 days)');
    expect(one(fs, 'password_credential.expired').message).toContain('“gone” (expired 2025-12-31)');
    expect(fs.map((f) => f.code)).not.toContain('key_credential.expired');
  });

  it('warns 30 days ahead and not 31', () => {
    const fs = findings([key('in 30', inDays(30)), key('in 31', inDays(31))], []);
    expect(one(fs, 'key_credential.expiring').message).toBe(
      'This certificate expires within 30 days: “in 30” (expires 2026-01-31, in 30 days).',
    );
  });

  for (const auth of ['byo-app', 'client-credentials'] as const) {
    it(`leaves the client secrets of a ${auth} connection to the secret check`, () => {
      const spec = goodSpec();
      spec.secrets = [
        { ...spec.secrets[0]!, end: inDays(3) },
        { hint: 'zzz', displayName: 'old', end: inDays(-3) },
      ];
      const codes = verifyManifest(manifestJson(spec, 'graph'), goodTarget(auth)).findings.map((f) => f.code);
      expect(codes).toContain('secret.expiring');
      expect(codes.filter((c) => c.startsWith('password_credential.'))).toEqual([]);
    });
  }
});
