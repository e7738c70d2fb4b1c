// Issue 15 with the peer tools: every quirky file the unit tests build is refused by OpenSSL 3 and opened by gcw
// (`gcw cert inspect` says which workaround applied); Camellia files OpenSSL writes open.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPkcs12, shutdownCertificateWorkers } from '../../../src/core/certificates';
import { passwordForms } from '../../../src/core/certificates/pkcs12/kdf';
import { buildPfx } from '../../fixtures/pkcs12/build-pfx';
import { forgePfx } from '../../fixtures/pkcs12/forge-pfx';
import { openssl } from '../../fixtures/pkcs12/openssl';
import { testCertificate } from '../../fixtures/pkcs12/test-certificates';
import { skipWithout } from '../../support/reference-tools';

const bin = resolve(import.meta.dirname, '../../../bin/gcw.mjs');
const LATIN1 = 'pässwörd';
const ASCII = 'Quirk-Integration-3';
const missing = skipWithout('openssl', 'the quirky-file checks against OpenSSL 3') !== null;

describe.skipIf(missing)('quirky PFX files: OpenSSL refuses them, gcw opens them and says how', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gcw-quirks-'));
  const files: Array<{ name: string; path: string; password: string; quirk: RegExp }> = [];

  beforeAll(async () => {
    const ec = await testCertificate('ec-p256', 'Quirk Test');
    const rsa = await testCertificate('rsa-2048', 'Quirk Test RSA');
    const bmp = (p: string) => passwordForms(p).bmp;
    const add = (name: string, bytes: Buffer, password: string, quirk: RegExp) => {
      const path = join(dir, `${name}.pfx`);
      writeFileSync(path, bytes);
      files.push({ name, path, password, quirk });
    };
    add('node-forge-latin1', forgePfx(rsa.der, rsa.pkcs8, LATIN1), LATIN1, /ISO-8859-1 bytes/);
    const latin1 = { utf8: Buffer.from(LATIN1, 'latin1'), bmp: bmp(LATIN1) };
    add(
      'bouncy-castle-style',
      await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: LATIN1, keyForms: latin1, certForms: latin1 }),
      LATIN1,
      /ISO-8859-1 bytes/,
    );
    const nss = { utf8: bmp(ASCII), bmp: bmp(ASCII) };
    add(
      'old-nss-bmp',
      await buildPfx({ certificates: [ec.der], key: ec.pkcs8, password: ASCII, keyForms: nss, certForms: nss }),
      ASCII,
      /BMPString \(UTF-16\) form/,
    );
    add(
      'old-nss-aes128-label',
      await buildPfx({
        certificates: [ec.der],
        key: ec.pkcs8,
        password: ASCII,
        keyEncryption: { kind: 'pbes2', cipher: 'aes-256-cbc', statedCipher: 'aes-128-cbc' },
      }),
      ASCII,
      /32-byte key \(AES-256-CBC\) although the file states AES-128-CBC/,
    );
    const noTerminator = { utf8: Buffer.from(ASCII), bmp: bmp(ASCII).subarray(0, -2) };
    add(
      'pbe-no-terminator',
      await buildPfx({
        certificates: [ec.der],
        key: ec.pkcs8,
        password: ASCII,
        keyEncryption: { kind: 'pkcs12-pbe', cipher: '3des' },
        keyForms: noTerminator,
      }),
      ASCII,
      /without its 00 00 terminator/,
    );
  }, 60_000);

  afterAll(() => shutdownCertificateWorkers());

  it('OpenSSL 3 refuses every one of them with the right password (it checks the MAC, then fails to decrypt)', async () => {
    for (const file of files) {
      const r = await openssl(['pkcs12', '-in', file.path, '-nodes', '-passin', `pass:${file.password}`]);
      expect([file.name, r.code === 0, /Mac verify error/.test(r.stderr)]).toEqual([file.name, false, false]);
    }
  });

  it('gcw opens every one of them and names the workaround', async () => {
    for (const file of files) {
      const contents = await openPkcs12(readFileSync(file.path), file.password);
      expect([file.name, contents.privateKeys.length]).toEqual([file.name, 1]);
      expect([file.name, contents.protection.quirks.join('; ')]).toEqual([
        file.name,
        expect.stringMatching(file.quirk),
      ]);
    }
  });

  it('gcw cert inspect shows the workaround in the protection line and as a warning', () => {
    const file = files[0]!;
    const r = spawnSync(process.execPath, [bin, 'cert', 'inspect', file.path, '--password-env', 'QUIRK_PW'], {
      encoding: 'utf8',
      env: { ...process.env, QUIRK_PW: file.password },
      timeout: 60_000,
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /Opened with a workaround for the tool that made it: private key: encrypted from the password's ISO-8859-1 bytes/,
    );
    expect(r.stdout).toMatch(/OpenSSL among them, refuse it/);
  });
});

describe.skipIf(missing)('Camellia-CBC from OpenSSL (15.3)', () => {
  afterAll(() => shutdownCertificateWorkers());

  it('opens what openssl pkcs12 -export -keypbe CAMELLIA-256-CBC -certpbe CAMELLIA-128-CBC writes, and names both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcw-camellia-'));
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    const out = join(dir, 'camellia.p12');
    const run = async (args: string[]) => expect((await openssl(args)).code).toBe(0);
    await run([
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-subj',
      '/CN=Camellia Test',
      '-days',
      '30',
    ]);
    await run([
      'pkcs12',
      '-export',
      '-inkey',
      key,
      '-in',
      cert,
      '-out',
      out,
      '-passout',
      `pass:${ASCII}`,
      '-keypbe',
      'CAMELLIA-256-CBC',
      '-certpbe',
      'CAMELLIA-128-CBC',
    ]);
    const contents = await openPkcs12(readFileSync(out), ASCII);
    expect(contents.privateKeys).toHaveLength(1);
    expect(contents.protection.summary).toBe(
      'Certificates PBES2 Camellia-128-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations; private key PBES2 Camellia-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations; MAC SHA-256, 2,048 iterations',
    );
  });
});
