// The redactor's registry at its edges: secrets of 4 characters and more are masked, shorter ones (and empty
// values) are not registered (they would mask ordinary text), and `held` reports what is kept.
import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../src/core/log/redact';

describe('Redactor registry', () => {
  it('masks a registered secret of exactly 4 characters', () => {
    const r = new Redactor();
    r.register('wxyz');
    expect(r.redact('value wxyz here')).toBe('value [redacted] here');
  });

  it('does not register empty, missing or 3-character values', () => {
    const r = new Redactor();
    for (const v of ['', null, undefined, 'abc']) r.register(v);
    expect(r.held).toEqual({ count: 0, chars: 0 });
    expect(r.redact('abc and text')).toBe('abc and text');
  });

  it('a value under 4 characters is not registered in any form, though its JSON or URL forms are longer', () => {
    const r = new Redactor();
    // 'a b' is a%20b in a URL, 'é' is %C3%A9 and \u00e9, 'a"b' is a\"b in JSON: ordinary log text stays readable.
    for (const v of ['a b', 'é', 'a"b']) r.register(v);
    expect(r.held).toEqual({ count: 0, chars: 0 });
    const text = 'GET /files/a%20b?name=%C3%A9 {"q":"a\\"b","n":"\\u00e9"}';
    expect(r.redact(text)).toBe(text);
  });

  it('reports how many secrets and characters it holds', () => {
    const r = new Redactor();
    r.register('secret-one');
    r.register('second-secret');
    r.register('secret-one');
    expect(r.held).toEqual({ count: 2, chars: 23 });
  });
});
