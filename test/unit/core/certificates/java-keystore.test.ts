// Issue 15.4: a Java keystore (JKS, JCEKS) is named as such, with the keytool command that turns it into a PFX.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decodeBase64Input,
  openPkcs12,
  prepareCertificateInput,
  sniff,
  toBase64,
} from '../../../../src/core/certificates';
import { javaKeystore } from '../../../fixtures/pkcs12/java-keystore';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';

let cert: TestCertificate;
beforeAll(async () => {
  cert = await testCertificate('ec-p256');
});

describe('Java keystores', () => {
  it.each([
    [
      'jks',
      'a Java keystore (JKS)',
      'keytool -importkeystore -srckeystore keystore.jks -srcstoretype JKS -destkeystore keystore.p12 -deststoretype PKCS12',
    ],
    [
      'jceks',
      'a Java keystore (JCEKS)',
      'keytool -importkeystore -srckeystore keystore.jceks -srcstoretype JCEKS -destkeystore keystore.p12 -deststoretype PKCS12',
    ],
  ] as const)('%s: named, with the keytool command to export it as PKCS#12', async (type, description, command) => {
    const store = javaKeystore(type, 'changeit', [cert.der]);
    expect(sniff(store)).toEqual({ kind: 'java-keystore', description });
    const error = await failureOf(openPkcs12(store, 'changeit'));
    expect(error).toMatchObject({
      code: 'pfx.not_pkcs12',
      message: `This is ${description}, not a PFX. Java's keytool converts it to one.`,
      details: { detected: 'java-keystore' },
    });
    expect((error as { hint?: string }).hint).toBe(`Export it with keytool, then open the .p12: ${command}`);
    // The Certificates page and gcw cert inspect prepare input the same way.
    expect(() => prepareCertificateInput(store)).toThrow(
      expect.objectContaining({ code: 'pfx.not_pkcs12', message: expect.stringContaining(description) }),
    );
  });

  it('the base64 text of a keystore says what is inside, dropped as a file or pasted', () => {
    const text = toBase64(javaKeystore('jks', 'changeit', []));
    expect(sniff(Buffer.from(text))).toEqual({
      kind: 'base64-other',
      description: 'base64 text of a Java keystore (JKS)',
    });
    expect(decodeBase64Input(text).found).toEqual({ kind: 'java-keystore', description: 'a Java keystore (JKS)' });
  });
});
