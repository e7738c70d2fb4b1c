// Issue 19.4 (mutation testing of open.ts and decrypt-all.ts): outcomes of opening a PFX that an admin notices —
// Cancel, the size limit, which password the details show, the words of a damaged file, and the protection text.
// Files are self-built (build-pfx.ts, work-bombs.ts) for shapes no tool here writes: no MAC, parts under different
// passwords, keys in odd parts, 1,001 bags, a part that is not really encrypted.
import { beforeAll, describe, expect, it } from 'vitest';
import { OID } from '../../../../src/core/certificates/asn1/oids';
import * as der from '../../../../src/core/certificates/asn1/writer';
import { openPkcs12, shutdownCertificateWorkers } from '../../../../src/core/certificates';
import { WorkMeter } from '../../../../src/core/certificates/pkcs12/budget';
import { KdfRunner } from '../../../../src/core/certificates/pkcs12/kdf-runner';
import { passwordForms } from '../../../../src/core/certificates/pkcs12/kdf';
import { macJob } from '../../../../src/core/certificates/pkcs12/mac';
import { parsePfx } from '../../../../src/core/certificates/pkcs12/structure';
import { buildPfx, crlBag } from '../../../fixtures/pkcs12/build-pfx';
import { assemble, encryptedBags, pbe3des } from '../../../fixtures/pkcs12/work-bombs';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';

let cert: TestCertificate;

beforeAll(async () => {
  cert = await testCertificate('ec-p256', 'Open Edges');
  return () => shutdownCertificateWorkers();
});

const AES = 'PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations';

function certBag(certificate: Uint8Array): Buffer {
  return der.sequence(
    der.oid(OID.certBag),
    der.explicit(0, der.sequence(der.oid(OID.x509Certificate), der.explicit(0, der.octetString(certificate)))),
  );
}

function plainKeyBag(pkcs8: Uint8Array): Buffer {
  return der.sequence(der.oid(OID.keyBag), der.explicit(0, Buffer.from(pkcs8)));
}

function secretBag(): Buffer {
  return der.sequence(
    der.oid(OID.secretBag),
    der.explicit(0, der.sequence(der.oid(OID.data), der.explicit(0, der.octetString(Buffer.from('secret'))))),
  );
}

/** Nothing encrypted and no MAC: opening it needs no key derivation at all. */
function plainFile(): Promise<Buffer> {
  return buildPfx({
    certificates: [cert.der],
    key: cert.pkcs8,
    password: null,
    certEncryption: { kind: 'none' },
    keyEncryption: { kind: 'none' },
    mac: { kind: 'none' },
  });
}

describe('Cancel and the size limit', () => {
  it('a signal that is already aborted stops the open before it reads anything', async () => {
    const pfx = await plainFile();
    expect(await failureOf(openPkcs12(pfx, '', { signal: AbortSignal.abort() }))).toMatchObject({
      code: 'pfx.cancelled',
      message: 'Opening the file was cancelled.',
    });
  });

  it('Cancel pressed right after the open starts wins, even over work that would finish', async () => {
    const pfx = await plainFile();
    const controller = new AbortController();
    const opening = openPkcs12(pfx, '', { signal: controller.signal });
    controller.abort();
    expect(await failureOf(opening)).toMatchObject({ code: 'pfx.cancelled' });
    // The same file opens without the Cancel.
    expect((await openPkcs12(pfx, '')).certificates).toHaveLength(1);
  });

  it('a file exactly as large as the limit opens; one byte over is refused', async () => {
    const pfx = await plainFile();
    expect((await openPkcs12(pfx, '', { maxBytes: pfx.length })).privateKeys).toHaveLength(1);
    expect(await failureOf(openPkcs12(pfx, '', { maxBytes: pfx.length - 1 }))).toMatchObject({
      code: 'pfx.too_large',
    });
  });
});

describe('which password the details show (no MAC)', () => {
  it('encrypted certificates and a plain key, empty password: "empty", not "not needed"', async () => {
    const pfx = await buildPfx({
      certificates: [cert.der],
      key: cert.pkcs8,
      password: '',
      keyEncryption: { kind: 'none' },
      mac: { kind: 'none' },
    });
    expect((await openPkcs12(pfx, '')).passwordUsed).toBe('empty');
  });

  it('plain certificates and a shrouded key, empty password: "empty", not "not needed"', async () => {
    const pfx = await buildPfx({
      certificates: [cert.der],
      key: cert.pkcs8,
      password: '',
      certEncryption: { kind: 'none' },
      mac: { kind: 'none' },
    });
    expect((await openPkcs12(pfx, '')).passwordUsed).toBe('empty');
  });

  it('nothing encrypted and no MAC: "not needed"', async () => {
    expect((await openPkcs12(await plainFile(), '')).passwordUsed).toBe('not-needed');
  });
});

describe('the MAC and the work budget', () => {
  it('no password, a MAC neither form passes, budget for one MAC only: "password required", not "too much work"', async () => {
    // The file is not encrypted, its MAC is for another password. The empty form takes the whole budget; the absent
    // form is skipped as it no longer fits, so the admin is asked for the password.
    const pfx = await buildPfx({
      certificates: [cert.der],
      key: cert.pkcs8,
      password: 'the real password',
      certEncryption: { kind: 'none' },
      keyEncryption: { kind: 'none' },
      mac: { kind: 'hmac', hash: 'sha256', iterations: 2048 },
    });
    const macData = parsePfx(pfx).macData!;
    const oneMac = new KdfRunner().unitsOf([macJob(macData, passwordForms(''))]);
    const error = await failureOf(openPkcs12(pfx, '', { meter: new WorkMeter(oneMac) }));
    expect(error).toMatchObject({ code: 'pfx.password_required' });
    // With room for both forms the outcome is the same: the budget only decides whether the absent form is tried.
    expect(await failureOf(openPkcs12(pfx, '', { meter: new WorkMeter(2 * oneMac) }))).toMatchObject({
      code: 'pfx.password_required',
    });
  });

  it('the MAC fails although the password decrypts every part: a changed file, said in words', async () => {
    const right = passwordForms('parts password');
    const pfx = await buildPfx({
      certificates: [cert.der],
      key: cert.pkcs8,
      password: 'mac password',
      certForms: right,
      keyForms: right,
    });
    expect(await failureOf(openPkcs12(pfx, 'parts password'))).toMatchObject({
      code: 'pfx.corrupt',
      message:
        "The file's integrity check (MAC) fails although the password decrypts its contents: the file was changed or damaged after it was made.",
    });
  });
});

describe('decrypted contents (decrypt-all.ts)', () => {
  it('an encrypted part that decrypts to 1,001 bags is refused as too many bags, not as damaged', async () => {
    const password = 'many bags';
    const crl = crlBag(Buffer.from('300302010' + '0', 'hex'));
    const pfx = await assemble(
      [
        encryptedBags(
          Array.from({ length: 1001 }, () => crl),
          password,
        ),
      ],
      {
        hash: 'sha256',
        iterations: 2048,
        password,
      },
    );
    expect(await failureOf(openPkcs12(pfx, password))).toMatchObject({ code: 'pfx.too_many_bags' });
  });

  it('no MAC: one part decrypts (with a key inside it), another does not — damaged, not a wrong password', async () => {
    const password = 'half of it';
    // The certificates' content decrypts and holds a shrouded key that decrypts too; the extra part names 3DES but its
    // bytes were never encrypted.
    const pfx = await buildPfx({
      certificates: [cert.der],
      key: cert.pkcs8,
      password,
      keyInCertContent: true,
      mac: { kind: 'none' },
      extraParts: [
        { bags: [crlBag(Buffer.from('3003020100', 'hex'))], encryption: { kind: 'raw', algorithm: pbe3des(2048) } },
      ],
    });
    expect(await failureOf(openPkcs12(pfx, password))).toMatchObject({
      code: 'pfx.corrupt',
      message: 'Part of the file decrypts with this password and part does not: the file is damaged.',
    });
  });

  it('an encrypted part that holds only the (shrouded) private key is listed as "a part with the private key"', async () => {
    const password = 'key alone';
    const pfx = await buildPfx({
      certificates: [],
      key: cert.pkcs8,
      password,
      keyInCertContent: true,
      extraParts: [{ bags: [certBag(cert.der)], encryption: { kind: 'none' } }],
    });
    const contents = await openPkcs12(pfx, password);
    expect(contents.privateKeys).toHaveLength(1);
    expect(contents.protection.summary).toBe(
      `Certificates not encrypted; private key ${AES}; a part with the private key ${AES}; MAC SHA-256, 2,048 iterations`,
    );
  });

  it('an encrypted part with a key, a CRL and a secret names all three: "the private key, CRLs and secrets"', async () => {
    const password = 'three kinds';
    const pfx = await buildPfx({
      certificates: [cert.der],
      password,
      certEncryption: { kind: 'none' },
      extraParts: [
        {
          bags: [plainKeyBag(cert.pkcs8), crlBag(Buffer.from('3003020100', 'hex')), secretBag()],
          encryption: { kind: 'pbes2', cipher: 'aes-256-cbc' },
        },
      ],
    });
    const contents = await openPkcs12(pfx, password);
    expect(contents.privateKeys).toHaveLength(1);
    expect(contents.protection.summary).toContain(`a part with the private key, CRLs and secrets ${AES}`);
  });

  it('an encrypted part with a key and a CRL: "the private key and CRLs"', async () => {
    const password = 'two kinds';
    const pfx = await buildPfx({
      certificates: [cert.der],
      password,
      certEncryption: { kind: 'none' },
      extraParts: [
        {
          bags: [plainKeyBag(cert.pkcs8), crlBag(Buffer.from('3003020100', 'hex'))],
          encryption: { kind: 'pbes2', cipher: 'aes-256-cbc' },
        },
      ],
    });
    expect((await openPkcs12(pfx, password)).protection.summary).toContain(
      `a part with the private key and CRLs ${AES}`,
    );
  });
});
