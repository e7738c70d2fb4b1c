// Which registered certificates can sign in now, for a certificate connection checked without its PFX: each reason a
// certificate cannot (type, usage, dates) in the admin's words, the date edges, and that one usable certificate is
// enough (then the others' expiry is reported as a warning instead).
import { describe, expect, it } from 'vitest';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import type { RegistrationFinding } from '../../../../src/shared/registration';
import { goodCertificateSpec, goodTarget, inDays, manifestJson, NOW, type KeySpec } from './manifest-builders';

const HOUR = 3_600_000;

function findings(keys: KeySpec[]): RegistrationFinding[] {
  const spec = { ...goodCertificateSpec(), keys };
  return verifyManifest(manifestJson(spec, 'graph'), goodTarget('certificate', { certificate: null })).findings;
}

function key(displayName: string, change: Partial<KeySpec> = {}): KeySpec {
  return { ...goodCertificateSpec().keys[0]!, displayName, start: inDays(-100), end: inDays(300), ...change };
}

const codes = (fs: RegistrationFinding[]): string[] => fs.map((f) => f.code);

describe('usable registered certificates (no PFX given)', () => {
  it('names why each certificate cannot sign in: type, usage, expiry, not yet valid', () => {
    const fs = findings([
      key('sym', { type: 'Symmetric' }),
      key('sign', { usage: 'Sign' }),
      key('old', { end: '2025-12-31T23:00:00Z' }),
      key('future', { start: '2026-02-01T00:00:00Z' }),
    ]);
    expect(codes(fs)).toEqual(['certificate.none_usable']);
    expect(fs[0]!.message).toBe(
      'The connection signs in with a certificate, but no registered certificate can be used for that: “sym” — its type is “Symmetric”, not AsymmetricX509Cert; “sign” — its usage is “Sign”, not Verify; “old” — it expired on 2025-12-31; “future” — it becomes valid only on 2026-02-01. Sign-in fails with AADSTS700027 until a valid one is uploaded.',
    );
  });

  it('counts a certificate as usable until its last day and from the moment its validity starts', () => {
    const endsToday = key('ends today', { end: new Date(NOW.getTime() + HOUR).toISOString() });
    expect(codes(findings([endsToday]))).toEqual(['certificate.not_checked', 'key_credential.expiring']);
    const startsNow = key('starts now', { start: NOW.toISOString() });
    expect(codes(findings([startsNow]))).toEqual(['certificate.not_checked']);
    const noStart = key('no start', { start: null });
    // (a missing start date is a warning of its own, not a reason the certificate cannot sign in)
    expect(codes(findings([noStart]))).toEqual(['key_credential.no_dates', 'certificate.not_checked']);
    const anHourEarly = key('an hour early', { start: new Date(NOW.getTime() + HOUR).toISOString() });
    expect(codes(findings([anHourEarly]))).toEqual(['certificate.none_usable']);
  });

  it('is satisfied by one usable certificate, and then reports the expired one as a warning', () => {
    const fs = findings([key('old', { end: inDays(-40) }), key('current')]);
    expect(fs.map((f) => [f.code, f.severity])).toEqual([
      ['key_credential.expired', 'warning'],
      ['certificate.not_checked', 'info'],
    ]);
  });
});
