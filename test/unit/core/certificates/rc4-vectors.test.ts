// RC4 against outside references: the RFC 6229 keystreams (also what `openssl enc -rc4` prints for zero bytes) and
// the RC4-encrypted PFX files OpenSSL made (test/fixtures/pkcs12/outside/*rc4*.pfx, opened in outside-fixtures.test.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectPkcs12, shutdownCertificateWorkers } from '../../../../src/core/certificates';
import { rc4 } from '../../../../src/core/certificates/pkcs12/legacy-ciphers';

const keystream = (keyHex: string, length: number) =>
  rc4(Buffer.from(keyHex, 'hex'), Buffer.alloc(length)).toString('hex');

describe('RC4', () => {
  it.each([
    // RFC 6229, section 2: keystream bytes 0-31 for a 40-bit and a 128-bit key.
    ['0102030405', 'b2396305f03dc027ccc3524a0a1118a86982944f18fc82d589c403a47a0d0919'],
    ['0102030405060708090a0b0c0d0e0f10', '9ac7cc9a609d1ef7b2932899cde41b975248c4959014126a6e8a84f11d1a9e1c'],
  ])('produces the RFC 6229 keystream for key %s', (key, expected) => {
    expect(keystream(key, 32)).toBe(expected);
  });

  it('decrypts what it encrypts (a stream cipher is its own inverse), byte for byte', () => {
    const data = Buffer.from('PKCS#12 shrouded key bag, any length: 37');
    const key = Buffer.from('0102030405060708090a0b0c0d0e0f10', 'hex');
    expect(rc4(key, rc4(key, data)).equals(data)).toBe(true);
  });

  it('opens OpenSSL’s RC4-128 (key) and RC4-40 (certificates) file with the thumbprint OpenSSL computed', async () => {
    const dir = join(import.meta.dirname, '../../../fixtures/pkcs12/outside');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      fixtures: Array<{ file: string; password: string; certificates: Array<{ sha1: string }> }>;
    };
    const f = manifest.fixtures.find((x) => x.file === 'ec-rc4.pfx')!;
    const details = await inspectPkcs12(readFileSync(join(dir, f.file)), f.password);
    expect(details.certificate.thumbprintSha1).toBe(f.certificates[0]!.sha1);
    expect(details.keyMatchesCertificate).toBe(true);
    expect(details.protection.summary).toBe(
      'Certificates RC4-40 (PKCS#12 PBE, SHA-1), 2,048 iterations; private key RC4-128 (PKCS#12 PBE, SHA-1), 2,048 iterations; MAC SHA-1, 2,048 iterations',
    );
    await shutdownCertificateWorkers();
  });
});
