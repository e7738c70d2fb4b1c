// Mutation survivors of quirks.ts (docs/mutation/pkcs12-kdf-runner-quirks.md): the producer-quirk words an admin reads
// in the protection summary, and how many other ways were tried ("…nor in N other ways…"). Parts are encrypted here
// with Node's own PBKDF2 / PKCS#12 KDF and ciphers, then decrypted through decryptWithQuirks.
import { createCipheriv, pbkdf2Sync } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { shutdownCertificateWorkers } from '../../../../src/core/certificates';
import type { EncryptionScheme, Pbes2Cipher } from '../../../../src/core/certificates/pkcs12/algorithms';
import { WorkMeter } from '../../../../src/core/certificates/pkcs12/budget';
import {
  KDF_ID,
  legacyLatin1Forms,
  type PasswordForms,
  passwordForms,
  pkcs12Kdf,
} from '../../../../src/core/certificates/pkcs12/kdf';
import { KdfRunner } from '../../../../src/core/certificates/pkcs12/kdf-runner';
import { DecryptionFailed } from '../../../../src/core/certificates/pkcs12/legacy-ciphers';
import { decryptWithQuirks } from '../../../../src/core/certificates/pkcs12/quirks';

afterAll(() => shutdownCertificateWorkers());

const PLAIN = Buffer.from('the private key bag, as the part must parse');
const SALT = Buffer.from('0123456789abcdef');
const IV = Buffer.from('fedcba9876543210');
const ITERATIONS = 16;

const CIPHERS = {
  'aes-128-cbc': { keyLength: 16, label: 'AES-128-CBC' },
  'aes-192-cbc': { keyLength: 24, label: 'AES-192-CBC' },
  'aes-256-cbc': { keyLength: 32, label: 'AES-256-CBC' },
  'des-ede3-cbc': { keyLength: 24, label: '3DES-CBC' },
} as const;
type Name = keyof typeof CIPHERS;

const accept = (clear: Buffer): void => {
  if (!clear.equals(PLAIN)) throw new DecryptionFailed('does not parse');
};

/** A PBES2 part stating `stated` (and PBKDF2 key length `kdfKeyLength`), really encrypted with `used` from `password`. */
function pbes2Part(opts: { stated: Name; used?: Name; password: Buffer; kdfKeyLength?: number | null }) {
  const used = opts.used ?? opts.stated;
  const iv = used === 'des-ede3-cbc' ? IV.subarray(0, 8) : IV;
  const key = pbkdf2Sync(opts.password, SALT, ITERATIONS, CIPHERS[used].keyLength, 'sha256');
  const cipher = createCipheriv(used, key, iv);
  const data = Buffer.concat([cipher.update(PLAIN), cipher.final()]);
  const stated: Pbes2Cipher = {
    name: opts.stated,
    label: CIPHERS[opts.stated].label,
    keyLength: CIPHERS[opts.stated].keyLength,
    iv,
    rc2Bits: 0,
    oid: '',
  };
  const scheme: EncryptionScheme = {
    kind: 'pbes2',
    kdf: { kind: 'pbkdf2', salt: SALT, iterations: ITERATIONS, keyLength: opts.kdfKeyLength ?? null, prf: 'sha256' },
    cipher: stated,
  };
  return { scheme, data };
}

/** A PKCS#12 PBE 3DES part encrypted from the BMP bytes `bmp`. */
async function pbePart(bmp: Buffer) {
  const key = await pkcs12Kdf('sha1', bmp, SALT, KDF_ID.key, ITERATIONS, 24);
  const iv = await pkcs12Kdf('sha1', bmp, SALT, KDF_ID.iv, ITERATIONS, 8);
  const cipher = createCipheriv('des-ede3-cbc', key, iv);
  const data = Buffer.concat([cipher.update(PLAIN), cipher.final()]);
  const scheme: EncryptionScheme = {
    kind: 'pkcs12-pbe',
    oid: '1.2.840.113549.1.12.1.3',
    cipher: '3des',
    label: '3DES-CBC',
    keyLength: 24,
    ivLength: 8,
    salt: SALT,
    iterations: ITERATIONS,
  };
  return { scheme, data };
}

function search(
  part: { scheme: EncryptionScheme; data: Buffer },
  password: string | null,
  tried: PasswordForms = passwordForms(password),
  runner = new KdfRunner(),
) {
  return decryptWithQuirks(part.scheme, part.data, password, tried, runner, accept);
}

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

describe('the key-size words of an AES part (what the file states against what opens it)', () => {
  it.each([
    [
      'aes-128-cbc',
      'aes-256-cbc',
      'with a 32-byte key (AES-256-CBC) although the file states AES-128-CBC (as an old NSS wrote)',
    ],
    ['aes-128-cbc', 'aes-192-cbc', 'with a 24-byte key (AES-192-CBC) although the file states AES-128-CBC'],
    ['aes-256-cbc', 'aes-128-cbc', 'with a 16-byte key (AES-128-CBC) although the file states AES-256-CBC'],
    ['aes-192-cbc', 'aes-256-cbc', 'with a 32-byte key (AES-256-CBC) although the file states AES-192-CBC'],
  ] as const)('states %s, encrypted with %s: "%s"', async (stated, used, words) => {
    const found = await search(pbes2Part({ stated, used, password: utf8('pw') }), 'pw');
    expect(found).toEqual({ clear: PLAIN, quirk: words });
  });

  it('a PBKDF2 key length shorter than the cipher needs: the key AES-256 needs is derived', async () => {
    const found = await search(pbes2Part({ stated: 'aes-256-cbc', kdfKeyLength: 16, password: utf8('pw') }), 'pw');
    expect(found).toEqual({
      clear: PLAIN,
      quirk: 'with the 32-byte key AES-256-CBC needs although the file states a 16-byte key',
    });
  });
});

describe('the password-form words of a PBES2 part', () => {
  it('ISO-8859-1 bytes (Bouncy Castle, node-forge), on AES and on 3DES', async () => {
    const words =
      "encrypted from the password's ISO-8859-1 bytes, not UTF-8 (as Bouncy Castle and node-forge write for non-ASCII passwords)";
    for (const stated of ['aes-256-cbc', 'des-ede3-cbc'] as const) {
      const found = await search(pbes2Part({ stated, password: Buffer.from('Grüße', 'latin1') }), 'Grüße');
      expect(found).toEqual({ clear: PLAIN, quirk: words });
    }
  });

  it('the UTF-16 form without its terminator (a password of 32+ characters: HMAC hashes keys over 64 bytes)', async () => {
    // Shorter, the two UTF-16 forms are one PBKDF2 key: HMAC pads its key with zero bytes to the block size.
    const long = 'a-password-of-forty-characters-in-length';
    const bmp = passwordForms(long).bmp;
    const found = await search(pbes2Part({ stated: 'aes-256-cbc', password: bmp.subarray(0, bmp.length - 2) }), long);
    expect(found).toEqual({
      clear: PLAIN,
      quirk: "encrypted from the password's UTF-16 form without its terminator, not UTF-8",
    });
  });
});

describe('two workarounds at once, and a stop that is not a wrong key', () => {
  it('a password form and a key size together are named both, joined with a comma', async () => {
    const found = await search(
      pbes2Part({ stated: 'aes-128-cbc', used: 'aes-256-cbc', password: Buffer.from('Grüße', 'latin1') }),
      'Grüße',
    );
    expect(found).toEqual({
      clear: PLAIN,
      quirk:
        "encrypted from the password's ISO-8859-1 bytes, not UTF-8 (as Bouncy Castle and node-forge write for non-ASCII passwords), with a 32-byte key (AES-256-CBC) although the file states AES-128-CBC (as an old NSS wrote)",
    });
  });

  it('Cancel during the search stops it (it is not counted as one more way that did not work)', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the admin'));
    const runner = new KdfRunner(undefined, controller.signal);
    const part = pbes2Part({ stated: 'aes-256-cbc', password: utf8('another password') });
    await expect(search(part, 'plain-ascii', passwordForms('plain-ascii'), runner)).rejects.toMatchObject({
      name: 'OpenStopped',
    });
  });
});

describe('the password-form words of a PKCS#12 PBE part', () => {
  it('the BMPString form, when the tried form was the old-OpenSSL one', async () => {
    const found = await search(await pbePart(passwordForms('Grüße').bmp), 'Grüße', legacyLatin1Forms('Grüße'));
    expect(found).toEqual({ clear: PLAIN, quirk: "derived from the password's BMPString form" });
  });

  it("OpenSSL before 1.1.0's form (each UTF-8 byte one character)", async () => {
    const found = await search(await pbePart(legacyLatin1Forms('Grüße').bmp), 'Grüße');
    expect(found).toEqual({
      clear: PLAIN,
      quirk: "derived from the password's UTF-8 bytes each taken as one character (as OpenSSL before 1.1.0 wrote)",
    });
  });
});

describe('how many other ways are tried when none works (the "nor in N other ways" of the message)', () => {
  const other = utf8('another password');

  it('an ASCII password: its ISO-8859-1 bytes are its UTF-8 bytes and the standard try is not repeated', async () => {
    // UTF-8 with AES-128 and AES-192; BMPString and BMPString without terminator, each with the 3 AES sizes.
    expect(await search(pbes2Part({ stated: 'aes-256-cbc', password: other }), 'plain-ascii')).toEqual({
      tried: 8,
      stoppedByBudget: false,
    });
  });

  it('a PBKDF2 key length equal to the cipher key is the standard try too', async () => {
    const part = pbes2Part({ stated: 'aes-256-cbc', kdfKeyLength: 32, password: other });
    expect(await search(part, 'plain-ascii')).toEqual({ tried: 8, stoppedByBudget: false });
  });

  it('the empty password: its UTF-16 form without terminator is its (empty) UTF-8 form', async () => {
    // UTF-8 with AES-128 and AES-192; BMPString (00 00) with the 3 AES sizes.
    expect(await search(pbes2Part({ stated: 'aes-256-cbc', password: other }), '')).toEqual({
      tried: 5,
      stoppedByBudget: false,
    });
  });

  it('a 3DES PBES2 part: the two other forms, not the standard one again', async () => {
    expect(await search(pbes2Part({ stated: 'des-ede3-cbc', password: other }), 'plain-ascii')).toEqual({
      tried: 2,
      stoppedByBudget: false,
    });
  });

  it('a PKCS#12 PBE part with an ASCII password: only the BMPString without terminator', async () => {
    expect(await search(await pbePart(passwordForms('another').bmp), 'plain-ascii')).toEqual({
      tried: 1,
      stoppedByBudget: false,
    });
  });

  it('stops by budget before a derivation that does not fit (3DES PBES2), without starting it', async () => {
    const runner = new KdfRunner(new WorkMeter(0));
    const part = pbes2Part({ stated: 'des-ede3-cbc', password: other });
    await expect(search(part, 'plain-ascii', passwordForms('plain-ascii'), runner)).resolves.toEqual({
      tried: 0,
      stoppedByBudget: true,
    });
    expect(runner.meter.spent).toBe(0);
  });
});
