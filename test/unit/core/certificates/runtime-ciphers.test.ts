// Issue 19.4 (mutation testing of algorithms.ts): a Camellia-encrypted PFX in a build whose crypto library lacks Camellia.
// Electron's BoringSSL has no Camellia, and the Electron binary cannot run here, so the runtime's cipher list is the one
// thing replaced: node:crypto's getCiphers() without the Camellia names, everything else real.
import type * as Crypto from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { openPkcs12, shutdownCertificateWorkers } from '../../../../src/core/certificates';
import { buildPfx } from '../../../fixtures/pkcs12/build-pfx';
import { failureOf, testCertificate, type TestCertificate } from '../../../fixtures/pkcs12/test-certificates';

vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof Crypto>();
  return { ...actual, getCiphers: () => actual.getCiphers().filter((name) => !name.startsWith('camellia')) };
});

const PASSWORD = 'Camellia-Test-Password';
let ec: TestCertificate;

beforeAll(async () => {
  ec = await testCertificate('ec-p256');
  return () => shutdownCertificateWorkers();
});

describe('a cipher the runtime lacks', () => {
  it('names the algorithm, the part and the missing library, and says what to do', async () => {
    const pfx = await buildPfx({
      certificates: [ec.der],
      key: ec.pkcs8,
      password: PASSWORD,
      keyEncryption: { kind: 'pbes2', cipher: 'camellia-256-cbc' },
    });
    const error = (await failureOf(openPkcs12(pfx, PASSWORD))) as { code: string; message: string; hint?: string };
    expect(error).toMatchObject({
      code: 'pfx.unsupported_algorithm',
      details: { algorithm: 'Camellia-256-CBC', role: 'the encryption of the private key', missing: 'runtime' },
    });
    expect(error.message).toBe(
      'The file uses Camellia-256-CBC (OID 1.2.392.200011.61.1.1.1.4) for the encryption of the private key, which the crypto library of this build does not include.',
    );
    expect(error.hint).toMatch(/gcw cert inspect/);
  });
});
