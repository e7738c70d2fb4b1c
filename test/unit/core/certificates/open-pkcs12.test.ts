import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OID } from '../../../../src/core/certificates/asn1/oids';
import { parseAsn1, readOctets } from '../../../../src/core/certificates/asn1/reader';
import * as der from '../../../../src/core/certificates/asn1/writer';
import {
  describePkcs12,
  inspectPkcs12,
  openPkcs12,
  shutdownCertificateWorkers,
  writePkcs12,
} from '../../../../src/core/certificates';
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
/** A file made by OpenSSL or pyca (test/fixtures/pkcs12/outside); buildPfx() is kept for shapes no tool here writes. */
const outside = (file: string): Buffer =>
  readFileSync(join(import.meta.dirname, '../../../fixtures/pkcs12/outside', file));
const OUTSIDE_PASSWORD = 'Outside-Test-1!';

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
      expect(details.protection.summary).toBe(
        'PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations; MAC SHA-256, 2,048 iterations',
      );
      expect(details.protection.legacy).toBe(false);
    }
  });

  it('opens the compat export and flags its 3DES / SHA-1 protection as legacy', async () => {
    const pfx = await writePkcs12({ certificate: ec.der, privateKey: ec.key, password: UNICODE, profile: 'compat' });
    const details = await inspectPkcs12(pfx, UNICODE);
    expect(details.protection.summary).toBe(
      '3DES-CBC (PKCS#12 PBE, SHA-1), 2,048 iterations; MAC SHA-1, 2,048 iterations',
    );
    expect(details.protection.legacy).toBe(true);
    expect(details.warnings.map((w) => w.code)).toContain('legacy_protection');
  });

  it('tries an empty and an absent (NULL) password when none is given, as OpenSSL does', async () => {
    const empty = outside('ec-empty-password.pfx');
    const absent = outside('pyca/no-password.p12');
    expect((await openPkcs12(empty, undefined)).passwordUsed).toBe('empty');
    expect((await openPkcs12(empty, '')).passwordUsed).toBe('empty');
    expect((await openPkcs12(absent, null)).passwordUsed).toBe('absent');
    expect((await openPkcs12(absent, '')).passwordUsed).toBe('absent');
    // Self-built: no tool here writes a file without a MAC under the absent password (OpenSSL -nomac uses '').
    const noMac = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: null,
      mac: { kind: 'none' },
      certEncryption: { kind: 'pkcs12-pbe', cipher: '3des' },
      keyEncryption: { kind: 'pkcs12-pbe', cipher: '3des' },
    });
    expect((await openPkcs12(noMac, undefined)).passwordUsed).toBe('absent');
    // OpenSSL 3's default protection (AES-256, SHA-256 MAC): the empty password is the warning, not the protection.
    const codes = (await inspectPkcs12(empty, undefined)).warnings.map((w) => w.code);
    expect(codes).toContain('empty_password');
    expect(codes).not.toContain('legacy_protection');
  });

  it('reports a file with nothing to verify as "not password protected", whatever password is typed', async () => {
    const pfx = outside('ec-not-encrypted.pfx');
    const details = await inspectPkcs12(pfx, 'anything at all');
    expect(details.passwordUsed).toBe('not-needed');
    expect(details.protection.passwordProtected).toBe(false);
    expect(details.protection.summary).toMatch(/^Not password protected/);
    expect(details.warnings.map((w) => w.code)).toContain('not_password_protected');
  });

  // Self-built: Windows writes BER, no tool here does.
  it('reads BER files (indefinite lengths, chunked OCTET STRINGs) like Windows exports', async () => {
    const pfx = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: PASSWORD,
      ber: true,
      certEncryption: { kind: 'pkcs12-pbe', cipher: '3des' },
      mac: { kind: 'hmac', hash: 'sha1' },
    });
    expect(pfx[1]).toBe(0x80);
    const details = await inspectPkcs12(pfx, PASSWORD);
    expect(details.certificate.thumbprintSha1).toBe(sha1(ec.der));
    expect(details.keyMatchesCertificate).toBe(true);
  });

  // Self-built: only OpenSSL before 1.1.0 wrote this password form; the OpenSSL here is 3.x.
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

  // RC4, RC2, 2- and 3-key 3DES and PBES2 with DES, RC2, 3DES and AES are checked on OpenSSL's files
  // (outside-fixtures.test.ts). Self-built here: a PBKDF2 PRF other than SHA-256 and scrypt, which `openssl pkcs12` cannot choose.
  it.each([
    [
      'PBES2 AES-128 with HMAC-SHA512',
      { kind: 'pbes2', cipher: 'aes-128-cbc', prf: 'sha512' },
      'PBES2 AES-128-CBC, PBKDF2-HMAC-SHA512',
    ],
    [
      'scrypt',
      { kind: 'scrypt', cost: 1024, blockSize: 8, parallelization: 1 },
      'PBES2 AES-256-CBC, scrypt (N=1024, r=8, p=1)',
    ],
  ] as const)('decrypts %s', async (_label, spec, described) => {
    const pfx = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: UNICODE,
      certEncryption: spec,
      keyEncryption: spec,
    });
    const details = await inspectPkcs12(pfx, UNICODE);
    expect(details.keyMatchesCertificate).toBe(true);
    expect(details.protection.summary).toBe(
      `${described}${spec.kind === 'scrypt' ? '' : ', 2,048 iterations'}; MAC SHA-256, 2,048 iterations`,
    );
    await expect(openPkcs12(pfx, 'wrong')).rejects.toMatchObject({ code: 'pfx.wrong_password' });
  });

  // MD5, SHA-224 and SHA-512/256 MACs are checked on OpenSSL's files. Self-built: PBMAC1, which OpenSSL writes from 3.4 only.
  it.each([['PBMAC1', { kind: 'pbmac1' }, 'MAC PBMAC1 HMAC-SHA256 (PBKDF2-HMAC-SHA256)']] as const)(
    'verifies a %s MAC',
    async (_label, mac, described) => {
      const pfx = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: UNICODE, mac });
      expect((await openPkcs12(pfx, UNICODE)).protection.summary).toContain(described);
      await expect(openPkcs12(pfx, 'wrong')).rejects.toMatchObject({
        code: 'pfx.wrong_password',
        details: { failedCheck: 'mac' },
      });
    },
  );

  // Self-built: no tool here puts the key bag inside the encrypted certificates' content.
  it('finds a plain key bag inside the encrypted content and counts it as encrypted', async () => {
    const pfx = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: PASSWORD,
      keyEncryption: { kind: 'none' },
      keyInCertContent: true,
    });
    const details = await inspectPkcs12(pfx, PASSWORD);
    expect(details.keyMatchesCertificate).toBe(true);
    expect(details.protection.legacy).toBe(false);
  });

  // Self-built: openssl pkcs12 -export refuses a key that does not match the certificate.
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
    const pfx = outside('ec-nomac.pfx');
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
    const damaged = Buffer.from(outside('ec-nomac.pfx')); // OpenSSL's -nomac leaves the certificates unencrypted
    const oidAt = damaged.indexOf(der.oid(OID.certBag));
    damaged[oidAt] = 0x04; // the bag type is no longer an OID
    expect(await failureOf(openPkcs12(damaged, OUTSIDE_PASSWORD))).toMatchObject({ code: 'pfx.corrupt' });
  });

  it('pfx.truncated: the file was cut off', async () => {
    const pfx = await writePkcs12({ certificate: ec.der, privateKey: ec.key, password: PASSWORD });
    const error = await failureOf(openPkcs12(pfx.subarray(0, Math.floor(pfx.length / 2)), PASSWORD));
    expect(error).toMatchObject({ code: 'pfx.truncated' });
    expect(error.message).toMatch(/incomplete/);
  });

  // Self-built: algorithms the reader must refuse, written in by OID.
  it('pfx.unsupported_algorithm: names the algorithm and its OID', async () => {
    const gcm = der.algorithm('2.16.840.1.101.3.4.1.46', der.sequence(der.octetString(Buffer.alloc(12))));
    const a = await failureOf(
      openPkcs12(
        await buildPfx({ certificates: [ec.der], password: PASSWORD, certEncryption: { kind: 'raw', algorithm: gcm } }),
        PASSWORD,
      ),
    );
    expect(a).toMatchObject({
      code: 'pfx.unsupported_algorithm',
      details: { oid: '2.16.840.1.101.3.4.1.46', algorithm: 'AES-256-GCM' },
    });
    expect(a.message).toContain('AES-256-GCM (OID 2.16.840.1.101.3.4.1.46)');
    const pbes1 = der.algorithm(
      '1.2.840.113549.1.5.3',
      der.sequence(der.octetString(Buffer.alloc(8)), der.integer(2048)),
    );
    const b = await failureOf(
      openPkcs12(
        await buildPfx({
          certificates: [ec.der],
          key: ec.pkcs8,
          password: PASSWORD,
          keyEncryption: { kind: 'raw', algorithm: pbes1 },
        }),
        PASSWORD,
      ),
    );
    expect(b).toMatchObject({
      code: 'pfx.unsupported_algorithm',
      details: { algorithm: 'pbeWithMD5AndDES-CBC (PKCS#5 v1.5)' },
    });
    const sha3 = der.algorithm('2.16.840.1.101.3.4.2.8', der.nullValue());
    const c = await failureOf(
      openPkcs12(
        await buildPfx({ certificates: [ec.der], password: PASSWORD, mac: { kind: 'raw', algorithm: sha3 } }),
        PASSWORD,
      ),
    );
    expect(c).toMatchObject({ code: 'pfx.unsupported_algorithm', details: { algorithm: 'SHA3-256' } });
  });

  // Self-built: an iteration count no tool would write.
  it('pfx.too_many_iterations: refuses before spending minutes on it', async () => {
    const huge = der.algorithm(
      OID.pbeWithSHAAnd3KeyTripleDESCBC,
      der.sequence(der.octetString(Buffer.alloc(8)), der.integer(50_000_000)),
    );
    const started = performance.now();
    const error = await failureOf(
      openPkcs12(
        await buildPfx({
          certificates: [ec.der],
          password: PASSWORD,
          certEncryption: { kind: 'raw', algorithm: huge },
        }),
        PASSWORD,
      ),
    );
    expect(error).toMatchObject({ code: 'pfx.too_many_iterations', details: { iterations: 50_000_000 } });
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('pfx.no_certificate: a file that holds only a key', async () => {
    const pfx = outside('pyca/no-cert-key-aes256cbc.p12');
    const contents = await openPkcs12(pfx, 'cryptography');
    expect(contents.privateKeys).toHaveLength(1);
    expect(() => describePkcs12(contents)).toThrow(expect.objectContaining({ code: 'pfx.no_certificate' }));
    await expect(inspectPkcs12(pfx, 'cryptography')).rejects.toMatchObject({
      code: 'pfx.no_certificate',
      message: expect.stringMatching(/only a private key/),
    });
  });

  it('pfx.too_large: refuses files over the limit before reading them', async () => {
    await expect(openPkcs12(Buffer.alloc(10 * 1024 * 1024 + 1, 0x30), PASSWORD)).rejects.toMatchObject({
      code: 'pfx.too_large',
    });
    await expect(openPkcs12(Buffer.alloc(2000), PASSWORD, { maxBytes: 1000 })).rejects.toMatchObject({
      code: 'pfx.too_large',
    });
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
    const withMac = outside('ec-3des-sha1.pfx');
    expect(await failureOf(openPkcs12(damageCertificates(withMac), OUTSIDE_PASSWORD))).toMatchObject({
      code: 'pfx.corrupt',
    });
    expect(await failureOf(openPkcs12(damageCertificates(withMac), 'wrong'))).toMatchObject({
      code: 'pfx.wrong_password',
    });
    const noMac = outside('ec-nomac-3des.pfx');
    expect(await failureOf(openPkcs12(damageCertificates(noMac), OUTSIDE_PASSWORD))).toMatchObject({
      code: 'pfx.corrupt',
    });
    expect(await failureOf(openPkcs12(damageCertificates(noMac), 'wrong'))).toMatchObject({
      code: 'pfx.wrong_password',
      details: { failedCheck: 'decryption' },
    });
  });
});
