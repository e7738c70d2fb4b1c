import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { OID } from '../../../../src/core/certificates/asn1/oids';
import { parseAsn1, readOctets } from '../../../../src/core/certificates/asn1/reader';
import * as der from '../../../../src/core/certificates/asn1/writer';
import { describePkcs12, inspectPkcs12, openPkcs12, shutdownCertificateWorkers, writePkcs12 } from '../../../../src/core/certificates';
import { legacyLatin1Forms } from '../../../../src/core/certificates/pkcs12/kdf';
import { buildPfx } from '../../../fixtures/pkcs12/build-pfx';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';

const PASSWORD = 'Test1234!';
const UNICODE = 'pässwörd-密码-🙂';
let ec: TestCertificate;
let other: TestCertificate;

beforeAll(async () => {
  ec = await testCertificate('ec-p256');
  other = await testCertificate('ec-p256', 'Other App');
  return () => shutdownCertificateWorkers();
});

const sha1 = (b: Uint8Array): string => createHash('sha1').update(b).digest('hex').toUpperCase();

describe('openPkcs12: files this app and other tools write', () => {
  it('opens the modern export with ASCII and non-ASCII passwords and finds the matching key', async () => {
    for (const password of [PASSWORD, UNICODE]) {
      const pfx = await writePkcs12({ certificate: ec.der, privateKey: ec.key, password, friendlyName: 'Unit Näme' });
      const details = await inspectPkcs12(pfx, password);
      expect(details.certificate.thumbprintSha1).toBe(sha1(ec.der));
      expect(details.keyMatchesCertificate).toBe(true);
      expect(details.certificate.friendlyName).toBe('Unit Näme');
      expect(details.certificate.localKeyId).toBe(sha1(ec.der));
      expect(details.passwordUsed).toBe('given');
      expect(details.protection.summary).toBe('PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations; MAC SHA-256, 2,048 iterations');
      expect(details.protection.legacy).toBe(false);
    }
  });

  it('opens the compat export and flags its 3DES / SHA-1 protection as legacy', async () => {
    const pfx = await writePkcs12({ certificate: ec.der, privateKey: ec.key, password: UNICODE, profile: 'compat' });
    const details = await inspectPkcs12(pfx, UNICODE);
    expect(details.protection.summary).toBe('3DES-CBC (PKCS#12 PBE, SHA-1), 2,048 iterations; MAC SHA-1, 2,048 iterations');
    expect(details.protection.legacy).toBe(true);
    expect(details.warnings.map((w) => w.code)).toContain('legacy_protection');
  });

  it('tries an empty and an absent (NULL) password when none is given, as OpenSSL does', async () => {
    const empty = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: '', certEncryption: { kind: 'pkcs12-pbe', cipher: '3des' } });
    const absent = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: null, certEncryption: { kind: 'pkcs12-pbe', cipher: 'rc2-40' }, keyEncryption: { kind: 'pkcs12-pbe', cipher: '3des' } });
    expect((await openPkcs12(empty, undefined)).passwordUsed).toBe('empty');
    expect((await openPkcs12(empty, '')).passwordUsed).toBe('empty');
    expect((await openPkcs12(absent, null)).passwordUsed).toBe('absent');
    expect((await openPkcs12(absent, '')).passwordUsed).toBe('absent');
    const noMac = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: null, mac: { kind: 'none' }, certEncryption: { kind: 'pkcs12-pbe', cipher: '3des' }, keyEncryption: { kind: 'pkcs12-pbe', cipher: '3des' } });
    expect((await openPkcs12(noMac, undefined)).passwordUsed).toBe('absent');
    expect((await inspectPkcs12(empty, undefined)).warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['empty_password', 'legacy_protection']));
  });

  it('reports a file with nothing to verify as "not password protected", whatever password is typed', async () => {
    const pfx = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: null, certEncryption: { kind: 'none' }, keyEncryption: { kind: 'none' }, mac: { kind: 'none' } });
    const details = await inspectPkcs12(pfx, 'anything at all');
    expect(details.passwordUsed).toBe('not-needed');
    expect(details.protection.passwordProtected).toBe(false);
    expect(details.protection.summary).toMatch(/^Not password protected/);
    expect(details.warnings.map((w) => w.code)).toContain('not_password_protected');
  });

  it('reads BER files (indefinite lengths, chunked OCTET STRINGs) like Windows exports', async () => {
    const pfx = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: PASSWORD, ber: true, certEncryption: { kind: 'pkcs12-pbe', cipher: '3des' }, mac: { kind: 'hmac', hash: 'sha1' } });
    expect(pfx[1]).toBe(0x80);
    const details = await inspectPkcs12(pfx, PASSWORD);
    expect(details.certificate.thumbprintSha1).toBe(sha1(ec.der));
    expect(details.keyMatchesCertificate).toBe(true);
  });

  it('opens files written by OpenSSL before 1.1.0 with a non-ASCII password (each UTF-8 byte as one BMP character)', async () => {
    const pfx = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: 'pässwörd',
      forms: legacyLatin1Forms('pässwörd'),
      certEncryption: { kind: 'pkcs12-pbe', cipher: 'rc2-40' },
      keyEncryption: { kind: 'pkcs12-pbe', cipher: '3des' },
      mac: { kind: 'hmac', hash: 'sha1' },
    });
    expect((await openPkcs12(pfx, 'pässwörd')).privateKeys).toHaveLength(1);
  });

  it.each([
    ['RC4-128', { kind: 'pkcs12-pbe', cipher: 'rc4-128' }, 'RC4-128 (PKCS#12 PBE, SHA-1)'],
    ['RC4-40', { kind: 'pkcs12-pbe', cipher: 'rc4-40' }, 'RC4-40 (PKCS#12 PBE, SHA-1)'],
    ['RC2-128', { kind: 'pkcs12-pbe', cipher: 'rc2-128' }, 'RC2-128-CBC (PKCS#12 PBE, SHA-1)'],
    ['2-key 3DES', { kind: 'pkcs12-pbe', cipher: '2des' }, '2-key 3DES-CBC (PKCS#12 PBE, SHA-1)'],
    ['PBES2 RC2-CBC', { kind: 'pbes2', cipher: 'rc2-cbc' }, 'PBES2 RC2-128-CBC, PBKDF2-HMAC-SHA256'],
    ['PBES2 DES-CBC', { kind: 'pbes2', cipher: 'des-cbc', prf: 'sha1' }, 'PBES2 DES-CBC, PBKDF2-HMAC-SHA1'],
    ['PBES2 AES-128 with HMAC-SHA512', { kind: 'pbes2', cipher: 'aes-128-cbc', prf: 'sha512' }, 'PBES2 AES-128-CBC, PBKDF2-HMAC-SHA512'],
    ['scrypt', { kind: 'scrypt', cost: 1024, blockSize: 8, parallelization: 1 }, 'PBES2 AES-256-CBC, scrypt (N=1024, r=8, p=1)'],
  ] as const)('decrypts %s', async (_label, spec, described) => {
    const pfx = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: UNICODE, certEncryption: spec, keyEncryption: spec });
    const details = await inspectPkcs12(pfx, UNICODE);
    expect(details.keyMatchesCertificate).toBe(true);
    expect(details.protection.summary).toContain(described);
    await expect(openPkcs12(pfx, 'wrong')).rejects.toMatchObject({ code: 'pfx.wrong_password' });
  });

  it.each([
    ['SHA-224', { kind: 'hmac', hash: 'sha224' }, 'MAC SHA-224'],
    ['SHA-512/256', { kind: 'hmac', hash: 'sha512-256' }, 'MAC SHA-512/256'],
    ['MD5', { kind: 'hmac', hash: 'md5' }, 'MAC MD5'],
    ['PBMAC1', { kind: 'pbmac1' }, 'MAC PBMAC1 HMAC-SHA256 (PBKDF2-HMAC-SHA256)'],
  ] as const)('verifies a %s MAC', async (_label, mac, described) => {
    const pfx = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: UNICODE, mac });
    expect((await openPkcs12(pfx, UNICODE)).protection.summary).toContain(described);
    await expect(openPkcs12(pfx, 'wrong')).rejects.toMatchObject({ code: 'pfx.wrong_password', details: { failedCheck: 'mac' } });
  });

  it('finds a plain key bag inside the encrypted content and counts it as encrypted', async () => {
    const pfx = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: PASSWORD, keyEncryption: { kind: 'none' }, keyInCertContent: true });
    const details = await inspectPkcs12(pfx, PASSWORD);
    expect(details.keyMatchesCertificate).toBe(true);
    expect(details.protection.legacy).toBe(false);
  });

  it('shows a key that belongs to another certificate as a mismatch', async () => {
    const pfx = await buildPfx({ certificates: [ec.der], key: other.pkcs8, password: PASSWORD });
    const details = await inspectPkcs12(pfx, PASSWORD);
    expect(details.hasPrivateKey).toBe(true);
    expect(details.keyMatchesCertificate).toBe(false);
    expect(details.warnings.map((w) => w.code)).toContain('key_mismatch');
  });
});

describe('openPkcs12: errors', () => {
  it('pfx.wrong_password: says the MAC check failed', async () => {
    const pfx = await writePkcs12({ certificate: ec.der, privateKey: ec.key, password: PASSWORD });
    const error = await failureOf(openPkcs12(pfx, 'Test1234?'));
    expect(error).toMatchObject({ code: 'pfx.wrong_password', details: { failedCheck: 'mac' } });
    expect(error.message).toMatch(/integrity check \(MAC\)/);
    expect(error.message).not.toContain('Test1234');
  });

  it('pfx.wrong_password: says the decryption failed when there is no MAC', async () => {
    const pfx = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: PASSWORD, mac: { kind: 'none' } });
    const error = await failureOf(openPkcs12(pfx, 'nope'));
    expect(error).toMatchObject({ code: 'pfx.wrong_password', details: { failedCheck: 'decryption' } });
    expect(error.message).toMatch(/could not be decrypted/);
  });

  it('pfx.password_required: no password given for a protected file', async () => {
    const pfx = await writePkcs12({ certificate: ec.der, privateKey: ec.key, password: PASSWORD });
    expect(await failureOf(openPkcs12(pfx, undefined))).toMatchObject({ code: 'pfx.password_required' });
    expect(await failureOf(openPkcs12(pfx, ''))).toMatchObject({ code: 'pfx.password_required' });
  });

  it('pfx.corrupt: the password decrypts the file but its MAC no longer matches (changed after it was made)', async () => {
    const pfx = Buffer.from(await writePkcs12({ certificate: ec.der, privateKey: ec.key, password: PASSWORD }));
    const macAt = pfx.length - 4 - 18 - 34; // INTEGER 2048, salt (16), then the 32-byte MAC value
    pfx[macAt + 5] = pfx[macAt + 5]! ^ 0x01;
    expect(await failureOf(openPkcs12(pfx, PASSWORD))).toMatchObject({ code: 'pfx.corrupt' });
    expect(await failureOf(openPkcs12(pfx, 'wrong'))).toMatchObject({ code: 'pfx.wrong_password' });
  });

  it('pfx.corrupt: a structure that is damaged, not cut off', async () => {
    const pfx = Buffer.from(await writePkcs12({ certificate: ec.der, privateKey: ec.key, password: PASSWORD }));
    const versionAt = pfx.indexOf(Buffer.from([0x02, 0x01, 0x03]));
    const bad = Buffer.from(pfx);
    bad[versionAt + 2] = 4;
    // version 4 is no longer recognised as PKCS#12 at all
    expect((await failureOf(openPkcs12(bad, PASSWORD))).code).toMatch(/^pfx\.(corrupt|not_pkcs12)$/);
    const wrongType = await buildPfx({ certificates: [ec.der], password: PASSWORD, certEncryption: { kind: 'none' } });
    const damaged = Buffer.from(wrongType);
    const oidAt = damaged.indexOf(der.oid(OID.certBag));
    damaged[oidAt] = 0x04; // the bag type is no longer an OID
    expect(await failureOf(openPkcs12(damaged, PASSWORD))).toMatchObject({ code: 'pfx.corrupt' });
  });

  it('pfx.truncated: the file was cut off', async () => {
    const pfx = await writePkcs12({ certificate: ec.der, privateKey: ec.key, password: PASSWORD });
    const error = await failureOf(openPkcs12(pfx.subarray(0, Math.floor(pfx.length / 2)), PASSWORD));
    expect(error).toMatchObject({ code: 'pfx.truncated' });
    expect(error.message).toMatch(/incomplete/);
  });

  it('pfx.unsupported_algorithm: names the algorithm and its OID', async () => {
    const gcm = der.algorithm('2.16.840.1.101.3.4.1.46', der.sequence(der.octetString(Buffer.alloc(12))));
    const a = await failureOf(openPkcs12(await buildPfx({ certificates: [ec.der], password: PASSWORD, certEncryption: { kind: 'raw', algorithm: gcm } }), PASSWORD));
    expect(a).toMatchObject({ code: 'pfx.unsupported_algorithm', details: { oid: '2.16.840.1.101.3.4.1.46', algorithm: 'AES-256-GCM' } });
    expect(a.message).toContain('AES-256-GCM (OID 2.16.840.1.101.3.4.1.46)');
    const pbes1 = der.algorithm('1.2.840.113549.1.5.3', der.sequence(der.octetString(Buffer.alloc(8)), der.integer(2048)));
    const b = await failureOf(openPkcs12(await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: PASSWORD, keyEncryption: { kind: 'raw', algorithm: pbes1 } }), PASSWORD));
    expect(b).toMatchObject({ code: 'pfx.unsupported_algorithm', details: { algorithm: 'pbeWithMD5AndDES-CBC (PKCS#5 v1.5)' } });
    const sha3 = der.algorithm('2.16.840.1.101.3.4.2.8', der.nullValue());
    const c = await failureOf(openPkcs12(await buildPfx({ certificates: [ec.der], password: PASSWORD, mac: { kind: 'raw', algorithm: sha3 } }), PASSWORD));
    expect(c).toMatchObject({ code: 'pfx.unsupported_algorithm', details: { algorithm: 'SHA3-256' } });
  });

  it('pfx.too_many_iterations: refuses before spending minutes on it', async () => {
    const huge = der.algorithm(OID.pbeWithSHAAnd3KeyTripleDESCBC, der.sequence(der.octetString(Buffer.alloc(8)), der.integer(50_000_000)));
    const started = performance.now();
    const error = await failureOf(openPkcs12(await buildPfx({ certificates: [ec.der], password: PASSWORD, certEncryption: { kind: 'raw', algorithm: huge } }), PASSWORD));
    expect(error).toMatchObject({ code: 'pfx.too_many_iterations', details: { iterations: 50_000_000 } });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('pfx.no_certificate: a file that holds only a key', async () => {
    const pfx = await buildPfx({ certificates: [], key: ec.pkcs8, password: PASSWORD });
    const contents = await openPkcs12(pfx, PASSWORD);
    expect(contents.privateKeys).toHaveLength(1);
    expect(() => describePkcs12(contents)).toThrow(expect.objectContaining({ code: 'pfx.no_certificate' }));
    await expect(inspectPkcs12(pfx, PASSWORD)).rejects.toMatchObject({ code: 'pfx.no_certificate', message: expect.stringMatching(/only a private key/) });
  });

  it('pfx.too_large: refuses files over the limit before reading them', async () => {
    await expect(openPkcs12(Buffer.alloc(10 * 1024 * 1024 + 1, 0x30), PASSWORD)).rejects.toMatchObject({ code: 'pfx.too_large' });
    await expect(openPkcs12(Buffer.alloc(2000), PASSWORD, { maxBytes: 1000 })).rejects.toMatchObject({ code: 'pfx.too_large' });
  });
});

describe('openPkcs12: damaged files opened with the right password', () => {
  /** Flip a byte in the last ciphertext block of the encrypted certificates, so its padding no longer checks out. */
  const damageCertificates = (pfx: Buffer): Buffer => {
    const authSafe = readOctets(parseAsn1(pfx).children[1]!.children[1]!.children[0]);
    const start = pfx.indexOf(Buffer.from(authSafe));
    const ciphertext = parseAsn1(authSafe).children[0]!.children[1]!.children[0]!.children[1]!.children[2]!;
    const damaged = Buffer.from(pfx);
    damaged[start + ciphertext.contentEnd - 9] = damaged[start + ciphertext.contentEnd - 9]! ^ 0xff;
    return damaged;
  };

  it('says pfx.corrupt, not "wrong password", when one part decrypts and another does not', async () => {
    const withMac = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: PASSWORD, certEncryption: { kind: 'pkcs12-pbe', cipher: '3des' } });
    expect(await failureOf(openPkcs12(damageCertificates(withMac), PASSWORD))).toMatchObject({ code: 'pfx.corrupt' });
    expect(await failureOf(openPkcs12(damageCertificates(withMac), 'wrong'))).toMatchObject({ code: 'pfx.wrong_password' });
    const noMac = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: PASSWORD, mac: { kind: 'none' }, certEncryption: { kind: 'pkcs12-pbe', cipher: '3des' } });
    expect(await failureOf(openPkcs12(damageCertificates(noMac), PASSWORD))).toMatchObject({ code: 'pfx.corrupt' });
    expect(await failureOf(openPkcs12(damageCertificates(noMac), 'wrong'))).toMatchObject({ code: 'pfx.wrong_password', details: { failedCheck: 'decryption' } });
  });
});
