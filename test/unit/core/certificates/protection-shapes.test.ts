// The protection summary an admin reads for three rare file shapes no tool here writes (OpenSSL exports one key
// with one cipher and never needs a workaround), so they are built as parsed input: a key-only file with another
// encrypted part, two keys encrypted differently, and two producer quirks in one file.
import { describe, expect, it } from 'vitest';
import { type EncryptionScheme } from '../../../../src/core/certificates/pkcs12/algorithms';
import { describeProtection } from '../../../../src/core/certificates/pkcs12/protection';
import type { PfxMacData } from '../../../../src/core/certificates/pkcs12/structure';

const mac: PfxMacData = {
  kind: 'hmac',
  oid: '2.16.840.1.101.3.4.2.1',
  hash: 'sha256',
  expected: new Uint8Array(32),
  salt: new Uint8Array(8),
  iterations: 2048,
};

function aes(iterations: number): EncryptionScheme {
  return {
    kind: 'pbes2',
    kdf: { kind: 'pbkdf2', salt: new Uint8Array(8), iterations, keyLength: null, prf: 'sha256' },
    cipher: {
      name: 'aes-256-cbc',
      label: 'AES-256-CBC',
      keyLength: 32,
      iv: new Uint8Array(16),
      rc2Bits: 0,
      oid: '2.16.840.1.101.3.4.1.42',
    },
  };
}

describe('protection summary of rare shapes', () => {
  it('names no certificates line for a key-only file with another encrypted part', () => {
    const { summary } = describeProtection({
      mac,
      certificateEncryption: [],
      keyEncryption: [aes(2048)],
      otherEncryption: [{ holds: 'CRLs', scheme: aes(2048) }],
    });
    expect(summary).toBe(
      'Private key PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations; CRLs PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations; MAC SHA-256, 2,048 iterations',
    );
  });

  it('lists two differently encrypted keys, joined with a slash', () => {
    const { summary } = describeProtection({
      mac,
      certificateEncryption: [aes(2048)],
      keyEncryption: [aes(2048), aes(10000)],
    });
    expect(summary).toContain(
      'private key PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations / PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 10,000 iterations',
    );
  });

  it('names both workarounds when one file needed two', () => {
    const { summary, quirks } = describeProtection({
      mac,
      certificateEncryption: [aes(2048)],
      keyEncryption: [aes(2048)],
      quirks: ['first workaround', 'second workaround'],
    });
    expect(quirks).toEqual(['first workaround', 'second workaround']);
    expect(summary).toMatch(
      /\. Opened with a workaround for the tool that made it: first workaround; second workaround$/,
    );
  });
});
