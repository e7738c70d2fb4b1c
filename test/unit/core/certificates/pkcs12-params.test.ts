// Issue 19.4 (mutation testing of algorithms.ts): the PBE, PBKDF2, scrypt and RC2 parameters a PFX states, which of them
// are refused, and the words an admin reads then. Self-built algorithm identifiers: no tool writes these damaged or
// out-of-range parameters (RFC 8018 and RFC 7292 give the shapes). A parse failure reaches the admin as
// "The PFX file is damaged (<detail>)", so the detail must name the part that is wrong.
import { beforeAll, describe, expect, it } from 'vitest';
import { openPkcs12, shutdownCertificateWorkers } from '../../../../src/core/certificates';
import { OID } from '../../../../src/core/certificates/asn1/oids';
import { parseAsn1 } from '../../../../src/core/certificates/asn1/reader';
import * as der from '../../../../src/core/certificates/asn1/writer';
import { type EncryptionScheme, parseEncryptionScheme } from '../../../../src/core/certificates/pkcs12/algorithms';
import { rc2Encrypt } from '../../../../src/core/certificates/pkcs12/legacy-ciphers';
import { buildPfx } from '../../../fixtures/pkcs12/build-pfx';
import { assemble } from '../../../fixtures/pkcs12/work-bombs';
import { openssl } from '../../../fixtures/pkcs12/openssl';
import { skipWithout } from '../../../support/reference-tools';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';
import { pbkdf2Sync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const noOpenssl = skipWithout('openssl', 'the check that OpenSSL opens a PFX with 0 iterations too');

const PASSWORD = 'Params-Test-Password-4';
const ROLE = 'the private key';
let ec: TestCertificate;

beforeAll(async () => {
  ec = await testCertificate('ec-p256');
  return () => shutdownCertificateWorkers();
});

function parsed(algorithm: Buffer): EncryptionScheme {
  return parseEncryptionScheme(parseAsn1(algorithm), ROLE);
}

/** The error parsing `algorithm` ends with (fails the test if it parses). */
function refusal(algorithm: Buffer): { name?: string; code?: string; message: string; hint?: string } {
  try {
    parsed(algorithm);
  } catch (error) {
    return error as { message: string };
  }
  throw new Error('expected a refusal, but it parsed');
}

/** DER INTEGER -1: the writer writes no negative integers. */
const MINUS_ONE = Buffer.from([0x02, 0x01, 0xff]);
const salt = der.octetString(Buffer.alloc(16, 7));
const pbe = (...params: Buffer[]) => der.algorithm(OID.pbeWithSHAAnd3KeyTripleDESCBC, der.sequence(...params));
const aes256 = der.algorithm(OID.aes256CBC, der.octetString(Buffer.alloc(16, 1)));
const pbes2 = (kdf: Buffer, cipher = aes256) => der.algorithm(OID.pbes2, der.sequence(kdf, cipher));
const pbkdf2 = (...params: Buffer[]) => pbes2(der.algorithm(OID.pbkdf2, der.sequence(...params)));
const scrypt = (...params: Buffer[]) => pbes2(der.algorithm(OID.scrypt, der.sequence(...params)));
const scryptOf = (cost: number, blockSize: number, parallelization: number) =>
  scrypt(salt, der.integer(cost), der.integer(blockSize), der.integer(parallelization), der.integer(32));
const rc2 = (params: Buffer) =>
  pbes2(der.algorithm(OID.pbkdf2, der.sequence(salt, der.integer(2048))), der.algorithm(OID.rc2CBC, params));

describe('iteration counts', () => {
  it('pfx.too_many_iterations says how many, for which part, and what to do', async () => {
    const pfx = await buildPfx({
      certificates: [ec.der],
      password: PASSWORD,
      certEncryption: { kind: 'raw', algorithm: pbe(der.octetString(Buffer.alloc(8)), der.integer(50_000_000)) },
    });
    const error = (await failureOf(openPkcs12(pfx, PASSWORD))) as { code: string; message: string; hint?: string };
    expect(error.code).toBe('pfx.too_many_iterations');
    expect(error.message).toBe(
      'The file asks for 50,000,000 iterations for the certificates; opening it would take minutes.',
    );
    expect(error.hint).toBe(
      'Files normally use 2,000 to 2,000,000 iterations. If this one really uses more, export it again with fewer (at most 10,000,000).',
    );
  });

  it('a negative iteration count is a damaged file, named as such', async () => {
    const pfx = await buildPfx({
      certificates: [ec.der],
      password: PASSWORD,
      certEncryption: { kind: 'raw', algorithm: pbe(der.octetString(Buffer.alloc(8)), MINUS_ONE) },
    });
    const error = await failureOf(openPkcs12(pfx, PASSWORD));
    expect(error).toMatchObject({ code: 'pfx.corrupt' });
    expect(error.message).toBe('The PFX file is damaged (Negative iteration count for the certificates).');
  });

  /** A PFX whose certificate and key parts state 0 iterations of the PKCS#12 KDF. */
  const zeroIterationsPfx = () =>
    buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: PASSWORD,
      certEncryption: { kind: 'pkcs12-pbe', cipher: '3des', iterations: 0 },
      keyEncryption: { kind: 'pkcs12-pbe', cipher: '3des', iterations: 0 },
    });

  it('0 iterations of the PKCS#12 KDF count as 1, as OpenSSL reads them: the file opens', async () => {
    const pfx = await zeroIterationsPfx();
    const contents = await openPkcs12(pfx, PASSWORD);
    expect(contents.certificates).toHaveLength(1);
    expect(contents.privateKeys).toHaveLength(1);
  });

  it.skipIf(noOpenssl !== null)('0 iterations: OpenSSL opens the same file', async () => {
    const pfx = await zeroIterationsPfx();
    const dir = mkdtempSync(join(tmpdir(), 'gcw-zero-iter-'));
    writeFileSync(join(dir, 'zero.pfx'), pfx);
    const result = await openssl(['pkcs12', '-in', 'zero.pfx', '-passin', `pass:${PASSWORD}`, '-nodes'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('BEGIN PRIVATE KEY');
  });
});

describe('which part a damaged PKCS#12 PBE identifier names', () => {
  it('reaches the admin as "The PFX file is damaged (…)"', async () => {
    const pfx = await buildPfx({
      certificates: [ec.der],
      password: PASSWORD,
      certEncryption: { kind: 'raw', algorithm: pbe() },
    });
    expect((await failureOf(openPkcs12(pfx, PASSWORD))).message).toBe('The PFX file is damaged (PBE salt is missing).');
  });

  it.each([
    ['not a SEQUENCE', der.octetString(Buffer.alloc(4)), 'Encryption algorithm: expected a SEQUENCE'],
    ['no OID', der.sequence(), 'Encryption algorithm OID is missing'],
    ['no parameters', der.algorithm(OID.pbeWithSHAAnd3KeyTripleDESCBC), 'PBE parameters: expected a SEQUENCE'],
    ['no salt', pbe(), 'PBE salt is missing'],
    ['a salt that is not an OCTET STRING', pbe(der.integer(1)), 'PBE salt: expected an OCTET STRING'],
    ['no iteration count', pbe(salt), 'PBE iterations is missing'],
    ['an iteration count that is not an INTEGER', pbe(salt, salt), 'PBE iterations: expected an INTEGER'],
  ])('%s', (_, algorithm, detail) => {
    expect(refusal(algorithm)).toMatchObject({ name: 'Asn1Error', message: detail });
  });
});

describe('PBKDF2 parameters', () => {
  it('an unsupported salt source, PRF or key derivation is named with the part it belongs to', () => {
    const saltSource = pbkdf2(der.algorithm('1.2.840.113549.1.5.12.1'), der.integer(2048));
    expect(refusal(saltSource)).toMatchObject({ code: 'pfx.unsupported_algorithm' });
    expect(refusal(saltSource).message).toContain(
      'for the PBKDF2 salt of the private key, which this app cannot read.',
    );
    const sha3Prf = pbkdf2(salt, der.integer(2048), der.algorithm('2.16.840.1.101.3.4.2.14'));
    expect(refusal(sha3Prf).message).toBe(
      'The file uses an algorithm (OID 2.16.840.1.101.3.4.2.14) for the PBKDF2 PRF of the private key, which this app cannot read.',
    );
    // Shaped like scrypt parameters, so only the OID tells it is not scrypt (PBMAC1's OID is not a key derivation).
    const notAKdf = pbes2(
      der.algorithm(OID.pbmac1, der.sequence(salt, der.integer(2), der.integer(1), der.integer(1))),
    );
    expect(refusal(notAKdf)).toMatchObject({ code: 'pfx.unsupported_algorithm' });
    expect(refusal(notAKdf).message).toBe(
      'The file uses PBMAC1 (OID 1.2.840.113549.1.5.14) for the key derivation of the private key, which this app cannot read.',
    );
  });

  it.each([
    [
      'a key length too large to read',
      pbkdf2(salt, der.integer(2048), der.integer(2n ** 60n)),
      'PBKDF2 key length: value too large',
    ],
    ['a PRF that is not a SEQUENCE', pbkdf2(salt, der.integer(2048), salt), 'PBKDF2 PRF: expected a SEQUENCE'],
    ['a PRF without its OID', pbkdf2(salt, der.integer(2048), der.sequence()), 'PBKDF2 PRF OID is missing'],
    ['a key length of 0', pbkdf2(salt, der.integer(2048), der.integer(0)), 'PBKDF2 key length out of range'],
    ['a key length of 65', pbkdf2(salt, der.integer(2048), der.integer(65)), 'PBKDF2 key length out of range'],
  ])('%s is refused: %s', (_, algorithm, detail) => {
    expect(refusal(algorithm)).toMatchObject({ name: 'Asn1Error', message: detail });
  });

  it('key lengths 1 and 64 are read (64: PBMAC1 with HMAC-SHA512, RFC 9579)', () => {
    for (const keyLength of [1, 64]) {
      const scheme = parsed(pbkdf2(salt, der.integer(2048), der.integer(keyLength)));
      expect(scheme).toMatchObject({ kind: 'pbes2', kdf: { kind: 'pbkdf2', keyLength } });
    }
  });
});

describe('scrypt parameters (RFC 7914: N a power of two above 1, r and p at least 1)', () => {
  it.each([
    ['no salt', scrypt(), 'scrypt salt is missing'],
    ['a salt that is not an OCTET STRING', scrypt(der.integer(1)), 'scrypt salt: expected an OCTET STRING'],
    ['no cost', scrypt(salt), 'scrypt cost is missing'],
    ['a cost that is not an INTEGER', scrypt(salt, salt), 'scrypt cost: expected an INTEGER'],
    ['no block size', scrypt(salt, der.integer(2)), 'scrypt block size is missing'],
    [
      'a block size that is not an INTEGER',
      scrypt(salt, der.integer(2), salt),
      'scrypt block size: expected an INTEGER',
    ],
    ['no parallelization', scrypt(salt, der.integer(2), der.integer(1)), 'scrypt parallelization is missing'],
    [
      'a parallelization that is not an INTEGER',
      scrypt(salt, der.integer(2), der.integer(1), salt),
      'scrypt parallelization: expected an INTEGER',
    ],
    [
      'a key length that is not an INTEGER',
      scrypt(salt, der.integer(2), der.integer(1), der.integer(1), salt),
      'scrypt key length: expected an INTEGER',
    ],
    ['cost 1', scryptOf(1, 1, 1), 'Bad scrypt parameters'],
    ['cost 3 (not a power of two)', scryptOf(3, 1, 1), 'Bad scrypt parameters'],
    ['cost 1,000', scryptOf(1000, 8, 1), 'Bad scrypt parameters'],
    ['block size 0', scryptOf(2, 0, 1), 'Bad scrypt parameters'],
    ['parallelization 0', scryptOf(2, 1, 0), 'Bad scrypt parameters'],
  ])('%s is refused: %s', (_, algorithm, detail) => {
    expect(refusal(algorithm)).toMatchObject({ name: 'Asn1Error', message: detail });
  });

  it('the smallest valid parameters (N=2, r=1, p=1) open', async () => {
    expect(parsed(scryptOf(2, 1, 1))).toMatchObject({
      kdf: { kind: 'scrypt', cost: 2, blockSize: 1, parallelization: 1 },
    });
    const pfx = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: PASSWORD,
      keyEncryption: { kind: 'scrypt', cost: 2, blockSize: 1, parallelization: 1 },
    });
    expect((await openPkcs12(pfx, PASSWORD)).privateKeys).toHaveLength(1);
  });

  it('a cost that is not a power of two is refused as damaged before any work', async () => {
    const pfx = await buildPfx({
      certificates: [ec.der],
      password: PASSWORD,
      certEncryption: { kind: 'raw', algorithm: scryptOf(3, 1, 1) },
    });
    const error = await failureOf(openPkcs12(pfx, PASSWORD));
    expect(error).toMatchObject({ code: 'pfx.corrupt', message: 'The PFX file is damaged (Bad scrypt parameters).' });
  });
});

describe('RC2-CBC parameters (RFC 8018 B.2.3)', () => {
  const iv = der.octetString(Buffer.alloc(8, 3));

  it.each([
    [160, 40, 5],
    [120, 64, 8],
    [58, 128, 16],
    [256, 256, 32],
    [100, 32, 5],
  ])('version %i means %i effective key bits (key %i bytes when PBKDF2 states none)', (version, bits, keyLength) => {
    expect(parsed(rc2(der.sequence(der.integer(version), iv)))).toMatchObject({
      cipher: { name: 'rc2-cbc', rc2Bits: bits, keyLength, label: `RC2-${bits}-CBC` },
    });
  });

  it('no version means 32 bits', () => {
    expect(parsed(rc2(der.sequence(iv)))).toMatchObject({ cipher: { rc2Bits: 32, keyLength: 5, label: 'RC2-32-CBC' } });
  });

  it.each([
    ['parameters that are not a SEQUENCE', rc2(iv), 'RC2 parameters: expected a SEQUENCE'],
    ['no IV', rc2(der.sequence(der.integer(58))), 'RC2 IV is missing'],
    [
      'an IV that is not an OCTET STRING',
      rc2(der.sequence(der.integer(58), der.integer(1))),
      'RC2 IV: expected an OCTET STRING',
    ],
  ])('%s is refused: %s', (_, algorithm, detail) => {
    expect(refusal(algorithm)).toMatchObject({ name: 'Asn1Error', message: detail });
  });
});

/**
 * A PFX whose certificates are encrypted with PBES2 RC2-CBC, `bits` effective key bits stated as rc2ParameterVersion
 * (RFC 8018 B.2.3: 256 and more stand for themselves; `version` states another) and a `keyLength`-byte key that PBKDF2
 * does not state.
 * Self-built: OpenSSL writes only versions 160, 120 and 58 and always states the key length.
 */
async function rc2Pfx(bits: number, keyLength: number, certificate: Uint8Array, version = bits): Promise<Buffer> {
  const password = PASSWORD;
  const pbkdfSalt = Buffer.alloc(8, 9);
  const iv = Buffer.alloc(8, 5);
  const key = pbkdf2Sync(password, pbkdfSalt, 2048, keyLength, 'sha1');
  const certBag = der.sequence(
    der.oid(OID.certBag),
    der.explicit(0, der.sequence(der.oid(OID.x509Certificate), der.explicit(0, der.octetString(certificate)))),
  );
  const ciphertext = await rc2Encrypt(key, iv, der.sequence(certBag), bits);
  const algorithm = pbes2(
    der.algorithm(OID.pbkdf2, der.sequence(der.octetString(pbkdfSalt), der.integer(2048))),
    der.algorithm(OID.rc2CBC, der.sequence(der.integer(version), der.octetString(iv))),
  );
  const content = der.sequence(
    der.oid(OID.encryptedData),
    der.explicit(
      0,
      der.sequence(der.integer(0), der.sequence(der.oid(OID.data), algorithm, der.implicitPrimitive(0, ciphertext))),
    ),
  );
  return assemble([content], { hash: 'sha256', iterations: 2048, password });
}

describe('RC2-CBC with 256 or more effective key bits (bug found by the mutation run, issue 19.4)', () => {
  it('300 bits: the key is ceil(300 / 8) = 38 bytes (RFC 2268 T8) and the file opens (was: "could not be read", a fractional key length)', async () => {
    expect(parsed(rc2(der.sequence(der.integer(300), der.octetString(Buffer.alloc(8)))))).toMatchObject({
      cipher: { rc2Bits: 300, keyLength: 38, label: 'RC2-300-CBC' },
    });
    const contents = await openPkcs12(await rc2Pfx(300, 38, ec.der), PASSWORD);
    expect(contents.certificates).toHaveLength(1);
    expect(contents.protection.encryption[0]).toMatchObject({ cipher: 'RC2-300-CBC' });
  });

  it('1,024 bits (the most RC2 has) open; more is a damaged file, not a wrong password', async () => {
    expect((await openPkcs12(await rc2Pfx(1024, 128, ec.der), PASSWORD)).certificates).toHaveLength(1);
    const error = await failureOf(openPkcs12(await rc2Pfx(1024, 128, ec.der, 2000), PASSWORD));
    expect(error).toMatchObject({
      code: 'pfx.corrupt',
      message: 'The PFX file is damaged (RC2 effective key bits out of range: 2000).',
    });
  });
});

describe('cipher IV', () => {
  it('an AES IV of 8 bytes is refused as damaged, saying so', async () => {
    const shortIv = pbes2(
      der.algorithm(OID.pbkdf2, der.sequence(salt, der.integer(2048))),
      der.algorithm(OID.aes256CBC, der.octetString(Buffer.alloc(8))),
    );
    const pfx = await buildPfx({
      certificates: [ec.der],
      password: PASSWORD,
      certEncryption: { kind: 'raw', algorithm: shortIv },
    });
    expect((await failureOf(openPkcs12(pfx, PASSWORD))).message).toBe(
      'The PFX file is damaged (Cipher IV has the wrong length).',
    );
  });
});
