// Issue 19.4 (mutation testing of write.ts and decrypt-all.ts): what an admin reads when an export is refused, the
// smallest iteration count an export takes, and two outcomes of opening that depend on decrypt-all.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { openPkcs12, shutdownCertificateWorkers, writePkcs12 } from '../../../../src/core/certificates';
import { passwordForms } from '../../../../src/core/certificates/pkcs12/kdf';
import { buildPfx } from '../../../fixtures/pkcs12/build-pfx';
import { assemble, encryptedBags } from '../../../fixtures/pkcs12/work-bombs';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';

let cert: TestCertificate;

beforeAll(async () => {
  cert = await testCertificate('ec-p256', 'Export Refusals');
  return () => shutdownCertificateWorkers();
});

describe('writePkcs12 refusals an admin reads', () => {
  it('an empty password: says why a password is needed and how to get one', async () => {
    const error = (await failureOf(writePkcs12({ certificate: cert.der, privateKey: cert.key, password: '' }))) as {
      code: string;
      message: string;
      hint?: string;
    };
    expect(error.code).toBe('pfx.export_password_required');
    expect(error.message).toBe('Enter a password for the PFX file: it protects the private key.');
    expect(error.hint).toBe('Use "Generate" for a strong password, and keep it with the connection settings.');
  });

  it('no password at all (a caller that sends none) gets the same refusal, not a TypeError', async () => {
    for (const password of [undefined, null]) {
      expect(
        await failureOf(writePkcs12({ certificate: cert.der, privateKey: cert.key, password: password as never })),
      ).toMatchObject({ code: 'pfx.export_password_required' });
    }
  });

  it('an unknown profile is named in the message', async () => {
    const error = await failureOf(
      writePkcs12({ certificate: cert.der, privateKey: cert.key, password: 'x', profile: 'weird' as never }),
    );
    expect(error).toMatchObject({ code: 'pfx.invalid_options', message: 'Unknown export profile "weird".' });
  });

  it('1 iteration is the smallest count taken (OpenSSL takes -iter 1 too): the file opens', async () => {
    const pfx = await writePkcs12({ certificate: cert.der, privateKey: cert.key, password: 'one', iterations: 1 });
    const contents = await openPkcs12(pfx, 'one');
    expect(contents.privateKeys).toHaveLength(1);
    expect(contents.protection.mac?.iterations).toBe(1);
    expect(contents.protection.encryption.map((e) => e.iterations)).toEqual([1, 1]);
  });
});

describe('opening: outcomes decided in decrypt-all.ts', () => {
  it('the MAC passes but the decrypted contents do not parse: a damaged file, not "another password"', async () => {
    // Self-built: the certificates' content decrypts with the file's password to bytes that are not ASN.1.
    const password = 'right password';
    const garbage = Buffer.from('not a SafeContents at all');
    const pfx = await assemble([encryptedBags([garbage], password)], { hash: 'sha256', iterations: 2048, password });
    const error = await failureOf(openPkcs12(pfx, password));
    expect(error).toMatchObject({
      code: 'pfx.corrupt',
      message: 'The integrity check passes, but the decrypted contents are damaged.',
    });
  });

  it('the empty password: a key under another password is tried in the one other form the empty password has', async () => {
    // Self-built: the MAC uses the empty password; the key (3DES, PKCS#12 KDF) was encrypted with another password.
    // The empty password's other form is its BMPString without the 00 00 terminator; forms of any other text are
    // not the admin's password and must not be tried (nor counted in the message).
    const pfx = await buildPfx({
      certificates: [cert.der],
      key: cert.pkcs8,
      password: '',
      keyEncryption: { kind: 'pkcs12-pbe', cipher: '3des' },
      keyForms: passwordForms('another password'),
    });
    const error = await failureOf(openPkcs12(pfx, ''));
    expect(error).toMatchObject({ code: 'pfx.part_not_decrypted', details: { part: 'private key', otherForms: 1 } });
    expect(error.message).toContain('neither as the standard says nor in 1 other way known tools encrypt');
  });
});
