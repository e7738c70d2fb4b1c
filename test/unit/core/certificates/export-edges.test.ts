// Issue 19.4 (mutation testing of write.ts): the words of the export refusals an admin reads, the iteration limit, and
// the compat profile's MAC salt beside OpenSSL's own -legacy export (committed in test/fixtures/pkcs12/outside).
import { createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { shutdownCertificateWorkers, writePkcs12 } from '../../../../src/core/certificates';
import { MAX_ITERATIONS } from '../../../../src/core/certificates/pkcs12/algorithms';
import { parsePfx } from '../../../../src/core/certificates/pkcs12/structure';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';

let cert: TestCertificate;
let other: TestCertificate;

beforeAll(async () => {
  cert = await testCertificate('ec-p256', 'Export Edges');
  other = await testCertificate('ec-p256', 'Export Edges Other');
  return () => shutdownCertificateWorkers();
});

describe('export refusals, word for word', () => {
  it('one iteration over the limit (10,000,000, the most the reader opens) is refused and names the field', async () => {
    const error = await failureOf(
      writePkcs12({ certificate: cert.der, privateKey: cert.key, password: 'x', iterations: MAX_ITERATIONS + 1 }),
    );
    expect(error).toMatchObject({
      code: 'pfx.invalid_options',
      message: 'The iteration count is out of range.',
      details: { field: 'iterations' },
    });
  });

  it('bytes that are not a PKCS#8 key are refused as such', async () => {
    const error = await failureOf(
      writePkcs12({ certificate: cert.der, privateKey: Buffer.from('not a key'), password: 'x' }),
    );
    expect(error).toMatchObject({
      code: 'pfx.invalid_options',
      message: 'The private key cannot be read (PKCS#8 DER expected).',
      details: { field: 'privateKey' },
    });
  });

  it('a public key in place of the private key is refused in words, not with a crash', async () => {
    const error = await failureOf(
      writePkcs12({ certificate: cert.der, privateKey: createPublicKey(cert.key), password: 'x' }),
    );
    expect(error).toMatchObject({
      code: 'pfx.invalid_options',
      message: 'A private key is needed, not a public key.',
      details: { field: 'privateKey' },
    });
  });

  it("another certificate's key: says the PFX would not work and which key to choose", async () => {
    const error = (await failureOf(writePkcs12({ certificate: cert.der, privateKey: other.key, password: 'x' }))) as {
      code: string;
      message: string;
      hint?: string;
    };
    expect(error.code).toBe('pfx.export_key_mismatch');
    expect(error.message).toBe('The private key does not belong to this certificate, so the PFX would not work.');
    expect(error.hint).toBe('Choose the key that was generated together with the certificate.');
  });
});

describe('what the export writes', () => {
  it("compat's MAC salt is 8 bytes, as OpenSSL's -legacy export writes it; modern's is 16", async () => {
    const openssl = readFileSync(resolve(import.meta.dirname, '../../../fixtures/pkcs12/outside/ec-legacy.pfx'));
    const compat = await writePkcs12({ certificate: cert.der, privateKey: cert.key, password: 'x', profile: 'compat' });
    const modern = await writePkcs12({ certificate: cert.der, privateKey: cert.key, password: 'x', profile: 'modern' });
    expect(parsePfx(openssl).macData!.salt).toHaveLength(8);
    expect(parsePfx(compat).macData!.salt).toHaveLength(8);
    expect(parsePfx(modern).macData!.salt).toHaveLength(16);
  });
});
