// Every PKCS#12 variant the brief lists, made by the openssl CLI at test time, opened by our reader.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectPkcs12, openPkcs12, shutdownCertificateWorkers } from '../../../src/core/certificates';
import type { PfxDetails } from '../../../src/shared/certificates';
import { buildMatrix, type Matrix } from '../../fixtures/pkcs12/openssl-matrix';
import { opensslVersion } from '../../fixtures/pkcs12/openssl';
import { skipWithout } from '../../support/reference-tools';

const skip = skipWithout('openssl', 'the OpenSSL PKCS#12 matrix (files made by openssl at test time)');
const version = opensslVersion();

describe.skipIf(skip !== null)('OpenSSL PKCS#12 matrix', () => {
  let matrix: Matrix;
  const opened = new Map<string, PfxDetails>();

  beforeAll(async () => {
    matrix = await buildMatrix();
    for (const file of matrix.files) {
      try {
        opened.set(file.name, await inspectPkcs12(readFileSync(file.path), file.password));
      } catch (error) {
        console.log(`[certificates] ${file.name}: ${(error as Error).message}`);
      }
    }
    console.log(
      `[certificates] OpenSSL matrix (${version}, generated in ${matrix.generatedMs} ms, cached in ${matrix.directory}): opened ${opened.size} / ${matrix.files.length} files`,
    );
  }, 300_000);

  afterAll(() => shutdownCertificateWorkers());

  it('opens every file', () => {
    expect(matrix.files.filter((f) => !opened.has(f.name)).map((f) => f.name)).toEqual([]);
    expect(matrix.files.length).toBeGreaterThanOrEqual(100);
  });

  it('every thumbprint equals `openssl x509 -fingerprint`', () => {
    for (const file of matrix.files) {
      const d = opened.get(file.name)!;
      const expected = matrix.keys[file.key];
      expect([file.name, d.certificate.thumbprintSha1, d.certificate.thumbprintSha256]).toEqual([
        file.name,
        expected.sha1,
        expected.sha256,
      ]);
    }
  });

  it('finds the key, its match, the chain and the attributes each variant holds', () => {
    for (const file of matrix.files) {
      const d = opened.get(file.name)!;
      expect([file.name, d.hasPrivateKey, d.keyMatchesCertificate]).toEqual([
        file.name,
        file.hasKey,
        file.hasKey ? true : null,
      ]);
      expect([file.name, d.chain.length]).toEqual([file.name, file.certificates]);
      expect([file.name, d.protection.passwordProtected]).toEqual([file.name, file.passwordProtected]);
      for (const fragment of file.expect)
        expect([file.name, d.protection.summary]).toEqual([file.name, expect.stringContaining(fragment)]);
      if (file.friendlyName) expect(d.certificate.friendlyName).toBe(file.friendlyName);
      if (file.friendlyName) expect(d.certificate.localKeyId).toMatch(/^[0-9A-F]+$/);
    }
  });

  it('shows key type and size or curve for RSA 2048/3072/4096 and EC P-256/P-384', () => {
    const keyOf = (name: string): unknown => opened.get(name)!.privateKey;
    expect(keyOf('rsa2048--ossl3-default.pfx')).toEqual({ type: 'RSA', size: 2048, curve: null });
    expect(keyOf('rsa3072--ossl3-default.pfx')).toEqual({ type: 'RSA', size: 3072, curve: null });
    expect(keyOf('rsa4096--ossl3-default.pfx')).toEqual({ type: 'RSA', size: 4096, curve: null });
    expect(keyOf('ecp256--ossl3-default.pfx')).toEqual({ type: 'EC', size: 256, curve: 'P-256' });
    expect(keyOf('ecp384--ossl3-default.pfx')).toEqual({ type: 'EC', size: 384, curve: 'P-384' });
  });

  it('orders a chain leaf -> intermediate -> root and says who signed whom', () => {
    for (const key of ['rsa2048', 'ecp384'] as const) {
      const d = opened.get(`${key}--chain.pfx`)!;
      expect(d.chain.map((c) => [c.role, c.issuedByIndex])).toEqual([
        ['leaf', 1],
        ['intermediate', 2],
        ['root', 2],
      ]);
      expect(d.chain[1]!.thumbprintSha1).toBe(matrix.intermediateSha1);
      expect(d.chain[2]!.thumbprintSha1).toBe(matrix.rootSha1);
      expect(d.chain[2]!.selfSigned).toBe(true);
      expect(d.chain[1]).toMatchObject({
        isCertificateAuthority: true,
        keyUsage: ['keyCertSign', 'cRLSign'],
        lacksDigitalSignature: true,
        extendedKeyUsage: null,
        lacksClientAuth: false,
      });
      expect(d.certificate).toMatchObject({
        subject: `CN=Matrix ${key}, O=GCW Test`,
        issuerCommonName: 'Matrix Intermediate',
        keyUsage: ['digitalSignature'],
        lacksClientAuth: false,
      });
    }
  });

  it('marks legacy protection and files that are not password protected', () => {
    expect(opened.get('rsa2048--legacy-rc2-3des.pfx')!.protection).toMatchObject({
      legacy: true,
      legacyNote: expect.stringMatching(/RC2-40-CBC encryption is weak/),
    });
    expect(opened.get('rsa2048--ossl3-default.pfx')!.protection).toMatchObject({ legacy: false, legacyNote: null });
    expect(opened.get('rsa2048--nopass-noenc-nomac.pfx')!).toMatchObject({
      passwordUsed: 'not-needed',
      protection: { passwordProtected: false },
    });
    expect(opened.get('rsa2048--emptypw.pfx')!.passwordUsed).toBe('empty');
  });

  it('refuses a wrong password on every password-protected file, naming the failed check', async () => {
    let refused = 0;
    for (const file of matrix.files) {
      if (!file.passwordProtected || file.variant.includes('600k')) continue;
      const error = (await openPkcs12(readFileSync(file.path), 'definitely-wrong').catch((e: unknown) => e)) as {
        code?: string;
        details?: { failedCheck?: string };
      };
      expect([file.name, error.code]).toEqual([file.name, 'pfx.wrong_password']);
      expect([file.name, error.details?.failedCheck]).toEqual([
        file.name,
        file.variant === 'nomac' ? 'decryption' : 'mac',
      ]);
      refused++;
    }
    console.log(`[certificates] wrong password refused for ${refused} files`);
  }, 120_000);
});
