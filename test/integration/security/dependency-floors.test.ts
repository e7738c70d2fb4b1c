// Offline stand-in for `npm audit --omit=dev` (the advisory service answers 405 here): every shipped copy of a package
// with a known advisory is at or above the version that fixed it (security/advisory-floors.json).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const lock = JSON.parse(readFileSync(resolve(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; dev?: boolean }>;
};
const { floors } = JSON.parse(readFileSync(resolve(root, 'security/advisory-floors.json'), 'utf8')) as {
  floors: Array<{ package: string; minimum: string; advisories: string[]; use: string }>;
};

/** -1, 0 or 1 for two x.y.z versions (a pre-release counts as below its release). */
function compare(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = '', pre] = v.split('-', 2);
    return { parts: core.split('.').map(Number), pre: pre !== undefined };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return x.pre === y.pre ? 0 : x.pre ? -1 : 1;
}

/** Every installed copy of a package that ships (not a dev dependency), with its lockfile path. */
function shippedCopies(name: string): Array<{ path: string; version: string }> {
  return Object.entries(lock.packages)
    .filter(([path, entry]) => path.endsWith(`node_modules/${name}`) && !entry.dev && entry.version)
    .map(([path, entry]) => ({ path, version: entry.version! }));
}

describe('shipped dependencies against known advisories', () => {
  it('compares versions the way npm does for releases and pre-releases', () => {
    expect(compare('1.4.3', '1.4.0')).toBe(1);
    expect(compare('1.3.9', '1.4.0')).toBe(-1);
    expect(compare('8.20.0', '8.18.0')).toBe(1);
    expect(compare('9.0.0', '9.0.0')).toBe(0);
    expect(compare('9.0.0-beta.1', '9.0.0')).toBe(-1);
  });

  it.each(floors.map((f) => [f.package, f] as const))(
    '%s is at or above the version that fixed its advisories',
    (_name, floor) => {
      const copies = shippedCopies(floor.package);
      expect(copies.length, `${floor.package} is not in package-lock.json any more: remove its floor`).toBeGreaterThan(
        0,
      );
      expect(copies.filter((c) => compare(c.version, floor.minimum) < 0)).toEqual([]);
      expect(floor.advisories.length).toBeGreaterThan(0);
      expect(floor.use.length).toBeGreaterThan(20);
    },
  );
});
