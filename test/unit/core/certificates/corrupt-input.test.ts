// Damaged input must end in a WorkbenchError with a pfx.* code: never a crash, never a hang.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../../src/core/errors';
import { openPkcs12, shutdownCertificateWorkers, writePkcs12 } from '../../../../src/core/certificates';
import { buildPfx } from '../../../fixtures/pkcs12/build-pfx';
import { testCertificate } from '../../../fixtures/pkcs12/test-certificates';

const PASSWORD = 'fuzz';
const samples: Record<string, Buffer> = {};

beforeAll(async () => {
  const cert = await testCertificate('ec-p256', 'Fuzz');
  samples.modern = await writePkcs12({
    certificate: cert.der,
    privateKey: cert.key,
    password: PASSWORD,
    iterations: 1,
  });
  // Self-built: BER (as Windows writes it), which no tool here writes.
  samples.legacyBer = await buildPfx({
    certificates: [cert.der],
    key: cert.pkcs8,
    password: PASSWORD,
    ber: true,
    certEncryption: { kind: 'pkcs12-pbe', cipher: 'rc2-40', iterations: 1 },
    keyEncryption: { kind: 'pkcs12-pbe', cipher: '3des', iterations: 1 },
    mac: { kind: 'hmac', hash: 'sha1', iterations: 1 },
  });
  // Made by OpenSSL: nothing encrypted, no MAC (test/fixtures/pkcs12/outside).
  samples.plain = readFileSync(join(import.meta.dirname, '../../../fixtures/pkcs12/outside/ec-not-encrypted.pfx'));
  return () => shutdownCertificateWorkers();
});

/** Open and classify: 'ok' or the error code; anything else (a crash, a hang) fails the test. */
async function outcome(bytes: Uint8Array): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('hang: no answer within 5 s')), 5_000);
  });
  try {
    await Promise.race([openPkcs12(bytes, PASSWORD), hang]);
    return 'ok';
  } catch (error) {
    if (!(error instanceof WorkbenchError) || !error.code.startsWith('pfx.'))
      throw new Error(`not a pfx.* WorkbenchError: ${String(error)}`, { cause: error });
    return error.code;
  } finally {
    clearTimeout(timer);
  }
}

/** Small deterministic PRNG so failures can be replayed. */
function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('corrupt input', () => {
  it('a file cut off at every offset is reported as truncated (or, for the first bytes, as not a PFX)', async () => {
    for (const [name, file] of Object.entries(samples)) {
      const codes = new Map<string, number>();
      for (let cut = 0; cut < file.length; cut++) {
        const code = await outcome(file.subarray(0, cut));
        codes.set(code, (codes.get(code) ?? 0) + 1);
        if (cut >= 7) expect([name, cut, code]).toEqual([name, cut, 'pfx.truncated']);
      }
      expect([...codes.keys()].every((c) => ['pfx.truncated', 'pfx.not_pkcs12', 'pfx.empty_file'].includes(c))).toBe(
        true,
      );
    }
  });

  it('a bit flipped anywhere gives a pfx.* error (or still opens), never a crash', async () => {
    const random = prng(12345);
    const seen = new Set<string>();
    for (const file of Object.values(samples)) {
      for (let offset = 0; offset < file.length; offset++) {
        const damaged = Buffer.from(file);
        damaged[offset] = damaged[offset]! ^ (1 << Math.floor(random() * 8));
        seen.add(await outcome(damaged));
      }
    }
    expect(seen.has('pfx.corrupt') || seen.has('pfx.wrong_password')).toBe(true);
  });

  it('random bytes, with and without a PFX-like start, give pfx.* errors', async () => {
    const random = prng(777);
    const header = samples.modern!.subarray(0, 24);
    for (let i = 0; i < 400; i++) {
      const length = 1 + Math.floor(random() * 600);
      const bytes = Buffer.alloc(length);
      for (let j = 0; j < length; j++) bytes[j] = Math.floor(random() * 256);
      if (i % 2 === 0) header.copy(bytes, 0, 0, Math.min(length, header.length));
      expect(await outcome(bytes)).toMatch(/^pfx\./);
    }
  });

  it('splices of two valid files give pfx.* errors', async () => {
    const a = samples.modern!;
    const b = samples.legacyBer!;
    for (let at = 8; at < Math.min(a.length, b.length); at += 13) {
      const spliced = Buffer.concat([a.subarray(0, at), b.subarray(at)]);
      expect(await outcome(spliced)).toMatch(/^(ok|pfx\.)/);
    }
  });
});
