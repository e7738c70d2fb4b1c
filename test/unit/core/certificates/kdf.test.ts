import { hash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import forge from 'node-forge';
import { afterAll, describe, expect, it } from 'vitest';
import { HASH_WORKER_SOURCE } from '../../../../src/core/certificates/pkcs12/hash-worker-source';
import {
  INLINE_ROUNDS,
  iteratedHash,
  iteratedHashInline,
  prewarmCertificateWorkers,
  shutdownCertificateWorkers,
} from '../../../../src/core/certificates/pkcs12/hash-pool';
import { passwordForms, pkcs12Kdf } from '../../../../src/core/certificates/pkcs12/kdf';
import { iterateSha1, iterateSha256 } from '../../../../src/core/certificates/pkcs12/sha-iterate';

afterAll(() => shutdownCertificateWorkers());

/** The reference: hash with Node once per round. */
function reference(name: string, input: Uint8Array, rounds: number): Buffer {
  let d = hash(name, input, 'buffer');
  for (let i = 1; i < rounds; i++) d = hash(name, d, 'buffer');
  return d;
}

describe('iterated hashing (the core of the PKCS#12 KDF)', () => {
  it('the JavaScript SHA-1/SHA-224/SHA-256 loops equal Node hashing round by round', () => {
    for (const rounds of [1, 2, 3, 64, 1000]) {
      const seed = Buffer.from(`seed ${rounds}`);
      expect(iterateSha1(hash('sha1', seed, 'buffer'), rounds - 1).equals(reference('sha1', seed, rounds))).toBe(true);
      expect(
        iterateSha256(hash('sha256', seed, 'buffer'), rounds - 1, 8).equals(reference('sha256', seed, rounds)),
      ).toBe(true);
      expect(
        iterateSha256(hash('sha224', seed, 'buffer'), rounds - 1, 7).equals(reference('sha224', seed, rounds)),
      ).toBe(true);
    }
  });

  it('inline and worker paths give the same digests for every hash', async () => {
    const rounds = INLINE_ROUNDS + 7;
    for (const name of ['sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'md5']) {
      const input = Buffer.from(`input for ${name}`);
      const expected = reference(name, input, rounds);
      expect((await iteratedHashInline(name, input, rounds)).equals(expected)).toBe(true);
      expect((await iteratedHash(name, input, rounds)).equals(expected)).toBe(true);
    }
  });

  it('the worker source runs as an eval worker (as Electron main starts it) and answers errors as data', async () => {
    const worker = new Worker(HASH_WORKER_SOURCE, { eval: true });
    try {
      const ask = (message: object): Promise<{ id: number; digest?: Uint8Array; error?: string }> =>
        new Promise((resolve) => {
          worker.once('message', resolve);
          worker.postMessage(message);
        });
      for (const name of ['sha1', 'sha224', 'sha256', 'sha512']) {
        for (const rounds of [1, 2, 17, 5000]) {
          const ok = await ask({ id: rounds, hash: name, input: Buffer.from(`x${rounds}`), rounds });
          expect([name, rounds, Buffer.from(ok.digest!).toString('hex')]).toEqual([
            name,
            rounds,
            reference(name, Buffer.from(`x${rounds}`), rounds).toString('hex'),
          ]);
        }
      }
      const bad = await ask({ id: 2, hash: 'no-such-hash', input: Buffer.from('x'), rounds: 2 });
      expect(bad.error).toBeTruthy();
    } finally {
      await worker.terminate();
    }
  });

  it('keeps the event loop responsive while a long chain runs', async () => {
    prewarmCertificateWorkers();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    await iteratedHash('sha256', Buffer.from('responsive'), 200_000);
    clearInterval(timer);
    expect(ticks).toBeGreaterThan(0);
  });
});

describe('PKCS#12 key derivation (RFC 7292 appendix B)', () => {
  const forgeKey = (
    password: string,
    salt: Buffer,
    id: number,
    iterations: number,
    length: number,
    md: 'sha1' | 'sha256',
  ): Buffer => {
    const bytes = forge.pkcs12.generateKey(
      password,
      forge.util.createBuffer(salt.toString('latin1')),
      id,
      iterations,
      length,
      md === 'sha1' ? forge.md.sha1.create() : forge.md.sha256.create(),
    );
    return Buffer.from(bytes.getBytes(), 'latin1');
  };

  it('matches node-forge for keys, IVs and MAC keys, short and long outputs, ASCII and non-ASCII passwords', async () => {
    const salt = Buffer.from('0a58cf64530d823f', 'hex');
    for (const [password, id, length, md] of [
      ['smeg', 1, 24, 'sha1'],
      ['smeg', 2, 8, 'sha1'],
      ['queeg', 3, 20, 'sha1'],
      ['Test1234!', 1, 80, 'sha256'],
      ['pässwörd', 3, 32, 'sha256'],
    ] as const) {
      const ours = await pkcs12Kdf(md, passwordForms(password).bmp, salt, id, 1000, length);
      expect(ours.toString('hex')).toBe(forgeKey(password, salt, id, 1000, length, md).toString('hex'));
    }
  });

  it('matches node-forge for a password over 31 characters and a salt over 64 bytes (more than one block of I each)', async () => {
    // The BMP form of 32 characters and more is over 64 bytes, so the password fills two SHA-1 blocks of I; a salt of
    // 100 bytes does the same for the salt. OpenSSL writes 8-byte salts; other writers may not.
    const long = 'a-password-of-forty-characters-0123456!!';
    expect(long).toHaveLength(40);
    const shortSalt = Buffer.from('0a58cf64530d823f', 'hex');
    const longSalt = Buffer.from(Array.from({ length: 100 }, (_, i) => (i * 37 + 11) & 0xff));
    for (const [password, salt, id, length, md] of [
      [long, shortSalt, 1, 24, 'sha1'],
      [long, shortSalt, 3, 20, 'sha1'],
      ['smeg', longSalt, 1, 24, 'sha1'],
      [long, longSalt, 2, 8, 'sha1'],
      [long, longSalt, 1, 32, 'sha256'],
    ] as const) {
      const ours = await pkcs12Kdf(md, passwordForms(password).bmp, salt, id, 3, length);
      expect([password.length, salt.length, id, ours.toString('hex')]).toEqual([
        password.length,
        salt.length,
        id,
        forgeKey(password, salt, id, 3, length, md).toString('hex'),
      ]);
    }
  });

  it('tells the empty password (00 00 terminator) from the absent one (no bytes)', () => {
    expect(passwordForms('').bmp).toEqual(Buffer.from([0, 0]));
    expect(passwordForms(null).bmp).toHaveLength(0);
    expect(passwordForms('Aé🙂').bmp.toString('hex')).toBe('004100e9d83dde420000');
    expect(passwordForms('pässwörd').utf8.toString('hex')).toBe(Buffer.from('pässwörd', 'utf8').toString('hex'));
  });
});
