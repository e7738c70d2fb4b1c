// The connection's certificate among keyCredentials (checks/certificate.ts), with the real certificate of the Azure CLI
// recording: which registered credential is taken as the certificate when several match, the words of each finding
// (message and fix an admin reads), severities, the expiry and start edges, and a certificate a profile only records
// by its thumbprints.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyManifest } from '../../../../src/core/registration/verify-manifest';
import type { VerifyCertificate } from '../../../../src/core/registration/verify-target';
import {
  fixture,
  goodCertificateSpec,
  goodTarget,
  inDays,
  manifestJson,
  NOW,
  otherCertificateDer,
  recordingCertificate,
  toGraph,
  type KeySpec,
  type SeenFinding,
} from './manifest-builders';

const cert = recordingCertificate();
const SHA1 = '7AB4DD9219E5E03ECC025136572DFAA262EC85CB';
const OTHER_SHA1 = createHash('sha1').update(otherCertificateDer()).digest('hex').toUpperCase();
const upload =
  'Under Certificates select Upload certificate, choose the public certificate (.cer or .pem) exported from this PFX, add a description, then Add.';
const renew = (name: string): string =>
  `Create or obtain a new certificate, under Certificates select Upload certificate, choose the public certificate (.cer or .pem) exported from this PFX, add a description, then Add. Then update the connection with the new PFX and delete ${name} once nothing uses it.`;

/** The certificate as a profile records it: thumbprints only (here as openssl prints them), no start date. */
const recorded: VerifyCertificate = {
  derBase64: '',
  thumbprintSha1: SHA1.toLowerCase().match(/../g)!.join(':'),
  thumbprintSha256: cert.thumbprintSha256,
  notBefore: '',
  notAfter: cert.notAfter,
  keyMatchesCertificate: null,
};

/** The certificate findings of a manifest text, the fix without the admin-center click path every fix starts with. */
function checkText(text: string, certificate: VerifyCertificate | null = cert): SeenFinding[] {
  return verifyManifest(text, goodTarget('certificate', { certificate }))
    .findings.filter((f) => f.code.startsWith('certificate.'))
    .map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      fix: f.fix.replace(/^In the Microsoft Entra admin center .*? then select Certificates & secrets\. /, ''),
    }));
}

function check(keys: KeySpec[], certificate: VerifyCertificate | null = cert): SeenFinding[] {
  return checkText(manifestJson({ ...goodCertificateSpec(), keys }, 'graph'), certificate);
}

/** The recording's certificate registered as the Azure CLI registers it, with changes. */
function key(change: Partial<KeySpec> = {}): KeySpec {
  return { ...goodCertificateSpec().keys[0]!, ...change };
}

const codes = (seen: SeenFinding[]): string[] => seen.map((s) => s.code);
const at = (days: number, hours = 1): string =>
  new Date(NOW.getTime() + days * 86_400_000 + hours * 3_600_000).toISOString();

describe('certificate check: which registered credential is the certificate', () => {
  it('takes the credential that can sign in when the certificate is registered twice, in either order', () => {
    const sign = key({ usage: 'Sign', displayName: 'sign' });
    const verify = key({ displayName: 'verify' });
    expect(check([sign, verify])).toEqual([]);
    expect(check([verify, sign])).toEqual([]);
  });

  it('weighs the type above the usage: a wrong usage is reported rather than a wrong type', () => {
    const symmetric = key({ type: 'Symmetric', displayName: 'sym' });
    const sign = key({ usage: 'Sign', displayName: 'sign' });
    for (const keys of [
      [symmetric, sign],
      [sign, symmetric],
    ]) {
      expect(check(keys)).toEqual([
        {
          code: 'certificate.wrong_usage',
          severity: 'error',
          message: 'The certificate is registered as “sign” with usage “Sign”; signing in with it needs usage Verify.',
          fix: `${upload} (Certificates uploaded there get usage Verify.)`,
        },
      ]);
    }
  });

  it('of two usable credentials takes the one that lasts longer', () => {
    const soon = key({ end: inDays(10), displayName: 'soon' });
    const full = key({ displayName: 'full' });
    expect(check([soon, full])).toEqual([]);
    expect(check([full, soon])).toEqual([]);
  });

  it('matches a credential registered with the SHA-256 thumbprint as its identifier', () => {
    expect(check([key({ customKeyIdentifier: cert.thumbprintSha256 })])).toEqual([]);
  });

  it('computes the thumbprints from the PFX’s certificate rather than trusting the ones passed with it', () => {
    const wrongThumbs = { ...cert, thumbprintSha1: OTHER_SHA1, thumbprintSha256: OTHER_SHA1 };
    expect(check([key()], wrongThumbs)).toEqual([]);
  });

  it('finds a certificate the profile records as lower-case thumbprints with colons', () => {
    expect(check([key()], recorded)).toEqual([]);
  });

  it('says nothing about certificates for a copy without keyCredentials (its own note says so)', () => {
    const trimmed = fixture('10_fragment_requiredResourceAccess-only.json').toString('utf8');
    expect(checkText(trimmed)).toEqual([]);
  });
});

describe('certificate check: the words of each finding', () => {
  it('private key not of the certificate', () => {
    expect(check([key()], { ...cert, keyMatchesCertificate: false })).toEqual([
      {
        code: 'certificate.private_key_mismatch',
        severity: 'error',
        message:
          'The private key in the PFX does not belong to its certificate, so every client assertion it signs is refused (AADSTS700027), whatever is registered.',
        fix: 'Nothing to change in the registration: export the PFX again from the machine or vault that holds the matching private key, or create a new certificate and upload its .cer here.',
      },
    ]);
  });

  it('wrong type, named as the manifest has it, or “none” when the manifest has no type', () => {
    expect(check([key({ type: 'Symmetric' })])).toEqual([
      {
        code: 'certificate.wrong_type',
        severity: 'error',
        message:
          'The certificate is registered as “CN=automation” with type “Symmetric”; sign-in needs type AsymmetricX509Cert.',
        fix: `Delete credential “CN=automation”. ${upload}`,
      },
    ]);
    const graph = toGraph(goodCertificateSpec()) as { keyCredentials: Array<Record<string, unknown>> };
    delete graph.keyCredentials[0]!.type;
    delete graph.keyCredentials[0]!.usage;
    expect(checkText(JSON.stringify(graph)).map((s) => s.message)).toEqual([
      'The certificate is registered as “CN=automation” with type “none”; sign-in needs type AsymmetricX509Cert.',
      'The certificate is registered as “CN=automation” with usage “none”; signing in with it needs usage Verify.',
    ]);
  });

  it('usage Encrypt is named as SAML token encryption, usage Sign is not', () => {
    expect(check([key({ usage: 'Encrypt' })]).map((s) => s.message)).toEqual([
      'The certificate is registered as “CN=automation” with usage “Encrypt” (SAML token encryption); signing in with it needs usage Verify.',
    ]);
    expect(check([key({ usage: 'Sign' })]).map((s) => s.message)).toEqual([
      'The certificate is registered as “CN=automation” with usage “Sign”; signing in with it needs usage Verify.',
    ]);
  });

  it('an identifier that is the thumbprint’s text in base64: a note, sign-in unaffected', () => {
    const hexText = Buffer.from(SHA1).toString('base64');
    expect(check([key({ customKeyIdentifier: hexText })])).toEqual([
      {
        code: 'certificate.identifier_base64_hex_text',
        severity: 'info',
        message: `The customKeyIdentifier of “CN=automation” is the thumbprint’s text encoded again as base64, so the admin center’s Thumbprint column shows a long value that is not ${SHA1}. Sign-in is not affected.`,
        fix: 'If the mismatch confuses reviewers, delete “CN=automation” and upload the .cer again (Upload certificate); Entra then stores the plain thumbprint.',
      },
    ]);
  });

  it('not registered: every registered credential listed with its thumbprint, or that it has none', () => {
    const old = key({ customKeyIdentifier: OTHER_SHA1, displayName: 'CN=old' });
    const named = key({
      customKeyIdentifier: Buffer.from('My app cert').toString('base64'),
      displayName: 'named',
      start: inDays(-5),
      end: inDays(300),
    });
    expect(check([old, named])).toEqual([
      {
        code: 'certificate.not_registered',
        severity: 'error',
        message: `The PFX’s certificate (SHA-1 thumbprint ${SHA1}) is not among the 2 registered: “CN=old” (${OTHER_SHA1}); “named” (identifier not a thumbprint). Signing in with it fails with AADSTS700027.`,
        fix: upload,
      },
    ]);
  });

  it('not registered, for a certificate the profile records', () => {
    expect(check([key({ customKeyIdentifier: OTHER_SHA1 })], recorded).map((s) => s.message)).toEqual([
      `The certificate the profile records (SHA-1 thumbprint ${SHA1}) is not among the 1 registered: “CN=automation” (${OTHER_SHA1}). Signing in with it fails with AADSTS700027.`,
    ]);
  });

  it('a credential named, not thumbprinted, with the same dates: probably the certificate, a warning', () => {
    const named = key({ customKeyIdentifier: Buffer.from('My app cert').toString('base64'), displayName: 'named' });
    expect(check([named])).toEqual([
      {
        code: 'certificate.not_registered',
        severity: 'warning',
        message: `The PFX’s certificate (SHA-1 thumbprint ${SHA1}) could not be confirmed among the registered certificates: “named” has the same validity dates, so it is probably this certificate, but its identifier is not a thumbprint.`,
        fix: 'Compare the Thumbprint column under Certificates with the thumbprint above. To make the match certain, delete that credential and upload the .cer again (Upload certificate).',
      },
    ]);
  });

  it('another certificate’s thumbprint with the same dates is not a likely match: still an error', () => {
    const seen = check([key({ customKeyIdentifier: OTHER_SHA1 })]);
    expect(seen.map((s) => [s.code, s.severity])).toEqual([['certificate.not_registered', 'error']]);
  });

  it('none registered: the PFX’s certificate, the profile’s, or any certificate without either', () => {
    const message = (which: string): string =>
      `The connection signs in with a certificate, but the app has no certificate registered (keyCredentials is empty), so signing in with ${which} fails with AADSTS700027.`;
    expect(check([])).toEqual([
      {
        code: 'certificate.none_registered',
        severity: 'error',
        message: message(`the PFX’s certificate (SHA-1 thumbprint ${SHA1})`),
        fix: upload,
      },
    ]);
    expect(check([], recorded).map((s) => s.message)).toEqual([
      message(`the certificate the profile records (SHA-1 thumbprint ${SHA1})`),
    ]);
    expect(check([], null).map((s) => s.message)).toEqual([message('any certificate')]);
  });

  it('no PFX and no usable certificate: “it” for one unusable certificate, “them” for two', () => {
    const expired = key({ end: inDays(-2) });
    const sign = key({ usage: 'Sign', keyId: '00000000-0000-0000-0000-0000000000c2', displayName: 'two' });
    const fix = (tail: string): string =>
      `Create or obtain a new certificate, under Certificates select Upload certificate, choose the public certificate (.cer or .pem) exported from this PFX, add a description, then Add. Then update the connection with its PFX and delete ${tail}.`;
    expect(check([expired], null)).toEqual([
      {
        code: 'certificate.none_usable',
        severity: 'error',
        message:
          'The connection signs in with a certificate, but no registered certificate can be used for that: “CN=automation” — it expired on 2025-12-30. Sign-in fails with AADSTS700027 until a valid one is uploaded.',
        fix: fix('the unusable certificate once nothing uses it'),
      },
    ]);
    expect(check([expired, sign], null).map((s) => s.fix)).toEqual([
      fix('the unusable certificates once nothing uses them'),
    ]);
  });

  it('no PFX but a usable certificate: a note on what could not be checked', () => {
    expect(check([key()], null)).toEqual([
      {
        code: 'certificate.not_checked',
        severity: 'info',
        message:
          'The profile uses a certificate, but neither its PFX nor its thumbprint was given, so which registered certificate the connection uses could not be checked.',
        fix: 'Nothing to change here: add the PFX (and its password) to the check — or save the certificate’s thumbprint in the profile — to compare thumbprints and dates.',
      },
    ]);
  });
});

describe('certificate check: dates', () => {
  it('a start date Entra accepts that differs from the certificate’s, the end dates alike', () => {
    expect(check([key({ start: inDays(-3) })])).toEqual([
      {
        code: 'certificate.dates_differ',
        severity: 'warning',
        message:
          'Entra accepts “CN=automation” from 2025-12-29 to 2047-12-08, but the certificate itself is valid from 2020-07-22 to 2047-12-08; sign-in works only while both are valid.',
        fix: 'Under Certificates compare the Start date and Expires columns; to use the certificate’s full validity, delete “CN=automation” and upload the .cer again (Upload certificate).',
      },
    ]);
  });

  it('expired a day ago, expiring within the day (“in 0 days”), in 1 day, in 30 days; nothing at 31 days', () => {
    const expiry = (days: number): SeenFinding[] =>
      check([key({ end: at(days) })]).filter((s) => s.code !== 'certificate.dates_differ');
    expect(expiry(-1)).toEqual([
      {
        code: 'certificate.expired',
        severity: 'error',
        message:
          'The certificate (as registered in “CN=automation”) expired on 2025-12-31; sign-in with it fails (AADSTS700027).',
        fix: renew('“CN=automation”'),
      },
    ]);
    expect(expiry(0)).toEqual([
      {
        code: 'certificate.expiring',
        severity: 'warning',
        message: 'The certificate (as registered in “CN=automation”) expires on 2026-01-01, in 0 days.',
        fix: renew('“CN=automation”'),
      },
    ]);
    expect(expiry(1).map((s) => s.message)).toEqual([
      'The certificate (as registered in “CN=automation”) expires on 2026-01-02, in 1 day.',
    ]);
    expect(expiry(30).map((s) => s.message)).toEqual([
      'The certificate (as registered in “CN=automation”) expires on 2026-01-31, in 30 days.',
    ]);
    expect(expiry(31)).toEqual([]);
  });

  it('not yet valid: the later of the two start dates counts, and a start of now is valid', () => {
    expect(check([key({ start: inDays(5) })]).filter((s) => s.code !== 'certificate.dates_differ')).toEqual([
      {
        code: 'certificate.not_yet_valid',
        severity: 'warning',
        message:
          'The certificate (as registered in “CN=automation”) only becomes valid on 2026-01-06; sign-in with it fails until then.',
        fix: 'Wait until that date, or check the clock of the machine that created the certificate and upload a certificate that is valid now.',
      },
    ]);
    expect(codes(check([key({ start: NOW.toISOString() })]))).toEqual(['certificate.dates_differ']);
  });

  it('with only the profile’s record (no start date, maybe no end date), the registered dates still count', () => {
    expect(codes(check([key({ start: inDays(5) })], recorded))).toEqual(['certificate.not_yet_valid']);
    expect(check([key({ end: inDays(10) })], { ...recorded, notAfter: '' }).map((s) => s.message)).toEqual([
      'The certificate (as registered in “CN=automation”) expires on 2026-01-11, in 10 days.',
    ]);
  });
});
