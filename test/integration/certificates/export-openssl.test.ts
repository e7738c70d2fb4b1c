// Every export is opened by OpenSSL 3 (without -legacy) and by our reader, also with a non-ASCII password.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildExportSet,
  exportFileNames,
  generateSelfSignedCertificate,
  inspectPkcs12,
  shutdownCertificateWorkers,
  writeExportSet,
  type GeneratedCertificate,
} from '../../../src/core/certificates';
import type { KeyAlgorithmChoice, PfxProfile } from '../../../src/shared/certificates';
import { opensslBatch, opensslVersion } from '../../fixtures/pkcs12/openssl';
import { skipWithout } from '../../support/reference-tools';

const skip = skipWithout('openssl', 'the checks of exported files against OpenSSL');
const version = opensslVersion();

const KEYS: KeyAlgorithmChoice[] = ['rsa-2048', 'rsa-3072', 'rsa-4096', 'ec-p256', 'ec-p384'];
const PROFILES: PfxProfile[] = ['modern', 'compat'];
const PASSWORDS = ['Export-Test-1', 'pässwörd-密码-🙂'];

interface Case {
  key: KeyAlgorithmChoice;
  profile: PfxProfile;
  password: string;
  folder: string;
  name: string;
}

describe.skipIf(skip !== null)('exports checked by OpenSSL 3', () => {
  const generated = new Map<KeyAlgorithmChoice, GeneratedCertificate>();
  const cases: Case[] = [];
  const root = mkdtempSync(join(tmpdir(), 'gcw-export-openssl-'));

  beforeAll(async () => {
    for (const key of KEYS)
      generated.set(
        key,
        await generateSelfSignedCertificate({
          commonName: `Export ${key}`,
          organization: 'GCW Test',
          keyAlgorithm: key,
          validityYears: 2,
        }),
      );
    for (const key of KEYS) {
      for (const profile of PROFILES) {
        for (const [p, password] of PASSWORDS.entries()) {
          const g = generated.get(key)!;
          const name = `${key}-${profile}-${p}`;
          const set = await buildExportSet({
            certificate: g.certificateDer,
            privateKey: g.privateKey,
            password,
            profile,
            friendlyName: `Export ${key}`,
          });
          writeExportSet(root, name, set);
          cases.push({ key, profile, password, folder: root, name });
        }
      }
    }
  }, 120_000);

  afterAll(() => shutdownCertificateWorkers());

  it('openssl pkcs12 -info and -nodes (no -legacy) open every export, and the key it extracts matches the certificate', async () => {
    const pfx = (c: Case): string => join(c.folder, exportFileNames(c.name).pfx);
    const info = await opensslBatch(
      cases.map((c) => ['pkcs12', '-in', pfx(c), '-info', '-noout', '-passin', `pass:${c.password}`]),
    );
    const nodes = await opensslBatch(
      cases.map((c) => ['pkcs12', '-in', pfx(c), '-nodes', '-passin', `pass:${c.password}`]),
    );
    cases.forEach((c, i) => {
      expect([c.name, info[i]!.code, nodes[i]!.code]).toEqual([c.name, 0, 0]);
      const text = info[i]!.stdout;
      if (c.profile === 'modern') {
        expect(text).toContain('MAC: sha256, Iteration 2048');
        expect(text).toContain('PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256');
        expect(text).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 2048, PRF hmacWithSHA256');
      } else {
        expect(text).toContain('MAC: sha1, Iteration 2048');
        expect(text).toContain('PKCS7 Encrypted data: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048');
        expect(text).toContain('Shrouded Keybag: pbeWithSHA1And3-KeyTripleDES-CBC, Iteration 2048');
      }
      const keyPem = /-----BEGIN PRIVATE KEY-----[\s\S]+?-----END PRIVATE KEY-----/.exec(nodes[i]!.stdout)![0];
      const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(nodes[i]!.stdout)![0];
      const cert = new X509Certificate(certPem);
      expect(cert.raw.equals(generated.get(c.key)!.certificateDer)).toBe(true);
      expect(cert.checkPrivateKey(createPrivateKey(keyPem))).toBe(true);
      expect(nodes[i]!.stdout).toContain(`friendlyName: Export ${c.key}`);
    });
    console.log(
      `[certificates] OpenSSL 3 (${version}) without -legacy opened ${cases.length} / ${cases.length} exports (modern and compat, ASCII and non-ASCII passwords)`,
    );
  }, 120_000);

  it('our reader opens every export and finds the certificate and its key', async () => {
    for (const c of cases) {
      const details = await inspectPkcs12(readFileSync(join(c.folder, exportFileNames(c.name).pfx)), c.password);
      expect([c.name, details.keyMatchesCertificate, details.protection.legacy]).toEqual([
        c.name,
        true,
        c.profile === 'compat',
      ]);
      expect(details.certificate.thumbprintSha1).toBe(generated.get(c.key)!.details.thumbprintSha1);
    }
  });

  it('a wrong password is refused by openssl too', async () => {
    const c = cases[0]!;
    const [result] = await opensslBatch(
      [['pkcs12', '-in', join(c.folder, exportFileNames(c.name).pfx), '-info', '-noout', '-passin', 'pass:wrong']],
      1,
    );
    expect(result!.code).not.toBe(0);
  });

  it('openssl x509 -text shows the key usage, extended key usage, basic constraints and validity of generated certificates', async () => {
    const certs = [...generated.entries()];
    const texts = await opensslBatch(
      certs.map(([key]) => [
        'x509',
        '-in',
        join(root, exportFileNames(`${key}-modern-0`).cer),
        '-inform',
        'DER',
        '-noout',
        '-text',
      ]),
    );
    certs.forEach(([key, g], i) => {
      const text = texts[i]!.stdout;
      expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature\n/);
      expect(text).toMatch(/X509v3 Extended Key Usage: \s*\n\s+TLS Web Client Authentication\n/);
      expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
      expect(text).toContain('X509v3 Subject Key Identifier');
      expect(text).toContain(`Subject: O = GCW Test, CN = Export ${key}`);
      expect(text).toContain(
        key.startsWith('rsa')
          ? 'Signature Algorithm: sha256WithRSAEncryption'
          : 'Signature Algorithm: ecdsa-with-SHA256',
      );
      const notAfter = /Not After : (.+)\n/.exec(text)![1]!;
      expect(new Date(notAfter).toISOString().slice(0, 16)).toBe(g.details.notAfter.slice(0, 16));
    });
  });

  it('writes the .cer, .pem, base64 and keyCredentials files owner-only, each readable by openssl', async () => {
    const names = exportFileNames(`ec-p256-modern-0`);
    for (const file of Object.values(names)) expect(statSync(join(root, file)).mode & 0o777).toBe(0o600);
    const pfx = readFileSync(join(root, names.pfx));
    expect(readFileSync(join(root, names.base64), 'utf8')).toBe(pfx.toString('base64'));
    const decoded = join(root, 'decoded.pfx');
    writeFileSync(decoded, Buffer.from(readFileSync(join(root, names.base64), 'utf8'), 'base64'));
    const [pemFp, cerFp, pfxInfo] = await opensslBatch(
      [
        ['x509', '-in', join(root, names.pem), '-noout', '-fingerprint', '-sha1'],
        ['x509', '-in', join(root, names.cer), '-inform', 'DER', '-noout', '-fingerprint', '-sha1'],
        ['pkcs12', '-in', decoded, '-info', '-noout', '-passin', `pass:${PASSWORDS[0]}`],
      ],
      1,
    );
    const thumbprint = generated.get('ec-p256')!.details.thumbprintSha1;
    expect(pemFp!.stdout.replace(/:/g, '')).toContain(thumbprint);
    expect(cerFp!.stdout.replace(/:/g, '')).toContain(thumbprint);
    expect(pfxInfo!.code).toBe(0);
    const manifest = JSON.parse(readFileSync(join(root, names.keyCredentials), 'utf8')) as {
      keyCredentials: Array<Record<string, string>>;
    };
    expect(manifest.keyCredentials[0]).toMatchObject({
      customKeyIdentifier: thumbprint,
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
      key: readFileSync(join(root, names.cer)).toString('base64'),
    });
  });
});
