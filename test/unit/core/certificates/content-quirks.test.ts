// Issue 15: what happens after the MAC accepts a password — producer quirks in the contents, and saying what really failed.
import { beforeAll, describe, expect, it } from 'vitest';
import { OID } from '../../../../src/core/certificates/asn1/oids';
import * as der from '../../../../src/core/certificates/asn1/writer';
import { inspectPkcs12, openPkcs12, shutdownCertificateWorkers } from '../../../../src/core/certificates';
import { WorkMeter } from '../../../../src/core/certificates/pkcs12/budget';
import { derivationsStarted } from '../../../../src/core/certificates/pkcs12/kdf-runner';
import { passwordForms } from '../../../../src/core/certificates/pkcs12/kdf';
import { buildPfx, crlBag } from '../../../fixtures/pkcs12/build-pfx';
import { forgePfx } from '../../../fixtures/pkcs12/forge-pfx';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';

const PASSWORD = 'Quirk-Test-Password-7';
let ec: TestCertificate;
let rsa: TestCertificate;

beforeAll(async () => {
  ec = await testCertificate('ec-p256');
  rsa = await testCertificate('rsa-2048');
  return () => shutdownCertificateWorkers();
});

describe('the MAC accepts the password but a part does not decrypt (15.2)', () => {
  it('says the password passed the integrity check and names the part and its algorithm, not "the password is wrong"', async () => {
    // As some tools write when the private key gets a password of its own.
    const pfx = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: PASSWORD,
      keyForms: passwordForms('a second password'),
    });
    const error = await failureOf(openPkcs12(pfx, PASSWORD));
    expect(error).toMatchObject({
      code: 'pfx.part_not_decrypted',
      details: { part: 'private key', algorithm: 'PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations' },
    });
    expect(error.message).toMatch(
      /^The password passed the file's integrity check \(MAC\), but the private key \(PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations\) could not be decrypted with it, neither as the standard says nor in \d+ other ways known tools encrypt/,
    );
    expect(error.message).not.toMatch(/password is wrong/);
    // A wrong password is still just that.
    expect(await failureOf(openPkcs12(pfx, 'wrong'))).toMatchObject({
      code: 'pfx.wrong_password',
      details: { failedCheck: 'mac' },
    });
  });

  it('names the certificates part the same way, with its PKCS#12 PBE algorithm', async () => {
    const pfx = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: PASSWORD,
      certEncryption: { kind: 'pkcs12-pbe', cipher: '3des' },
      certForms: passwordForms('another'),
    });
    const error = await failureOf(openPkcs12(pfx, PASSWORD));
    expect(error).toMatchObject({
      code: 'pfx.part_not_decrypted',
      details: { part: 'certificates', algorithm: '3DES-CBC (PKCS#12 PBE, SHA-1), 2,048 iterations' },
    });
  });
});

describe('password forms for the contents after the MAC accepts (15.1)', () => {
  const LATIN1 = 'pässwörd';
  const bmpOf = (password: string) => passwordForms(password).bmp;

  it('node-forge (like Bouncy Castle) encrypts PBES2 from the ISO-8859-1 bytes: opens, and the protection text says so', async () => {
    const pfx = forgePfx(rsa.der, rsa.pkcs8, LATIN1);
    const details = await inspectPkcs12(pfx, LATIN1);
    expect(details.keyMatchesCertificate).toBe(true);
    const quirk =
      "private key: encrypted from the password's ISO-8859-1 bytes, not UTF-8 (as Bouncy Castle and node-forge write for non-ASCII passwords)";
    expect(details.protection.quirks).toEqual([quirk]);
    expect(details.protection.summary).toContain(`Opened with a workaround for the tool that made it: ${quirk}`);
    expect(details.warnings.find((w) => w.code === 'producer_quirk')?.message).toMatch(/OpenSSL among them, refuse it/);
    // An ASCII password is the same in every form: no quirk.
    expect((await openPkcs12(forgePfx(rsa.der, rsa.pkcs8, 'ascii only'), 'ascii only')).protection.quirks).toEqual([]);
  });

  it('Bouncy Castle style with the project writer: both parts from ISO-8859-1 bytes, a SHA-256 MAC from the BMPString', async () => {
    const latin1 = { utf8: Buffer.from(LATIN1, 'latin1'), bmp: bmpOf(LATIN1) };
    const pfx = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: LATIN1,
      keyForms: latin1,
      certForms: latin1,
    });
    const contents = await openPkcs12(pfx, LATIN1);
    expect(contents.privateKeys).toHaveLength(1);
    expect(contents.protection.quirks.map((q) => q.split(':')[0])).toEqual(
      expect.arrayContaining(['private key', 'certificates']),
    );
  });

  it('old NSS: PBES2 from the BMPString (UTF-16 with terminator), for a non-ASCII and an ASCII password', async () => {
    for (const password of [LATIN1, PASSWORD]) {
      const nss = { utf8: bmpOf(password), bmp: bmpOf(password) };
      const pfx = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password, keyForms: nss, certForms: nss });
      const contents = await openPkcs12(pfx, password);
      expect(contents.certificates).toHaveLength(1);
      expect(contents.protection.quirks).toEqual([
        "certificates: encrypted from the password's BMPString (UTF-16) form, not UTF-8 (as old NSS wrote)",
        "private key: encrypted from the password's BMPString (UTF-16) form, not UTF-8 (as old NSS wrote)",
      ]);
    }
  });

  it('old NSS: a file that states AES-128-CBC while its key is 32 bytes (AES-256), with and without a stated key length', async () => {
    for (const statedKeyLength of [undefined, 32]) {
      const spec = { kind: 'pbes2', cipher: 'aes-256-cbc', statedCipher: 'aes-128-cbc', statedKeyLength } as const;
      const pfx = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: PASSWORD, keyEncryption: spec });
      const contents = await openPkcs12(pfx, PASSWORD);
      expect(contents.privateKeys).toHaveLength(1);
      expect(contents.protection.quirks).toEqual([
        'private key: with a 32-byte key (AES-256-CBC) although the file states AES-128-CBC (as an old NSS wrote)',
      ]);
      expect(contents.protection.summary).toContain('private key PBES2 AES-128-CBC');
    }
  });

  it('PKCS#12 PBE derived from the BMPString without its 00 00 terminator', async () => {
    const bmp = bmpOf(PASSWORD);
    const pfx = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: PASSWORD,
      keyEncryption: { kind: 'pkcs12-pbe', cipher: '3des' },
      keyForms: { utf8: Buffer.from(PASSWORD), bmp: bmp.subarray(0, bmp.length - 2) },
    });
    expect((await openPkcs12(pfx, PASSWORD)).protection.quirks).toEqual([
      "private key: derived from the password's BMPString without its 00 00 terminator",
    ]);
  });

  it('only after the MAC accepts: without a MAC the other forms are not tried, and a wrong password never reaches them', async () => {
    const latin1 = { utf8: Buffer.from(LATIN1, 'latin1'), bmp: bmpOf(LATIN1) };
    const noMac = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: LATIN1,
      keyForms: latin1,
      certForms: latin1,
      mac: { kind: 'none' },
    });
    expect(await failureOf(openPkcs12(noMac, LATIN1))).toMatchObject({
      code: 'pfx.wrong_password',
      details: { failedCheck: 'decryption' },
    });
    const withMac = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: LATIN1, keyForms: latin1 });
    const before = derivationsStarted();
    expect(await failureOf(openPkcs12(withMac, 'wrong'))).toMatchObject({
      code: 'pfx.wrong_password',
      details: { failedCheck: 'mac' },
    });
    // The MAC and the two parts in the standard form: nothing more.
    expect(derivationsStarted() - before).toBe(3);
  });

  it('the other forms are tried within the work budget: when it runs out, the message says so', async () => {
    const pfx = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: PASSWORD,
      keyForms: passwordForms('a second password'),
    });
    // Enough for the MAC (2,048 × 2) and the two parts (2,048 each), not for the other forms.
    const error = await failureOf(openPkcs12(pfx, PASSWORD, { meter: new WorkMeter(2048 * 4 + 1000) }));
    expect(error).toMatchObject({
      code: 'pfx.part_not_decrypted',
      details: { part: 'private key', stoppedByBudget: true },
    });
    expect(error.message).toContain("not every form was tried: the file's work budget ran out");
  });
});

describe('the protection text lists every encrypted part (15.5)', () => {
  it('a part that holds only a CRL, with its own iteration count, is listed', async () => {
    const pfx = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: PASSWORD,
      extraParts: [
        {
          bags: [crlBag(Buffer.from('30030201 00'.replace(/ /g, ''), 'hex'))],
          encryption: { kind: 'pbes2', cipher: 'aes-256-cbc', iterations: 5171 },
        },
      ],
    });
    const { protection } = await openPkcs12(pfx, PASSWORD);
    expect(protection.summary).toBe(
      'Certificates PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations; private key PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations; a part with CRLs PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 5,171 iterations; MAC SHA-256, 2,048 iterations',
    );
    expect(protection.encryption.map((e) => [e.target, e.iterations])).toEqual([
      ['certificates', 2048],
      ['private-key', 2048],
      ['other', 5171],
    ]);
  });

  it('an encrypted part that holds nothing is listed too', async () => {
    const keyOnly = await buildPfx({
      certificates: [ec.der],
      password: PASSWORD,
      certEncryption: { kind: 'none' },
      extraParts: [{ bags: [], encryption: { kind: 'pkcs12-pbe', cipher: '3des', iterations: 1000 } }],
    });
    const { protection } = await openPkcs12(keyOnly, PASSWORD);
    expect(protection.summary).toContain('an empty part 3DES-CBC (PKCS#12 PBE, SHA-1), 1,000 iterations');
  });
});

describe('the protection summary when parts are protected differently', () => {
  const certBag = (certificate: Uint8Array) =>
    der.sequence(
      der.oid(OID.certBag),
      der.explicit(0, der.sequence(der.oid(OID.x509Certificate), der.explicit(0, der.octetString(certificate)))),
    );

  it('certificates in two differently encrypted parts, and two other parts alike but holding different things, are each listed', async () => {
    const pfx = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: PASSWORD,
      extraParts: [
        { bags: [certBag(rsa.der)], encryption: { kind: 'pkcs12-pbe', cipher: '3des', iterations: 1000 } },
        {
          bags: [crlBag(Buffer.from('3003020100', 'hex'))],
          encryption: { kind: 'pkcs12-pbe', cipher: '3des', iterations: 1000 },
        },
        { bags: [], encryption: { kind: 'pkcs12-pbe', cipher: '3des', iterations: 1000 } },
      ],
    });
    const { protection } = await openPkcs12(pfx, PASSWORD);
    const aes = 'PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations';
    const des = '3DES-CBC (PKCS#12 PBE, SHA-1), 1,000 iterations';
    expect(protection.summary).toBe(
      `Certificates ${aes} / ${des}; private key ${aes}; a part with CRLs ${des}; an empty part ${des}; MAC SHA-256, 2,048 iterations`,
    );
  });

  it('a certificate-only file whose certificates are not encrypted, under a MAC, says "Not encrypted"', async () => {
    const pfx = await buildPfx({ certificates: [ec.der], password: PASSWORD, certEncryption: { kind: 'none' } });
    expect((await openPkcs12(pfx, PASSWORD)).protection.summary).toBe('Not encrypted; MAC SHA-256, 2,048 iterations');
  });
});

describe('Camellia-CBC in PBES2 (15.3)', () => {
  it.each(['camellia-128-cbc', 'camellia-192-cbc', 'camellia-256-cbc'] as const)(
    'opens %s and names it; a wrong password is refused',
    async (cipher) => {
      const spec = { kind: 'pbes2', cipher } as const;
      const pfx = await buildPfx({
        certificates: [ec.der],
        key: ec.pkcs8,
        password: PASSWORD,
        certEncryption: spec,
        keyEncryption: spec,
      });
      const details = await inspectPkcs12(pfx, PASSWORD);
      expect(details.keyMatchesCertificate).toBe(true);
      const label = `Camellia-${cipher.split('-')[1]}-CBC`;
      expect(details.protection.summary).toBe(
        `PBES2 ${label}, PBKDF2-HMAC-SHA256, 2,048 iterations; MAC SHA-256, 2,048 iterations`,
      );
      expect(details.protection.legacy).toBe(false);
      expect(await failureOf(openPkcs12(pfx, 'wrong'))).toMatchObject({ code: 'pfx.wrong_password' });
    },
  );

  it('CAST5-CBC stays unsupported, with the message it had', async () => {
    const cast5 = der.algorithm(
      '1.2.840.113533.7.66.10',
      der.sequence(der.octetString(Buffer.alloc(8)), der.integer(128)),
    );
    const kdf = der.algorithm(OID.pbkdf2, der.sequence(der.octetString(Buffer.alloc(8)), der.integer(2048)));
    const pfx = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: PASSWORD,
      keyEncryption: { kind: 'raw', algorithm: der.algorithm(OID.pbes2, der.sequence(kdf, cast5)) },
    });
    const error = await failureOf(openPkcs12(pfx, PASSWORD));
    expect(error).toMatchObject({ code: 'pfx.unsupported_algorithm', details: { oid: '1.2.840.113533.7.66.10' } });
    expect(error.message).toBe(
      'The file uses an algorithm (OID 1.2.840.113533.7.66.10) for the encryption of the private key, which this app cannot read.',
    );
  });
});
