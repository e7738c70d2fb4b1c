// Issue 19 (mutation testing of open.ts): the words an admin reads when a file's structure is sound but what it
// carries is not — a certificate bag whose DER is no certificate, a key bag whose PKCS#8 does not parse, names an
// algorithm this app does not list, or holds contents Node.js cannot import — and which password form decrypts the
// parts (no MAC under a tight budget; a MAC and no password; a MAC in OpenSSL 1.0's Latin-1 form). No tool here writes
// such files, so they are self-built (build-pfx.ts, crafted DER).
import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { OID } from '../../../../src/core/certificates/asn1/oids';
import * as der from '../../../../src/core/certificates/asn1/writer';
import { openPkcs12, shutdownCertificateWorkers } from '../../../../src/core/certificates';
import { WorkMeter } from '../../../../src/core/certificates/pkcs12/budget';
import { schemeJobs } from '../../../../src/core/certificates/pkcs12/decrypt';
import { KdfRunner } from '../../../../src/core/certificates/pkcs12/kdf-runner';
import { legacyLatin1Forms, passwordForms } from '../../../../src/core/certificates/pkcs12/kdf';
import { parsePfx } from '../../../../src/core/certificates/pkcs12/structure';
import { buildPfx } from '../../../fixtures/pkcs12/build-pfx';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';

let cert: TestCertificate;

beforeAll(async () => {
  cert = await testCertificate('ec-p256', 'Open Contents');
  return () => shutdownCertificateWorkers();
});

/** Well-formed DER that is not a certificate. */
const NOT_A_CERTIFICATE = der.sequence(der.integer(1), der.utf8String('not a certificate'));

/** A file with nothing encrypted and no MAC. */
function plainFile(certificates: Uint8Array[], key?: Uint8Array): Promise<Buffer> {
  return buildPfx({
    certificates,
    key,
    password: null,
    certEncryption: { kind: 'none' },
    keyEncryption: { kind: 'none' },
    mac: { kind: 'none' },
  });
}

interface Failure {
  code: string;
  message: string;
  details?: Record<string, unknown>;
  cause?: { message?: string };
}

async function openFailure(pfx: Buffer): Promise<Failure> {
  return failureOf(openPkcs12(pfx, ''));
}

describe('a certificate bag whose DER is not a certificate', () => {
  it('the first one: "Certificate 1 … is damaged"', async () => {
    const failure = await openFailure(await plainFile([NOT_A_CERTIFICATE, cert.der], cert.pkcs8));
    expect(failure).toMatchObject({
      code: 'pfx.corrupt',
      message: 'Certificate 1 in the file is damaged and cannot be read.',
    });
  });

  it('the second one: "Certificate 2 …", counting from one', async () => {
    const failure = await openFailure(await plainFile([cert.der, NOT_A_CERTIFICATE], cert.pkcs8));
    expect(failure).toMatchObject({
      code: 'pfx.corrupt',
      message: 'Certificate 2 in the file is damaged and cannot be read.',
    });
  });
});

/** A PKCS#8 PrivateKeyInfo around `algorithm` and `privateKey`. */
function pkcs8(algorithm: Buffer, privateKey: Buffer): Buffer {
  return der.sequence(der.integer(0), algorithm, der.octetString(privateKey));
}

describe('a key bag whose PKCS#8 is not a usable key', () => {
  const damaged = 'The private key in the file is damaged and cannot be read.';

  it.each([
    ['not a SEQUENCE', der.octetString(Buffer.from('not a key')), 'PrivateKeyInfo'],
    ['no algorithm', der.sequence(der.integer(0)), 'key algorithm'],
    ['an algorithm that is no SEQUENCE', der.sequence(der.integer(0), der.integer(1)), 'key algorithm'],
    ['an empty algorithm', der.sequence(der.integer(0), der.sequence()), 'key algorithm OID'],
  ])('%s: "damaged and cannot be read", the part named in the detail', async (_shape, key, part) => {
    const failure = await openFailure(await plainFile([cert.der], key));
    expect(failure).toMatchObject({ code: 'pfx.corrupt', message: damaged });
    expect(failure.cause?.message).toContain(part);
  });

  it('an algorithm outside the list (X25519, which Node.js could import): unsupported, for "the private key"', async () => {
    const x25519 = generateKeyPairSync('x25519').privateKey.export({ type: 'pkcs8', format: 'der' });
    const failure = await openFailure(await plainFile([cert.der], x25519));
    expect(failure).toMatchObject({
      code: 'pfx.unsupported_algorithm',
      message: 'The file uses an algorithm (OID 1.3.101.110) for the private key, which this app cannot read.',
      details: { oid: '1.3.101.110', role: 'the private key' },
    });
  });

  it('a listed algorithm (RSA) around contents that are no RSA key: "damaged or uses parameters"', async () => {
    const key = pkcs8(der.algorithm(OID.rsaEncryption, der.nullValue()), der.sequence(der.integer(0)));
    const failure = await openFailure(await plainFile([cert.der], key));
    expect(failure).toMatchObject({
      code: 'pfx.corrupt',
      message: 'The private key in the file is damaged or uses parameters this app cannot read.',
    });
  });
});

describe('no MAC and the work budget', () => {
  it('no password, encrypted certificates neither form opens, budget for one form only: "password required", not "too much work"', async () => {
    // The certificates are encrypted (PKCS#12 PBE, whose empty and absent password forms differ) under another
    // password, and there is no MAC. The empty form takes the whole budget; pricing the absent form must count the
    // encrypted part, so the absent form is skipped rather than started and refused as too much work.
    const pfx = await buildPfx({
      certificates: [cert.der],
      key: cert.pkcs8,
      password: 'the real password',
      certEncryption: { kind: 'pkcs12-pbe', cipher: '3des' },
      keyEncryption: { kind: 'none' },
      mac: { kind: 'none' },
    });
    const schemes = parsePfx(pfx).items.flatMap((i) => (i.kind === 'encrypted' ? [i.scheme] : []));
    expect(schemes).toHaveLength(1);
    const oneForm = new KdfRunner().unitsOf(schemeJobs(schemes[0]!, passwordForms('')));
    expect(await failureOf(openPkcs12(pfx, '', { meter: new WorkMeter(oneForm) }))).toMatchObject({
      code: 'pfx.password_required',
    });
  });
});

describe('with a MAC, the decryption used is the one for the password the MAC proved', () => {
  it.each([
    ['empty', ''],
    ['absent', null],
  ] as const)('no password given, the MAC passes with the %s form: the file opens', async (used, password) => {
    // Without a given password nothing is decrypted ahead of the MAC, so the parts are decrypted after it.
    const pfx = await buildPfx({ certificates: [cert.der], key: cert.pkcs8, password });
    const contents = await openPkcs12(pfx, '');
    expect(contents.passwordUsed).toBe(used);
    expect(contents.privateKeys).toHaveLength(1);
  });

  it('a file written by OpenSSL 1.0 (Latin-1 password form) opens with its own form, no quirk named', async () => {
    const password = 'pässwörd';
    const pfx = await buildPfx({
      certificates: [cert.der],
      key: cert.pkcs8,
      password,
      forms: legacyLatin1Forms(password),
      certEncryption: { kind: 'pkcs12-pbe', cipher: '3des' },
      keyEncryption: { kind: 'pkcs12-pbe', cipher: '3des' },
    });
    const contents = await openPkcs12(pfx, password);
    expect(contents.privateKeys).toHaveLength(1);
    expect(contents.passwordUsed).toBe('given');
    expect(contents.protection.quirks).toEqual([]);
  });

  it('MAC in the OpenSSL 1.0 form, certificates in the UTF-8 form: opens, and says the parts needed another form', async () => {
    // The MAC proves the Latin-1 form; the certificates decrypt only with the other form, found by the retry with
    // further forms, which the protection names. Decrypting ahead with the first form must not hide that.
    const password = 'pässwörd';
    const pfx = await buildPfx({
      certificates: [cert.der],
      key: cert.pkcs8,
      password,
      forms: legacyLatin1Forms(password),
      certForms: passwordForms(password),
      certEncryption: { kind: 'pkcs12-pbe', cipher: '3des' },
      keyEncryption: { kind: 'none' },
    });
    const contents = await openPkcs12(pfx, password);
    expect(contents.privateKeys).toHaveLength(1);
    expect(contents.passwordUsed).toBe('given');
    expect(contents.protection.quirks).toEqual(["certificates: derived from the password's BMPString form"]);
  });
});
