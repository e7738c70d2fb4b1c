// How much key-derivation work one PFX may ask for. A file states its own iteration counts and scrypt parameters,
// so a 1 KB file can ask for minutes of CPU or gigabytes of memory; every open is priced before any work starts.
import { HASH_SIZES, type HashName } from './kdf';

/**
 * Work units one open may spend (1 unit ≈ one PBKDF2-HMAC-SHA256 iteration, ~0.12 µs here). OpenSSL exports with
 * 2,000,000 iterations need 8 million (AES-256, SHA-256 MAC) and 14 million (3DES, SHA-1 MAC); a wrong non-ASCII
 * password with the app's empty/absent fallbacks on the 3DES one, 32 million. 8 parts × 10,000,000 need 80 million.
 */
export const WORK_BUDGET = 40_000_000;

/** SafeBags a file may hold, nested ones included (a Java truststore holds ~150 certificates). */
export const MAX_BAGS = 1_000;

/** scrypt's block size r: 8 is what every writer uses; r = 32 would let a small N ask for gigabytes. */
export const SCRYPT_MAX_BLOCK_SIZE = 8;

/** Memory of one scrypt derivation's table (128·N·r bytes): 64 MiB is N = 65,536 at r = 8, four times OpenSSL's default. */
export const SCRYPT_MAX_MEMORY = 64 * 1024 * 1024;

/** An open that has not finished after this long is stopped (a backstop: the budget keeps real files to seconds). */
export const OPEN_DEADLINE_MS = 60_000;

/** One key derivation, as the file states it. */
export type KdfSpec =
  | { kind: 'pbkdf2'; prf: HashName; salt: Uint8Array; iterations: number; length: number }
  | { kind: 'scrypt'; salt: Uint8Array; cost: number; blockSize: number; parallelization: number; length: number }
  | { kind: 'pkcs12'; hash: HashName; salt: Uint8Array; id: number; iterations: number; length: number };

// Relative cost of one round per output block, measured on x86-64 with Node 24 (bench/pfx-bombs.ts prints them):
// PBKDF2 runs in OpenSSL (SHA-256 has CPU instructions), the PKCS#12 KDF in this app's JavaScript worker.
const PBKDF2_WEIGHT: Record<HashName, number> = {
  md5: 2,
  sha1: 1,
  sha224: 1,
  sha256: 1,
  sha384: 3,
  sha512: 3,
  'sha512-224': 3,
  'sha512-256': 3,
};
const PKCS12_WEIGHT: Record<HashName, number> = {
  md5: 7,
  sha1: 1,
  sha224: 2,
  sha256: 2,
  sha384: 9,
  sha512: 9,
  'sha512-224': 9,
  'sha512-256': 9,
};
/** scrypt: units per N·r·p (N = 16,384, r = 8, p = 1 takes ~37 ms here, like 300,000 PBKDF2-SHA256 iterations). */
const SCRYPT_WEIGHT = 2.5;

/** Memory scrypt needs for these parameters, in bytes: its table (128·N·r) and its p blocks (128·r·p). */
export function scryptMemory(cost: number, blockSize: number, parallelization: number): number {
  return 128 * cost * blockSize + 128 * blockSize * parallelization;
}

/** True when scrypt's parameters stay within the block-size and memory caps (p ≤ 16 keeps its blocks under 16 KiB). */
export function scryptAllowed(cost: number, blockSize: number, parallelization: number): boolean {
  return blockSize <= SCRYPT_MAX_BLOCK_SIZE && parallelization <= 16 && 128 * cost * blockSize <= SCRYPT_MAX_MEMORY;
}

/** Work units of one derivation. */
export function kdfUnits(spec: KdfSpec): number {
  if (spec.kind === 'scrypt') return Math.ceil(spec.cost * spec.blockSize * spec.parallelization * SCRYPT_WEIGHT);
  const hash = spec.kind === 'pbkdf2' ? spec.prf : spec.hash;
  const blocks = Math.max(1, Math.ceil(spec.length / HASH_SIZES[hash].u));
  const weight = spec.kind === 'pbkdf2' ? PBKDF2_WEIGHT[hash] : PKCS12_WEIGHT[hash];
  return Math.max(1, spec.iterations) * blocks * weight;
}

/** Units spent so far in one open (shared by the retries of one request, e.g. the empty-password fallback). */
export class WorkMeter {
  private used = 0;

  constructor(readonly budget: number = WORK_BUDGET) {}

  get spent(): number {
    return this.used;
  }

  get remaining(): number {
    return Math.max(0, this.budget - this.used);
  }

  /** True when `units` more still fit. */
  fits(units: number): boolean {
    return this.used + units <= this.budget;
  }

  /** Book work that is about to start; the caller has checked that it fits. */
  charge(units: number): void {
    this.used += units;
  }
}
