import { describe, expect, it } from 'vitest';
import { isAre, noun, plural, thousands, timeLeft } from '../../../src/shared/wording';

describe('wording', () => {
  it('counts nouns: 1 error, 2 errors, 0 notes, 1,000 files', () => {
    expect([
      plural(1, 'error'),
      plural(2, 'error'),
      plural(0, 'note'),
      plural(1000, 'file'),
      plural(2, 'entry', 'entries'),
    ]).toEqual(['1 error', '2 errors', '0 notes', '1,000 files', '2 entries']);
    expect([noun(1, 'scope'), noun(2, 'scope'), isAre(1), isAre(3)]).toEqual(['scope', 'scopes', 'is', 'are']);
    expect([0, 999, 1000, 600_000, 1_234_567, -2048, 1.5].map(thousands)).toEqual([
      '0',
      '999',
      '1,000',
      '600,000',
      '1,234,567',
      '-2,048',
      '1.5',
    ]);
  });

  it('says how long is left, and how long ago something expired, in a readable unit', () => {
    expect(timeLeft(59)).toBe('59 minutes left');
    expect(timeLeft(1)).toBe('1 minute left');
    expect(timeLeft(0)).toBe('expires now');
    expect(timeLeft(-5)).toBe('expired 5 minutes ago');
    expect(timeLeft(-3 * 60)).toBe('expired 3 hours ago');
    expect(timeLeft(-8576)).toBe('expired 5 days ago');
    expect(timeLeft(-6 * 24 * 60 - 10)).toBe('expired 6 days ago');
  });
});
