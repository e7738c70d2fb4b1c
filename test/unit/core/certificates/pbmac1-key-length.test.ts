// Issue 13.2: a PBMAC1 integrity check whose key is short (or whose key length is not stated) is refused (RFC 9579).
import { beforeAll, describe, expect, it } from 'vitest';
import { openPkcs12, shutdownCertificateWorkers } from '../../../../src/core/certificates';
import { buildPfx } from '../../../fixtures/pkcs12/build-pfx';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';

const PASSWORD = 'right password';
let ec: TestCertificate;

beforeAll(async () => {
  ec = await testCertificate('ec-p256');
  return () => shutdownCertificateWorkers();
});

/** Nothing encrypted: the PBMAC1 check is all that stands between a wrong password and "opened" (as in go-pkcs12's pbmac1-short-key-bypass). */
const macOnly = (keyLength: number | null | undefined, password = PASSWORD) =>
  buildPfx({
    certificates: [ec.der],
    key: ec.pkcs8,
    password,
    certEncryption: { kind: 'none' },
    keyEncryption: { kind: 'none' },
    mac: { kind: 'pbmac1', iterations: 1, keyLength },
  });

describe('PBMAC1 key length (RFC 9579)', () => {
  it('a 1-byte MAC key would let about 1 in 256 wrong passwords through: the file is refused for every password', async () => {
    const pfx = await macOnly(1);
    // 1,024 wrong passwords: with a 1-byte key about four of them pass the check and "open" the file.
    const outcomes = new Set<string>();
    for (let i = 0; i < 1024; i++) {
      outcomes.add(
        await openPkcs12(pfx, `wrong-${i}`).then(
          () => 'opened',
          (error: { code: string }) => error.code,
        ),
      );
    }
    expect([...outcomes]).toEqual(['pfx.unsafe_mac']);
    for (const password of [PASSWORD, 'wrong-0', null]) {
      const error = await failureOf(openPkcs12(pfx, password));
      expect(error).toMatchObject({ code: 'pfx.unsafe_mac', details: { keyLength: 1 } });
      expect(error.message).toContain(
        '1-byte key, too short to tell a wrong password from the right one (about 1 in 256 wrong passwords would pass it)',
      );
    }
  });

  it('a key length that is not stated (RFC 9579 A.6) is refused, as Bouncy Castle, NSS, GnuTLS and go-pkcs12 do', async () => {
    const error = await failureOf(openPkcs12(await macOnly(null), PASSWORD));
    expect(error).toMatchObject({ code: 'pfx.unsafe_mac', details: { keyLength: null } });
    expect(error.message).toMatch(/does not state/);
  });

  it('19 bytes is refused; 20 and 32 bytes open with the right password and refuse a wrong one', async () => {
    expect(await failureOf(openPkcs12(await macOnly(19), PASSWORD))).toMatchObject({
      code: 'pfx.unsafe_mac',
      details: { keyLength: 19 },
    });
    for (const keyLength of [20, 32]) {
      const pfx = await macOnly(keyLength);
      expect((await openPkcs12(pfx, PASSWORD)).protection.mac?.algorithm).toBe(
        'PBMAC1 HMAC-SHA256 (PBKDF2-HMAC-SHA256)',
      );
      expect(await failureOf(openPkcs12(pfx, 'wrong'))).toMatchObject({
        code: 'pfx.wrong_password',
        details: { failedCheck: 'mac' },
      });
    }
  });
});
