// Public PKCS#12 files from the pyca/cryptography test vectors (Debian python3-cryptography-vectors).
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  describePkcs12,
  openPkcs12,
  shutdownCertificateWorkers,
  type Pkcs12Contents,
} from '../../../src/core/certificates';
import { opensslBatch } from '../../fixtures/pkcs12/openssl';
import { PYCA_VECTORS, skipWithout } from '../../support/reference-tools';

const ROOT = PYCA_VECTORS;
const FOLDERS = [join(ROOT, 'pkcs12'), join(ROOT, 'x509', 'PKITS_data', 'pkcs12')];
const noVectors = skipWithout('pyca', 'the public pyca PKCS#12 corpus');
const noOpenssl = noVectors
  ? null
  : skipWithout('openssl', "the comparison of the pyca files' thumbprints with OpenSSL's");
if (!noVectors && !FOLDERS.every((f) => existsSync(f)))
  throw new Error(
    `The pyca vectors are installed but ${FOLDERS.join(' or ')} is missing: reinstall python3-cryptography-vectors.`,
  );

/** Passwords are not listed per file: try the ones the suites use, most likely first. */
const PASSWORDS: Array<string | null> = [null, 'cryptography', 'password', '1234', 'changeit'];

interface Result {
  file: string;
  contents?: Pkcs12Contents;
  password?: string | null;
  error?: string;
}

describe.skipIf(noVectors !== null)('pyca PKCS#12 vectors', () => {
  const results: Result[] = [];

  beforeAll(async () => {
    for (const folder of FOLDERS) {
      const pkits = folder.includes('PKITS');
      for (const name of readdirSync(folder)
        .filter((f) => f.endsWith('.p12'))
        .sort()) {
        const file = join(folder, name);
        const bytes = readFileSync(file);
        const order = pkits ? ['password', ...PASSWORDS.filter((p) => p !== 'password')] : PASSWORDS;
        const result: Result = { file };
        for (const password of order) {
          try {
            result.contents = await openPkcs12(bytes, password);
            result.password = password;
            break;
          } catch (error) {
            result.error = `${(error as { code?: string }).code}: ${(error as Error).message}`;
            if (!/wrong_password|password_required/.test(result.error)) break;
          }
        }
        results.push(result);
      }
    }
    const opened = results.filter((r) => r.contents).length;
    console.log(
      `[certificates] pyca corpus: opened ${opened} / ${results.length} files (pkcs12/ and x509/PKITS_data/pkcs12/)`,
    );
  }, 300_000);

  afterAll(() => shutdownCertificateWorkers());

  it('opens every file', () => {
    expect(results.filter((r) => !r.contents).map((r) => `${r.file}: ${r.error}`)).toEqual([]);
    expect(results.length).toBeGreaterThanOrEqual(400);
  });

  it('describes every file that holds a certificate, and says pfx.no_certificate for the one that does not', () => {
    const noCertificate: string[] = [];
    for (const r of results) {
      try {
        const d = describePkcs12(r.contents!);
        expect(d.certificate.thumbprintSha1).toMatch(/^[0-9A-F]{40}$/);
      } catch (error) {
        expect((error as { code?: string }).code).toBe('pfx.no_certificate');
        noCertificate.push(r.file.split('/').pop()!);
      }
    }
    expect(noCertificate).toEqual(['no-cert-key-aes256cbc.p12']);
  });

  it.skipIf(noOpenssl !== null)(
    'pyca files: every thumbprint equals `openssl x509 -fingerprint` of the certificates `openssl pkcs12` extracts',
    async () => {
      const pyca = results.filter((r) => !r.file.includes('PKITS'));
      const extracted = await opensslBatch(
        pyca.map((r) => ['pkcs12', '-in', r.file, '-nokeys', '-passin', `pass:${r.password ?? ''}`, '-legacy']),
      );
      const folder = mkdtempSync(join(tmpdir(), 'gcw-pyca-'));
      const certs: Array<{ result: number; path: string }> = [];
      extracted.forEach((e, i) => {
        expect([pyca[i]!.file, e.code]).toEqual([pyca[i]!.file, 0]);
        for (const pem of e.stdout.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []) {
          const path = join(folder, `${certs.length}.pem`);
          writeFileSync(path, pem);
          certs.push({ result: i, path });
        }
      });
      const fingerprints = await opensslBatch(
        certs.map((c) => ['x509', '-in', c.path, '-noout', '-fingerprint', '-sha1']),
      );
      const theirs = pyca.map((): string[] => []);
      certs.forEach((c, k) =>
        theirs[c.result]!.push(fingerprints[k]!.stdout.trim().split('=').pop()!.replace(/:/g, '')),
      );
      const mismatches = pyca.flatMap((r, i) => {
        const ours = r
          .contents!.certificates.map((c) => createHash('sha1').update(c.der).digest('hex').toUpperCase())
          .sort();
        return ours.join() === theirs[i]!.sort().join()
          ? []
          : [`${r.file}: ours ${ours.join(',')} openssl ${theirs[i]!.join(',')}`];
      });
      expect(mismatches).toEqual([]);
      console.log(
        `[certificates] pyca files: ${certs.length} certificates in ${pyca.length} files match openssl's fingerprints`,
      );
    },
    300_000,
  );

  it.skipIf(noOpenssl !== null)(
    "PKITS files: the certificate's thumbprint equals openssl's SHA-1 of the published certificate (certs/NAME.crt)",
    async () => {
      const pkits = results.filter((r) => r.file.includes('PKITS'));
      const crt = (r: Result): string =>
        join(
          ROOT,
          'x509',
          'PKITS_data',
          'certs',
          `${r.file
            .split('/')
            .pop()!
            .replace(/\.p12$/, '')}.crt`,
        );
      // One openssl process hashes all 405 DER files (a SHA-1 fingerprint is the SHA-1 of the DER).
      const [digests] = await opensslBatch([['dgst', '-sha1', '-r', ...pkits.map(crt)]], 1);
      const byPath = new Map(
        digests!.stdout
          .trim()
          .split('\n')
          .map((line) => {
            const [hex, path] = line.split(' *');
            return [path!, hex!.toUpperCase()] as const;
          }),
      );
      const mismatches = pkits.flatMap((r) => {
        const ours = describePkcs12(r.contents!).certificate.thumbprintSha1;
        return ours === byPath.get(crt(r)) ? [] : [`${r.file}: ours ${ours} openssl ${byPath.get(crt(r))}`];
      });
      expect(mismatches).toEqual([]);
      console.log(`[certificates] PKITS files: ${pkits.length} thumbprints match openssl`);
    },
  );

  it('uses an absent (NULL) password for the *-no-pwd files, as OpenSSL does', () => {
    const noPwd = results.filter((r) => r.file.endsWith('-no-pwd.p12'));
    expect(noPwd.length).toBeGreaterThan(5);
    for (const r of noPwd) expect([r.file, r.contents!.passwordUsed]).toEqual([r.file, 'absent']);
  });
});
