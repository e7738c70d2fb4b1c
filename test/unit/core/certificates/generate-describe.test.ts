import { createHash, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { describeCertificate, generateSelfSignedCertificate } from '../../../../src/core/certificates';
import { parseCertificate, formatName } from '../../../../src/core/certificates/x509/parse';
import { certificateWarnings } from '../../../../src/core/certificates/warnings';
import type { CertificateDetails, GenerationStage } from '../../../../src/shared/certificates';
import { failureOf } from '../../../fixtures/pkcs12/test-certificates';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('generateSelfSignedCertificate', () => {
  it('makes an RSA certificate for app-only sign-in: SHA-256, digitalSignature (critical), clientAuth, CA:FALSE', async () => {
    const stages: GenerationStage[] = [];
    const g = await generateSelfSignedCertificate({
      commonName: 'Contoso Graph Connector',
      organization: 'Contoso',
      organizationalUnit: 'IT',
      keyAlgorithm: 'rsa-2048',
      now: NOW,
      onProgress: (s) => stages.push(s),
    });
    expect(stages).toEqual(['generating-key', 'building-certificate', 'signing', 'done']);
    const x509 = new X509Certificate(g.certificateDer);
    expect(x509.checkPrivateKey(g.privateKey)).toBe(true);
    expect(x509.verify(x509.publicKey)).toBe(true);
    const d = g.details;
    expect(d.subject).toBe('CN=Contoso Graph Connector, OU=IT, O=Contoso');
    expect(d.issuer).toBe(d.subject);
    expect(d.subjectCommonName).toBe('Contoso Graph Connector');
    expect(d.signatureAlgorithm).toBe('sha256WithRSAEncryption');
    expect(d.key).toEqual({ type: 'RSA', size: 2048, curve: null });
    expect(d.keyUsage).toEqual(['digitalSignature']);
    expect(d.extendedKeyUsage).toEqual([{ oid: '1.3.6.1.5.5.7.3.2', name: 'clientAuth' }]);
    expect(d.isCertificateAuthority).toBe(false);
    expect(d.selfSigned).toBe(true);
    expect(d.lacksClientAuth || d.lacksDigitalSignature).toBe(false);
    expect(d.serialNumber).toMatch(/^[4-7][0-9A-F]{31}$/);
    expect(d.notBefore).toBe('2026-03-01T11:55:00.000Z');
    expect(d.notAfter).toBe('2027-03-01T11:55:00.000Z');
    expect(d.daysLeft).toBe(364);
    expect(d.subjectKeyIdentifier).toMatch(/^[0-9A-F]{40}$/);
    expect(
      certificateWarnings({ certificate: d, hasPrivateKey: true, keyMatchesCertificate: true, protection: null }),
    ).toEqual([]);
  });

  it('makes EC P-256 and P-384 certificates signed with ecdsa-with-SHA256, valid up to 3 years', async () => {
    for (const [keyAlgorithm, curve] of [
      ['ec-p256', 'P-256'],
      ['ec-p384', 'P-384'],
    ] as const) {
      const g = await generateSelfSignedCertificate({ commonName: 'EC App', keyAlgorithm, validityYears: 3, now: NOW });
      expect(g.details.key).toMatchObject({ type: 'EC', curve });
      expect(g.details.signatureAlgorithm).toBe('ecdsa-with-SHA256');
      expect(g.details.notAfter.slice(0, 4)).toBe('2029');
      expect(new X509Certificate(g.certificateDer).checkPrivateKey(g.privateKey)).toBe(true);
    }
  });

  it('pfx.invalid_options: empty CN, validity outside 1–3 whole years, unknown key type', async () => {
    expect(await failureOf(generateSelfSignedCertificate({ commonName: '  ' }))).toMatchObject({
      code: 'pfx.invalid_options',
      details: { field: 'commonName' },
    });
    for (const validityYears of [0, 4, 1.5]) {
      expect(await failureOf(generateSelfSignedCertificate({ commonName: 'x', validityYears }))).toMatchObject({
        code: 'pfx.invalid_options',
        details: { field: 'validityYears' },
      });
    }
    expect(
      await failureOf(generateSelfSignedCertificate({ commonName: 'x', keyAlgorithm: 'rsa-1024' as never })),
    ).toMatchObject({ details: { field: 'keyAlgorithm' } });
    expect(await failureOf(generateSelfSignedCertificate({ commonName: 'x'.repeat(65) }))).toMatchObject({
      code: 'pfx.invalid_options',
    });
  });
});

describe('describeCertificate', () => {
  it('gives thumbprints as the Entra admin center shows them, plus x5t and x5t#S256', async () => {
    const g = await generateSelfSignedCertificate({ commonName: 'Thumbprints', keyAlgorithm: 'ec-p256' });
    const d = describeCertificate(g.certificateDer);
    const sha1 = createHash('sha1').update(g.certificateDer).digest();
    expect(d.thumbprintSha1).toBe(sha1.toString('hex').toUpperCase());
    expect(d.thumbprintSha1).toMatch(/^[0-9A-F]{40}$/);
    expect(d.thumbprintSha256).toBe(createHash('sha256').update(g.certificateDer).digest('hex').toUpperCase());
    expect(d.x5t).toBe(sha1.toString('base64url'));
    expect(d.x5tS256).toBe(createHash('sha256').update(g.certificateDer).digest('base64url'));
    expect(d.thumbprintSha1).toBe(new X509Certificate(g.certificateDer).fingerprint.replace(/:/g, ''));
  });

  it('pfx.invalid_certificate: bytes that are not a certificate', () => {
    expect(() => describeCertificate(Buffer.from('nope'))).toThrow(
      expect.objectContaining({ code: 'pfx.invalid_certificate' }),
    );
  });

  it('formats names most specific first and quotes special characters, as Windows does', () => {
    expect(
      formatName([
        [{ oid: '2.5.4.6', value: 'US' }],
        [{ oid: '2.5.4.10', value: 'Contoso, Ltd' }],
        [
          { oid: '2.5.4.3', value: 'App' },
          { oid: '0.9.2342.19200300.100.1.1', value: 'u1' },
        ],
        [{ oid: '1.2.3.4', value: 'x' }],
      ]),
    ).toBe('1.2.3.4=x, CN=App + UID=u1, O="Contoso, Ltd", C=US');
  });

  it('reads the extensions of the certificate it was given', async () => {
    const g = await generateSelfSignedCertificate({ commonName: 'Ext', keyAlgorithm: 'ec-p256' });
    const parsed = parseCertificate(g.certificateDer);
    expect(parsed.basicConstraintsCa).toBe(false);
    expect(parsed.keyUsage).toEqual(['digitalSignature']);
  });
});

describe('certificate warnings', () => {
  const base = (overrides: Partial<CertificateDetails>): CertificateDetails => ({
    subject: 'CN=x',
    subjectCommonName: 'x',
    issuer: 'CN=x',
    issuerCommonName: 'x',
    serialNumber: '01',
    thumbprintSha1: '',
    thumbprintSha256: '',
    x5t: '',
    x5tS256: '',
    notBefore: '2026-01-01T00:00:00.000Z',
    notAfter: '2027-01-01T00:00:00.000Z',
    daysLeft: 200,
    expired: false,
    notYetValid: false,
    selfSigned: true,
    isCertificateAuthority: false,
    key: { type: 'RSA', size: 2048, curve: null },
    signatureAlgorithm: 'sha256WithRSAEncryption',
    keyUsage: null,
    extendedKeyUsage: null,
    lacksDigitalSignature: false,
    lacksClientAuth: false,
    subjectKeyIdentifier: null,
    friendlyName: null,
    localKeyId: null,
    ...overrides,
  });
  const codes = (
    overrides: Partial<CertificateDetails>,
    extra: { hasPrivateKey?: boolean; keyMatchesCertificate?: boolean | null } = {},
  ): string[] =>
    certificateWarnings({
      certificate: base(overrides),
      hasPrivateKey: extra.hasPrivateKey ?? true,
      keyMatchesCertificate: extra.keyMatchesCertificate ?? true,
      protection: null,
    }).map((w) => w.code);

  it('warns about expiry, missing usages, weak keys and a missing or wrong key', () => {
    expect(codes({ expired: true, daysLeft: -3 })).toEqual(['expired']);
    expect(codes({ daysLeft: 29 })).toEqual(['expiring_soon']);
    expect(codes({ daysLeft: 30 })).toEqual([]);
    expect(codes({ notYetValid: true })).toEqual(['not_yet_valid']);
    expect(codes({ lacksClientAuth: true, lacksDigitalSignature: true })).toEqual([
      'missing_digital_signature',
      'missing_client_auth',
    ]);
    expect(codes({ key: { type: 'RSA', size: 1024, curve: null } })).toEqual(['weak_key']);
    expect(codes({}, { hasPrivateKey: false, keyMatchesCertificate: null })).toEqual(['no_private_key']);
    expect(codes({}, { keyMatchesCertificate: false })).toEqual(['key_mismatch']);
  });

  it('warns that Entra documents RSA for client assertions when the key is EC, and about a PFX that opened without a password', () => {
    expect(codes({ key: { type: 'EC', size: 256, curve: 'P-256' } })).toEqual(['ec_key']);
    const protection = {
      summary: '',
      passwordProtected: true,
      mac: null,
      encryption: [],
      legacy: true,
      legacyNote: '3DES and SHA-1 are legacy.',
      quirks: [],
    };
    const withPassword = (passwordUsed: 'given' | 'empty' | 'absent') =>
      certificateWarnings({
        certificate: base({}),
        hasPrivateKey: true,
        keyMatchesCertificate: true,
        protection,
        passwordUsed,
      }).map((w) => w.code);
    expect(withPassword('given')).toEqual(['legacy_protection']);
    expect(withPassword('empty')).toEqual(['empty_password', 'legacy_protection']);
    expect(withPassword('absent')).toEqual(['empty_password', 'legacy_protection']);
  });

  it('computes expiry flags from the clock it is given', async () => {
    const g = await generateSelfSignedCertificate({ commonName: 'Clock', keyAlgorithm: 'ec-p256', now: NOW });
    expect(describeCertificate(g.certificateDer, { now: new Date('2027-03-02T00:00:00Z') })).toMatchObject({
      expired: true,
      daysLeft: -1,
    });
    expect(describeCertificate(g.certificateDer, { now: new Date('2027-02-10T00:00:00Z') })).toMatchObject({
      expired: false,
      daysLeft: 19,
    });
    expect(describeCertificate(g.certificateDer, { now: new Date('2026-02-01T00:00:00Z') })).toMatchObject({
      notYetValid: true,
    });
  });
});
