// The figures docs/security.md quotes, read from the document itself, so a test asserts the very number the doc
// states: when the code changes a count, the test fails until the doc says the new one.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const securityDoc = resolve(import.meta.dirname, '../../docs/security.md');

/** The number captured by `pattern`'s first group in docs/security.md (thousands separators allowed). */
export function securityDocFigure(pattern: RegExp): number {
  const match = pattern.exec(readFileSync(securityDoc, 'utf8'));
  if (!match?.[1]) throw new Error(`docs/security.md no longer says ${pattern}: update the test with the doc.`);
  return Number(match[1].replace(/,/g, ''));
}
