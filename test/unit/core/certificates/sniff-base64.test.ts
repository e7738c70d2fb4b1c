import { generateKeyPairSync } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  certificateToPem,
  decodeBase64Input,
  decodePastedBase64,
  inspectBase64,
  openPkcs12,
  shutdownCertificateWorkers,
  sniff,
  toBase64,
  writePkcs12,
} from '../../../../src/core/certificates';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';

let cert: TestCertificate;
let pfx: Buffer;
const PASSWORD = 'Sniff-Test-1';

beforeAll(async () => {
  cert = await testCertificate('ec-p256');
  pfx = await writePkcs12({ certificate: cert.der, privateKey: cert.key, password: PASSWORD });
  return () => shutdownCertificateWorkers();
});

const text = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('sniff', () => {
  it('tells what a file is', () => {
    const rsaPkcs1 = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs1',
      format: 'der',
    });
    const cases: Array<[Uint8Array, string]> = [
      [new Uint8Array(0), 'empty'],
      [pfx, 'pkcs12'],
      [pfx.subarray(0, 30), 'pkcs12'],
      [text(certificateToPem(cert.der)), 'pem-certificate'],
      [text(cert.key.export({ type: 'pkcs8', format: 'pem' }) as string), 'pem-private-key'],
      [
        text(cert.key.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }) as string),
        'pem-encrypted-private-key',
      ],
      [
        text('-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n'),
        'pem-certificate-request',
      ],
      [text('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n'), 'pem-public-key'],
      [text('-----BEGIN PKCS7-----\nMIIB\n-----END PKCS7-----\n'), 'pem-pkcs7'],
      [text('-----BEGIN OPENSSH PUBLIC THING-----\nAA\n-----END OPENSSH PUBLIC THING-----\n'), 'pem-other'],
      [cert.der, 'der-certificate'],
      [cert.pkcs8, 'der-private-key'],
      [rsaPkcs1, 'der-private-key'],
      [
        cert.key.export({ type: 'pkcs8', format: 'der', cipher: 'aes-256-cbc', passphrase: 'x' }),
        'der-encrypted-private-key',
      ],
      [text(toBase64(pfx)), 'base64-pkcs12'],
      [text(toBase64(pfx).replace(/(.{64})/g, '$1\r\n')), 'base64-pkcs12'],
      [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(toBase64(pfx), 'utf16le')]), 'base64-pkcs12'],
      [text(toBase64(cert.der)), 'base64-other'],
      [Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00]), 'zip'],
      [text('{"keyCredentials": []}'), 'json'],
      [text('thumbprint: 7AB4DD9219E5E03ECC025136572DFAA262EC85CB\n'), 'text'],
      [Buffer.from([0x00, 0x01, 0x02, 0xfe, 0xff, 0x80, 0x00]), 'binary'],
    ];
    for (const [bytes, kind] of cases) expect([kind, sniff(bytes).kind]).toEqual([kind, kind]);
    expect(
      sniff(text(certificateToPem(cert.der) + (cert.key.export({ type: 'pkcs8', format: 'pem' }) as string)))
        .description,
    ).toBe('PEM text with a certificate and a private key');
  });
});

describe('openPkcs12 on things that are not a PFX', () => {
  it.each([
    [
      'a PEM certificate',
      () => text(certificateToPem(cert.der)),
      'pfx.not_pkcs12',
      /PEM text with a certificate, not a PFX/,
    ],
    [
      'a PEM private key',
      () => text(cert.key.export({ type: 'pkcs8', format: 'pem' }) as string),
      'pfx.not_pkcs12',
      /private key, not a PFX/,
    ],
    ['a DER certificate', () => cert.der, 'pfx.not_pkcs12', /DER certificate/],
    ['a ZIP archive', () => Buffer.from('PK\x03\x04rest', 'latin1'), 'pfx.not_pkcs12', /ZIP archive/],
    ['text', () => text('hello world'), 'pfx.not_pkcs12', /a text file, not a PKCS#12/],
    ['unknown binary', () => Buffer.from([1, 2, 3, 250, 0, 7]), 'pfx.not_pkcs12', /binary file of an unknown kind/],
    ['the base64 text of a PFX', () => text(toBase64(pfx)), 'pfx.base64_text', /must be decoded/],
    ['an empty file', () => Buffer.alloc(0), 'pfx.empty_file', /empty/],
  ])('%s', async (_label, bytes, code, message) => {
    const error = await failureOf(openPkcs12(bytes(), PASSWORD));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });
});

describe('base64', () => {
  it('gives the exact base64 of the file on one line', () => {
    const b64 = toBase64(pfx);
    expect(b64).not.toMatch(/\s/);
    expect(Buffer.from(b64, 'base64').equals(pfx)).toBe(true);
    expect(toBase64(pfx.subarray(3, 10))).toBe(pfx.subarray(3, 10).toString('base64'));
  });

  it('decodes pasted base64 with line breaks, quotes, a data: prefix or base64url', () => {
    const b64 = toBase64(pfx);
    const variants = [
      b64,
      b64.replace(/(.{76})/g, '$1\n'),
      `  "${b64}"  `,
      `data:application/x-pkcs12;base64,${b64}`,
      pfx.toString('base64url'),
      b64.replace(/=+$/, ''),
    ];
    for (const v of variants) expect(decodePastedBase64(v).equals(pfx)).toBe(true);
  });

  it('pfx.invalid_base64: refuses text that is not base64, without echoing it', () => {
    expect(() => decodePastedBase64('MIIK#AAA')).toThrow(
      expect.objectContaining({ code: 'pfx.invalid_base64', message: expect.stringMatching(/position 5/) }),
    );
    expect(() => decodePastedBase64('ab+c-d_/')).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/standard .* URL-safe/) }),
    );
    expect(() => decodePastedBase64('QUJD=QUJD')).toThrow(
      expect.objectContaining({ message: expect.stringMatching(/padding/) }),
    );
    expect(() => decodePastedBase64('QUJDR')).toThrow(expect.objectContaining({ code: 'pfx.invalid_base64' }));
    expect(() => decodePastedBase64('secret-password-ä')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('secret') }),
    );
    expect(() => decodePastedBase64('   \n ')).toThrow(expect.objectContaining({ code: 'pfx.empty_file' }));
  });

  it('pasted base64 -> bytes -> what it is -> open', async () => {
    const details = await inspectBase64(toBase64(pfx).replace(/(.{64})/g, '$1\n'), PASSWORD);
    expect(details.keyMatchesCertificate).toBe(true);
    expect(decodeBase64Input(toBase64(cert.der)).found.kind).toBe('der-certificate');
    await expect(inspectBase64(toBase64(cert.der), PASSWORD)).rejects.toMatchObject({
      code: 'pfx.not_pkcs12',
      details: { detected: 'der-certificate' },
    });
    await expect(inspectBase64(certificateToPem(cert.der), PASSWORD)).rejects.toMatchObject({
      code: 'pfx.not_pkcs12',
      details: { detected: 'pem-certificate' },
    });
    // base64 of base64: the admin encoded it twice
    await expect(inspectBase64(Buffer.from(toBase64(pfx)).toString('base64'), PASSWORD)).rejects.toMatchObject({
      code: 'pfx.base64_text',
    });
  });
});
