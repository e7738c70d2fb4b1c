// The duplicate-key scan reads JSON text that JSON.parse accepted; these are the texts that could trip a scanner.
import { describe, expect, it } from 'vitest';
import { findDuplicateKeys } from '../../../../src/core/registration/duplicate-keys';

describe('findDuplicateKeys', () => {
  it('finds nothing in JSON without repeats, however its strings are escaped', () => {
    const text = JSON.stringify({ a: 'say "a": 1, "a": 2', b: ['\\', '\\"', { a: 1 }], c: { a: { a: 1 } }, '"a"': 1 });
    expect(findDuplicateKeys(text)).toEqual([]);
  });

  it('treats keys that differ only in escaping as the same key, as JSON.parse does', () => {
    expect(findDuplicateKeys('{"a": 1, "\\u0061": 2}')).toEqual([
      { path: '', key: 'a', lines: [1, 1], sameValue: false },
    ]);
  });

  it('names nested objects by their path, list items by index, and compares values as written', () => {
    const text =
      '{\n "keyCredentials": [\n  {"usage": "Verify"},\n  {"usage": "Verify",\n   "usage": "Verify"}\n ],\n "web": {"x": {"y": 1}, "x": {"y": 1}}\n}';
    expect(findDuplicateKeys(text)).toEqual([
      { path: 'keyCredentials[1]', key: 'usage', lines: [4, 5], sameValue: true },
      { path: 'web', key: 'x', lines: [7, 7], sameValue: true },
    ]);
    expect(JSON.parse(text)).toBeTruthy();
  });

  it('stops at the limit', () => {
    const text = `{${Array.from({ length: 30 }, (_, i) => `"k${i}": {"a": 1, "a": 2}`).join(',')}}`;
    expect(findDuplicateKeys(text, 5)).toHaveLength(5);
  });

  it('reads scalars and empty containers at the top level', () => {
    for (const text of ['1', '"x"', 'null', '[]', '{}', ' [ {} , [] ] ']) expect(findDuplicateKeys(text)).toEqual([]);
  });
});
