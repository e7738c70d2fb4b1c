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

  it('reports how many secrets and characters it holds', () => {
    const r = new Redactor();
    r.register('secret-one');
    r.register('second-secret');
    r.register('secret-one');
    expect(r.held).toEqual({ count: 2, chars: 23 });
  });
});
