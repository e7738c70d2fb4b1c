// The client secret check as an admin meets it: which registered secret the stored one is (by its hint), which one is
// judged when that cannot be told, the expiry window's edges, and the exact words of each finding.
import { describe, expect, it } from 'vitest';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import type { VerifyTarget } from '../../../../src/core/registration/verify-target';
import type { ManifestFormat, RegistrationFinding } from '../../../../src/shared/registration';
import { goodSpec, goodTarget, inDays, manifestJson, NOW, type SecretSpec } from './manifest-builders';

const NEW_SECRET_STEPS =
  'Under Client secrets select New client secret, enter a description and an expiry, then Add; copy the Value column (not the Secret ID) at once into the connection.';

function findings(
  secrets: SecretSpec[],
  extra: Partial<VerifyTarget> = {},
  format: ManifestFormat = 'graph',
): RegistrationFinding[] {
  const spec = { ...goodSpec(), secrets };
  return verifyManifest(manifestJson(spec, format), goodTarget('byo-app', extra)).findings;
}

const secretFindings = (fs: RegistrationFinding[]): RegistrationFinding[] =>
  fs.filter((f) => f.code.startsWith('secret.'));

function secret(displayName: string, hint: string | null, end: string | null, keyId?: string): SecretSpec {
  return { displayName, hint, end, start: inDays(-100), ...(keyId ? { keyId } : {}) };
}

describe('client secret check', () => {
  it('tells the admin to create a secret when none is registered', () => {
    const [f] = secretFindings(findings([]));
    expect(f?.code).toBe('secret.none_registered');
    expect(f?.severity).toBe('error');
    expect(f?.message).toBe(
      'The connection signs in with a client secret, but the app has no client secret registered (AADSTS7000215).',
    );
    expect(f?.fix.endsWith(`then select Certificates & secrets. ${NEW_SECRET_STEPS}`)).toBe(true);
  });

  it('lists every hint when the stored secret starts like none of them', () => {
    const fs = secretFindings(
      findings([secret('first', 'abc', inDays(200)), secret('second', 'xyz', inDays(300))], {
        secretFirstChars: 'q7~',
      }),
    );
    expect(fs.map((f) => f.code)).toEqual(['secret.hint_mismatch']);
    expect(fs[0]!.message).toBe(
      'The stored client secret does not start like any registered secret (hints: “abc” for “first”, “xyz” for “second”). Sign-in fails with AADSTS7000215.',
    );
    expect(fs[0]!.fix.endsWith(`${NEW_SECRET_STEPS} Secret values cannot be shown again after creation.`)).toBe(true);
  });

  it('compares only the first three characters of what the profile stores', () => {
    const fs = findings([secret('first', 'abc', inDays(200))], {
      secretFirstChars: 'abcdefgh',
      secretExpiresAt: inDays(200),
    });
    expect(secretFindings(fs)).toEqual([]);
  });

  it('points at the Secret ID when the stored secret starts like any one secret’s ID', () => {
    const fs = secretFindings(
      findings(
        [
          secret('first', 'abc', inDays(200), 'f0b0b335-1d71-4883-8f98-567911bfdca6'),
          secret('second', 'xyz', inDays(300), '7d1e0000-0000-4000-8000-000000000002'),
        ],
        { secretFirstChars: 'F0B' },
      ),
    );
    expect(fs[0]!.message).toMatch(
      /AADSTS7000215\. It starts like a Secret ID: the connection probably holds the secret’s ID instead of its Value\.$/,
    );
  });

  it('says the hints cannot be compared when the manifest shows none', () => {
    const fs = secretFindings(
      findings([secret('old format', null, inDays(200))], { secretFirstChars: 'abc', secretExpiresAt: inDays(200) }),
    );
    expect(fs.map((f) => [f.code, f.severity])).toEqual([['secret.hint_unavailable', 'info']]);
    expect(fs[0]!.message).toBe(
      'This manifest shows no hints (first three characters) for its client secrets — the older format leaves them out — so which secret the connection holds cannot be checked.',
    );
    expect(fs[0]!.fix).toMatch(
      / Compare the Value column under Client secrets \(it shows the first three characters\) with the secret stored in the connection\.$/,
    );
  });

  it('judges the secret whose hint matches, not the newest one', () => {
    const fs = secretFindings(
      findings([secret('soon', 'abc', inDays(5)), secret('later', 'xyz', inDays(300))], {
        secretFirstChars: 'abc',
        secretExpiresAt: inDays(5),
      }),
    );
    expect(fs.map((f) => f.code)).toEqual(['secret.expiring']);
    expect(fs[0]!.severity).toBe('warning');
    expect(fs[0]!.message).toBe('The client secret “soon” expires on 2026-01-06, in 5 days.');
    expect(
      fs[0]!.fix.endsWith(`${NEW_SECRET_STEPS} Delete the old secret once the connection works with the new one.`),
    ).toBe(true);
  });

  it('judges the newest secret, and says so, when it cannot tell which one the connection holds', () => {
    const fs = secretFindings(
      findings(
        [
          secret('no end', null, null),
          secret('old', null, inDays(-100)),
          secret('newest', null, inDays(10)),
          secret('middle', null, inDays(3)),
        ],
        { secretFirstChars: undefined, secretExpiresAt: inDays(200) },
      ),
    );
    // No reminder mismatch either: which secret the reminder is for is not known.
    expect(fs.map((f) => f.code)).toEqual(['secret.expiring']);
    expect(fs[0]!.message).toBe('The newest client secret, “newest”, expires on 2026-01-11, in 10 days.');
  });

  it('names the only secret plainly, and its expiry today as 0 days away', () => {
    const laterToday = new Date(NOW.getTime() + 3_600_000).toISOString();
    const fs = secretFindings(
      findings([secret('only', null, laterToday)], { secretFirstChars: undefined, secretExpiresAt: laterToday }),
    );
    expect(fs.map((f) => f.code)).toEqual(['secret.expiring']);
    expect(fs[0]!.message).toBe('The client secret “only” expires on 2026-01-01, in 0 days.');
  });

  it('counts 1 day in the singular and warns 30 days ahead, not 31', () => {
    const at = (end: string): RegistrationFinding[] =>
      secretFindings(findings([secret('only', 'abc', end)], { secretExpiresAt: end }));
    expect(at(inDays(1))[0]?.message).toBe('The client secret “only” expires on 2026-01-02, in 1 day.');
    expect(at(inDays(30))[0]?.message).toBe('The client secret “only” expires on 2026-01-31, in 30 days.');
    expect(at(inDays(31))).toEqual([]);
  });

  it('calls a secret that ended an hour ago expired', () => {
    const anHourAgo = new Date(NOW.getTime() - 3_600_000).toISOString();
    const fs = secretFindings(findings([secret('only', 'abc', anHourAgo)], { secretExpiresAt: anHourAgo }));
    expect(fs.map((f) => [f.code, f.severity])).toEqual([['secret.expired', 'error']]);
    expect(fs[0]!.message).toBe('The client secret “only” expired on 2025-12-31; sign-in fails with AADSTS7000222.');
  });

  it('tells the admin the profile’s expiry reminder is wrong, and the date to set', () => {
    const fs = secretFindings(findings([secret('only', 'abc', inDays(200))], { secretExpiresAt: inDays(100) }));
    expect(fs.map((f) => [f.code, f.severity])).toEqual([['secret.expiry_differs', 'info']]);
    expect(fs[0]!.message).toBe(
      'The profile expects its secret to expire on 2026-04-11, but “only” expires on 2026-07-20; the expiry reminder will come at the wrong time.',
    );
    expect(fs[0]!.fix).toMatch(
      / Check the Expires column under Client secrets, then set the profile’s secret expiry to 2026-07-20\.$/,
    );
  });
});
