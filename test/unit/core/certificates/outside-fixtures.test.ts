// The product against an outside reference, with or without openssl installed: PKCS#12 files OpenSSL and
// pyca/cryptography made, committed with what OpenSSL computed for them (test/fixtures/pkcs12/outside/manifest.json).
// A bug in the product's KDF, MAC or ciphers makes these fail: nothing here was made or measured by the product.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inspectPkcs12, openPkcs12, shutdownCertificateWorkers } from '../../../../src/core/certificates';
import { WorkMeter } from '../../../../src/core/certificates/pkcs12/budget';
import type { OutsideFixture } from '../../../fixtures/pkcs12/outside/make';

const dir = resolve(import.meta.dirname, '../../../fixtures/pkcs12/outside');
const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
  opensslVersion: string;
  fixtures: OutsideFixture[];
};
const bytesOf = (f: OutsideFixture) => readFileSync(join(dir, f.file));
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex').toUpperCase();

/** OpenSSL's names (from `openssl pkcs12 -info`) in the product's words. */
const PBE: Record<string, string> = {
  pbeWithSHA1And40BitRC2: 'RC2-40-CBC (PKCS#12 PBE, SHA-1)',
  pbeWithSHA1And128BitRC2: 'RC2-128-CBC (PKCS#12 PBE, SHA-1)',
  pbeWithSHA1And40BitRC4: 'RC4-40 (PKCS#12 PBE, SHA-1)',
  pbeWithSHA1And128BitRC4: 'RC4-128 (PKCS#12 PBE, SHA-1)',
  'pbeWithSHA1And3-KeyTripleDES': '3DES-CBC (PKCS#12 PBE, SHA-1)',
  'pbeWithSHA1And2-KeyTripleDES': '2-key 3DES-CBC (PKCS#12 PBE, SHA-1)',
};
const PBES2_CIPHER: Record<string, string> = {
  'AES-256-CBC': 'AES-256-CBC',
  'AES-128-CBC': 'AES-128-CBC',
  'DES-EDE3-CBC': 'DES-EDE3-CBC',
  'DES-CBC': 'DES-CBC',
  'RC2-CBC': 'RC2-128-CBC',
};
const HASH: Record<string, string> = {
  md5: 'MD5',
  sha1: 'SHA-1',
  sha224: 'SHA-224',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
  'sha512-256': 'SHA-512/256',
};
const iterations = (n: string) => `${Number(n).toLocaleString('en-US')} iteration${n === '1' ? '' : 's'}`;

/** The parts of the product's protection summary that OpenSSL's `-info` lines predict. */
function predictedSummary(info: string[]): string[] {
  const out: string[] = [];
  const mac = info.map((l) => /^MAC: (\S+), Iteration (\d+)$/.exec(l)).find(Boolean);
  const encrypted = info.filter((l) => /^(PKCS7 Encrypted data|Shrouded Keybag): /.test(l));
  if (mac) out.push(`MAC ${HASH[mac[1]!]}, ${iterations(mac[2]!)}`);
  else out.push(encrypted.length === 0 ? 'Not password protected' : 'no MAC');
  for (const line of encrypted) {
    const scheme = line.slice(line.indexOf(': ') + 2);
    const pbes2 = /^PBES2, PBKDF2, (\S+), Iteration (\d+), PRF hmacWith(\S+)$/.exec(scheme);
    const pbe = /^(pbeWithSHA1And[\w-]+?)(-CBC)?, Iteration (\d+)$/.exec(scheme);
    if (pbes2) out.push(`PBES2 ${PBES2_CIPHER[pbes2[1]!]}, PBKDF2-HMAC-${pbes2[3]}, ${iterations(pbes2[2]!)}`);
    else if (pbe) out.push(`${PBE[pbe[1]!]}, ${iterations(pbe[3]!)}`);
    else throw new Error(`No product wording known for OpenSSL's "${scheme}": add it to the table above.`);
  }
  return out;
}

afterAll(() => shutdownCertificateWorkers());

describe('PKCS#12 files made by other tools, against what OpenSSL says about them', () => {
  const readable = manifest.fixtures.filter(
    (f) => f.certificates.length > 0 && !f.opensslInfo.some((l) => l.startsWith('MAC: sha3-')),
  );

  it('holds OpenSSL files for the default, -legacy, RC4, 3DES, no-MAC, empty and non-ASCII passwords and EC, and pyca files', () => {
    const files = manifest.fixtures.map((f) => f.file);
    expect(files).toEqual(
      expect.arrayContaining([
        'ec-default.pfx',
        'rsa2048-legacy.pfx',
        'ec-rc4.pfx',
        'rsa2048-rc4.pfx',
        'ec-3des-sha1.pfx',
        'ec-nomac.pfx',
        'ec-empty-password.pfx',
        'ec-unicode-password.pfx',
        'ec-legacy-long-password.pfx',
        'pyca/no-password.p12',
      ]),
    );
    for (const f of manifest.fixtures)
      expect(f.command).toMatch(
        f.file.startsWith('pyca/') ? /^cp .*cryptography_vectors\/pkcs12\// : /^openssl pkcs12 -export /,
      );
    expect(manifest.opensslVersion).toMatch(/^OpenSSL 3\./);
  });

  it.each(readable.map((f) => [f.file, f] as const))(
    '%s: same certificates, same private key and the protection OpenSSL reports',
    async (_file, f) => {
      const bytes = bytesOf(f);
      const details = await inspectPkcs12(bytes, f.password);
      const contents = await openPkcs12(bytes, f.password);
      expect([details.certificate.thumbprintSha1, details.certificate.thumbprintSha256]).toEqual([
        f.certificates[0]!.sha1,
        f.certificates[0]!.sha256,
      ]);
      expect(details.chain.map((c) => c.thumbprintSha1).sort()).toEqual(f.certificates.map((c) => c.sha1).sort());
      const key = contents.privateKeys[0]?.key.export({ type: 'pkcs8', format: 'der' });
      expect(key ? sha256(key) : null).toBe(f.keySha256);
      expect(details.keyMatchesCertificate).toBe(f.keySha256 ? true : null);
      for (const fragment of predictedSummary(f.opensslInfo)) expect(details.protection.summary).toContain(fragment);
      if (f.friendlyName) expect(details.certificate.friendlyName).toBe(f.friendlyName);
    },
  );

  it.each(
    readable
      .filter((f) => f.opensslInfo.some((l) => /^(MAC|PKCS7 Encrypted data|Shrouded Keybag):/.test(l)))
      .map((f) => [f.file, f] as const),
  )('%s: refuses a wrong password as pfx.wrong_password', async (_file, f) => {
    const failedCheck = f.opensslInfo.some((l) => l.startsWith('MAC:')) ? 'mac' : 'decryption';
    await expect(openPkcs12(bytesOf(f), 'not-the-password')).rejects.toMatchObject({
      code: 'pfx.wrong_password',
      details: { failedCheck },
    });
  });

  it('finds which password opened each file: typed, empty, absent (NULL) or none needed', async () => {
    const used = async (file: string, password: string | null | undefined) =>
      (await openPkcs12(bytesOf(manifest.fixtures.find((f) => f.file === file)!), password)).passwordUsed;
    expect(await used('ec-default.pfx', 'Outside-Test-1!')).toBe('given');
    expect(await used('ec-empty-password.pfx', undefined)).toBe('empty');
    expect(await used('pyca/no-password.p12', null)).toBe('absent');
    expect(await used('ec-not-encrypted.pfx', 'anything')).toBe('not-needed');
  });

  it('opens the key of a file without a certificate (the key OpenSSL extracts), and says pfx.no_certificate when asked to describe it', async () => {
    const f = manifest.fixtures.find((x) => x.file === 'pyca/no-cert-key-aes256cbc.p12')!;
    const contents = await openPkcs12(bytesOf(f), f.password);
    expect(contents.privateKeys.map((k) => sha256(k.key.export({ type: 'pkcs8', format: 'der' })))).toEqual([
      f.keySha256,
    ]);
    await expect(inspectPkcs12(bytesOf(f), f.password)).rejects.toMatchObject({
      code: 'pfx.no_certificate',
      message: expect.stringMatching(/only a private key/),
    });
  });

  it('says why each legacy file is legacy (the note the Certificates page and gcw cert inspect show), and nothing for the default', async () => {
    const note = async (file: string) =>
      (await inspectPkcs12(readFileSync(join(dir, file)), 'Outside-Test-1!')).protection.legacyNote;
    const weak = (cipher: string) => `${cipher} encryption is weak, and OpenSSL 3 opens it only with -legacy`;
    const old3des = '3DES-CBC is an old cipher (accepted by every Windows version, but weaker than AES)';
    const advice = 'Export it again with the modern profile (AES-256, SHA-256 MAC).';
    expect(await note('rsa2048-legacy.pfx')).toBe(
      `Legacy protection: ${weak('RC2-40-CBC')}; ${old3des}; the MAC uses SHA-1. ${advice}`,
    );
    expect(await note('ec-rc4.pfx')).toBe(
      `Legacy protection: ${weak('RC4-40')}; ${weak('RC4-128')}; the MAC uses SHA-1. ${advice}`,
    );
    expect(await note('ec-3des-sha1.pfx')).toBe(`Legacy protection: ${old3des}; the MAC uses SHA-1. ${advice}`);
    expect(await note('ec-default.pfx')).toBeNull();
  });

  it('opens the -legacy file of a 40-character password (two 64-byte blocks in the PKCS#12 KDF), and not with 31 or 39 of its characters', async () => {
    const f = manifest.fixtures.find((x) => x.file === 'ec-legacy-long-password.pfx')!;
    expect(f.password).toHaveLength(40);
    const details = await inspectPkcs12(bytesOf(f), f.password);
    expect([details.certificate.thumbprintSha256, details.keyMatchesCertificate]).toEqual([
      f.certificates[0]!.sha256,
      true,
    ]);
    for (const cut of [31, 39])
      await expect(openPkcs12(bytesOf(f), f.password!.slice(0, cut))).rejects.toMatchObject({
        code: 'pfx.wrong_password',
      });
  });

  it('words the protection summary and the legacy note of each file as the Certificates page shows them', async () => {
    const pbes2 = (cipher: string, prf = 'SHA256') => `PBES2 ${cipher}, PBKDF2-HMAC-${prf}, 2,048 iterations`;
    const pbe = (cipher: string, n = '2,048') => `${cipher} (PKCS#12 PBE, SHA-1), ${n} iterations`;
    const mac = (hash: string, n = '2,048 iterations') => `MAC ${hash}, ${n}`;
    const weak = (cipher: string) => `${cipher} encryption is weak, and OpenSSL 3 opens it only with -legacy`;
    const old = (cipher: string) =>
      `${cipher} is an old cipher (accepted by every Windows version, but weaker than AES)`;
    const note = (...reasons: string[]) =>
      `Legacy protection: ${reasons.join('; ')}. Export it again with the modern profile (AES-256, SHA-256 MAC).`;
    const legacySummary = `Certificates ${pbe('RC2-40-CBC')}; private key ${pbe('3DES-CBC')}; ${mac('SHA-1')}`;
    const legacyNote = note(weak('RC2-40-CBC'), old('3DES-CBC'), 'the MAC uses SHA-1');
    const expected: Record<string, [string, string | null]> = {
      'ec-default.pfx': [`${pbes2('AES-256-CBC')}; ${mac('SHA-256')}`, null],
      'ec-legacy.pfx': [legacySummary, legacyNote],
      'ec-legacy-long-password.pfx': [legacySummary, legacyNote],
      'ec-rc4.pfx': [
        `Certificates ${pbe('RC4-40')}; private key ${pbe('RC4-128')}; ${mac('SHA-1')}`,
        note(weak('RC4-40'), weak('RC4-128'), 'the MAC uses SHA-1'),
      ],
      'ec-rc2-128.pfx': [`${pbe('RC2-128-CBC')}; ${mac('SHA-1')}`, note(weak('RC2-128-CBC'), 'the MAC uses SHA-1')],
      'ec-2des.pfx': [`${pbe('2-key 3DES-CBC')}; ${mac('SHA-1')}`, note(old('2-key 3DES-CBC'), 'the MAC uses SHA-1')],
      'ec-pbes2-3des.pfx': [`${pbes2('DES-EDE3-CBC')}; ${mac('SHA-256')}`, note(old('DES-EDE3-CBC'))],
      'ec-pbes2-rc2.pfx': [`${pbes2('RC2-128-CBC')}; ${mac('SHA-1')}`, note(weak('RC2-128-CBC'), 'the MAC uses SHA-1')],
      'ec-mac-md5.pfx': [`${pbes2('AES-256-CBC')}; ${mac('MD5')}`, note('the MAC uses MD5')],
      'ec-mac-sha224.pfx': [`${pbes2('AES-256-CBC')}; ${mac('SHA-224')}`, null],
      'ec-nomac.pfx': [
        `Certificates not encrypted; private key ${pbes2('AES-256-CBC')}; no MAC`,
        note('there is no MAC, so changes to the file go unnoticed'),
      ],
      'ec-nomac-3des.pfx': [
        `${pbe('3DES-CBC')}; no MAC`,
        note(old('3DES-CBC'), 'there is no MAC, so changes to the file go unnoticed'),
      ],
      'ec-nomaciter.pfx': [`${pbes2('AES-256-CBC')}; ${mac('SHA-256', '1 iteration')}`, null],
      'ec-not-encrypted.pfx': [
        'Not password protected (nothing encrypted, no MAC)',
        note('the private key is not encrypted: anyone who has the file can use the key'),
      ],
      'ec-chain-names.pfx': [`${pbes2('AES-256-CBC')}; ${mac('SHA-256')}`, null],
      'ec-certificate-only.pfx': [`Certificates ${pbes2('AES-256-CBC')}; ${mac('SHA-256')}`, null],
      'pyca/cert-key-aes256cbc.p12': [`${pbes2('AES-256-CBC', 'SHA1')}; ${mac('SHA-1')}`, note('the MAC uses SHA-1')],
      'pyca/cert-none-key-none.p12': [
        `Not encrypted; ${mac('SHA-1')}`,
        note('the MAC uses SHA-1', 'the private key is not encrypted: anyone who has the file can use the key'),
      ],
      'pyca/name-unicode-pwd.p12': [
        `${pbe('3DES-CBC', '20,000')}; ${mac('SHA-1', '1 iteration')}`,
        note(old('3DES-CBC'), 'the MAC uses SHA-1'),
      ],
    };
    for (const [file, [summary, legacyNote]] of Object.entries(expected)) {
      const f = manifest.fixtures.find((x) => x.file === file)!;
      const { protection } = await inspectPkcs12(bytesOf(f), f.password);
      expect([file, protection.summary, protection.legacyNote, protection.legacy]).toEqual([
        file,
        summary,
        legacyNote,
        legacyNote !== null,
      ]);
    }
  });

  it('lists each encrypted part with its target, cipher, key derivation and iterations', async () => {
    const parts = async (file: string) => {
      const f = manifest.fixtures.find((x) => x.file === file)!;
      return (await inspectPkcs12(bytesOf(f), f.password)).protection.encryption.map((e) => [
        e.target,
        e.scheme,
        e.cipher,
        e.kdf,
        e.iterations,
        e.description,
      ]);
    };
    expect(await parts('ec-legacy.pfx')).toEqual([
      [
        'certificates',
        'pkcs12-pbe',
        'RC2-40-CBC',
        'PKCS#12 KDF SHA-1',
        2048,
        'RC2-40-CBC (PKCS#12 PBE, SHA-1), 2,048 iterations',
      ],
      [
        'private-key',
        'pkcs12-pbe',
        '3DES-CBC',
        'PKCS#12 KDF SHA-1',
        2048,
        '3DES-CBC (PKCS#12 PBE, SHA-1), 2,048 iterations',
      ],
    ]);
    expect(await parts('ec-nomac.pfx')).toEqual([
      ['certificates', 'none', null, null, null, 'not encrypted'],
      [
        'private-key',
        'pbes2',
        'AES-256-CBC',
        'PBKDF2-HMAC-SHA256',
        2048,
        'PBES2 AES-256-CBC, PBKDF2-HMAC-SHA256, 2,048 iterations',
      ],
    ]);
    // Three certificates in one encrypted part are one line, not three.
    expect(await parts('ec-chain-names.pfx')).toHaveLength(2);
  });

  it('charges an RC4 file for its MAC and keys only (RC4 has no IV): 3 × 2,048 units of the work budget', async () => {
    const f = manifest.fixtures.find((x) => x.file === 'ec-rc4.pfx')!;
    const meter = new WorkMeter();
    await openPkcs12(bytesOf(f), f.password, { meter });
    // MAC: one SHA-1 block; RC4-40 and RC4-128 keys (5 and 16 bytes): one SHA-1 block each; 2,048 iterations each.
    expect(meter.spent).toBe(3 * 2048);
  });

  it('names the SHA3-256 MAC OpenSSL 3 can write, which this app does not read (pfx.unsupported_algorithm)', async () => {
    const f = manifest.fixtures.find((x) => x.file === 'ec-mac-sha3-256.pfx')!;
    await expect(openPkcs12(bytesOf(f), f.password)).rejects.toMatchObject({
      code: 'pfx.unsupported_algorithm',
      message: expect.stringContaining('SHA3-256'),
    });
  });
});
