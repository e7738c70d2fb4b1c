import { describe, expect, it } from 'vitest';
import { lineAndColumn, locateJsonError } from '../../../../src/core/registration/json-position';

describe('locateJsonError', () => {
  it('accepts everything JSON.parse accepts', () => {
    const valid = [
      '{}',
      '[]',
      '0',
      '-1.5e+10',
      '"a\\u00e9\\n"',
      'true',
      'null',
      ' {"a":[1,{"b":null}],"c":"d"} ',
      '[[],[[]],{}]',
    ];
    for (const text of valid) {
      expect(() => JSON.parse(text)).not.toThrow();
      expect(locateJsonError(text), text).toBeNull();
    }
  });

  it('rejects everything JSON.parse rejects, at a position inside the text', () => {
    const invalid = [
      '{',
      '{"a"}',
      '{"a":}',
      '[1,]',
      '01',
      '+1',
      '.5',
      '"abc',
      "'a'",
      'tru',
      '{"a":1}}',
      '{,}',
      '[1 2]',
      '{"a" 1}',
      'NaN',
      '"\\x"',
      '"\\u12"',
      '/* c */ {}',
      '{"a":1,,"b":2}',
    ];
    for (const text of invalid) {
      expect(() => JSON.parse(text), text).toThrow();
      const where = locateJsonError(text);
      expect(where, text).not.toBeNull();
      expect(where!.offset).toBeGreaterThanOrEqual(0);
      expect(where!.offset).toBeLessThanOrEqual(text.length);
    }
  });

  it('agrees with V8 on the offset where V8 names one', () => {
    const samples = ['{"a":1,}', '{"a":1\n "b":2}', '[1,2', '{\n "a": 1\n}}', '{"a":"x\ny"}'];
    for (const text of samples) {
      let v8: number | null = null;
      try {
        JSON.parse(text);
      } catch (e) {
        const m = /position (\d+)/.exec((e as Error).message);
        v8 = m ? Number(m[1]) : null;
      }
      expect(v8, text).not.toBeNull();
      expect(locateJsonError(text)?.offset, text).toBe(v8);
    }
  });

  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\r\ncd', 5)).toEqual({ line: 2, column: 2 });
  });
});
