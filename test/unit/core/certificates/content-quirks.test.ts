// Issue 15: what happens after the MAC accepts a password — producer quirks in the contents, and saying what really failed.
import { beforeAll, describe, expect, it } from 'vitest';
import { openPkcs12, shutdownCertificateWorkers } from '../../../../src/core/certificates';
import { passwordForms } from '../../../../src/core/certificates/pkcs12/kdf';
import { buildPfx } from '../../../fixtures/pkcs12/build-pfx';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';

const PASSWORD = 'Quirk-Test-Password-7';
let ec: TestCertificate;

beforeAll(async () => {
  ec = await testCertificate('ec-p256');
  return () => shutdownCertificateWorkers();
});

describe('the MAC accepts the password but a part does not decrypt (15.2)', () => {
  it('says the password passed the integrity check and names the part and its algorithm, not "the password is wrong"', async () => {
    // As some tools write when the private key gets a password of its own.
    const pfx = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: PASSWORD, keyForms: passwordForms('a second password') });
    const error = await failureOf(openPkcs12(pfx, PASSWORD));
    expect(error).toMatchObject({ code: 'pfx.part_not_decrypted', details: { part: 'private key', algorithm: 'PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations' } });
    expect(error.message).toMatch(/^The password passed the file's integrity check \(MAC\), but the private key \(PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations\) could not be decrypted with it\./);
    expect(error.message).not.toMatch(/password is wrong/);
    // A wrong password is still just that.
    expect(await failureOf(openPkcs12(pfx, 'wrong'))).toMatchObject({ code: 'pfx.wrong_password', details: { failedCheck: 'mac' } });
  });

  it('names the certificates part the same way, with its PKCS#12 PBE algorithm', async () => {
    const pfx = await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: PASSWORD, certEncryption: { kind: 'pkcs12-pbe', cipher: '3des' }, certForms: passwordForms('another') });
    const error = await failureOf(openPkcs12(pfx, PASSWORD));
    expect(error).toMatchObject({ code: 'pfx.part_not_decrypted', details: { part: 'certificates', algorithm: '3DES-CBC (PKCS#12 PBE, SHA-1), 2,048 iterations' } });
  });
});
