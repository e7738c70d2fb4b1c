// Seeded, reproducible mutation helpers for the parser fuzz runs.

/** A small seeded PRNG (mulberry32): the same seed gives the same inputs on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer in [0, n). */
export function pick(random: () => number, n: number): number {
  return Math.floor(random() * n);
}

/** One random byte-level mutation: bit flips, byte overwrite, insert, delete, truncate, duplicate a slice, or random bytes. */
export function mutateBytes(random: () => number, input: Uint8Array): Uint8Array {
  const bytes = Buffer.from(input);
  const at = pick(random, Math.max(1, bytes.length));
  switch (pick(random, 7)) {
    case 0: {
      const flips = 1 + pick(random, 4);
      for (let i = 0; i < flips; i++) {
        const p = pick(random, bytes.length);
        bytes[p] = bytes[p]! ^ (1 << pick(random, 8));
      }
      return bytes;
    }
    case 1:
      bytes[at] = pick(random, 256);
      return bytes;
    case 2:
      return Buffer.concat([
        bytes.subarray(0, at),
        Buffer.from([pick(random, 256), pick(random, 256)]),
        bytes.subarray(at),
      ]);
    case 3:
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.min(bytes.length, at + 1 + pick(random, 16)))]);
    case 4:
      return bytes.subarray(0, at);
    case 5: {
      const len = pick(random, 64);
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at, at + len), bytes.subarray(at)]);
    }
    default:
      return Buffer.from(Array.from({ length: pick(random, 512) }, () => pick(random, 256)));
  }
}

const oddValues: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  '',
  ' ',
  'null',
  '0000',
  '\u0000',
  '𝕏'.repeat(50),
  [],
  {},
  [null],
  { value: [] },
  'x'.repeat(5000),
];

/** One random structural mutation of a JSON value: drop, retype or replace a field somewhere in the tree. */
export function mutateJson(random: () => number, value: unknown, depth = 0): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || random() < 0.15) return oddValues[pick(random, oddValues.length)];
    const copy = [...value];
    const i = pick(random, copy.length);
    copy[i] = mutateJson(random, copy[i], depth + 1);
    if (random() < 0.1) copy.splice(pick(random, copy.length), 1);
    return copy;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 || (depth > 0 && random() < 0.1)) return oddValues[pick(random, oddValues.length)];
    const copy: Record<string, unknown> = Object.fromEntries(entries);
    const [key] = entries[pick(random, entries.length)]!;
    const roll = random();
    if (roll < 0.25) delete copy[key];
    else if (roll < 0.5) copy[key] = oddValues[pick(random, oddValues.length)];
    else copy[key] = mutateJson(random, copy[key], depth + 1);
    if (random() < 0.05) copy[`extra${pick(random, 100)}`] = oddValues[pick(random, oddValues.length)];
    return copy;
  }
  return random() < 0.5 ? oddValues[pick(random, oddValues.length)] : value;
}

/** One random text-level mutation (for JSON and base64 text): cut, splice, insert junk or change a character. */
export function mutateText(random: () => number, text: string): string {
  const at = pick(random, Math.max(1, text.length));
  switch (pick(random, 5)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + pick(random, 20));
    case 2:
      return (
        text.slice(0, at) +
        ['{', '}', '"', ',', '\\', '\n', '=', '-', '_', ' ', '\u00e9', '\uffff'][pick(random, 12)] +
        text.slice(at)
      );
    case 3:
      return text.slice(0, at) + String.fromCharCode(pick(random, 0x3000)) + text.slice(at + 1);
    default:
      return text + text.slice(0, pick(random, 200));
  }
}
