import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../src/core/log/redact';

describe('redactor', () => {
  it('masks registered secrets, JWTs, private keys and secret parameters', () => {
    const r = new Redactor();
    r.register('my-client-secret-value');
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJl';
    const text = [
      'secret my-client-secret-value',
      `token ${jwt}`,
      '-----BEGIN PRIVATE KEY-----\nMIIabc\n-----END PRIVATE KEY-----',
      'body client_secret=abc123&refresh_token=xyz',
    ].join('\n');
    const out = r.redact(text);
    expect(out).not.toContain('my-client-secret-value');
    expect(out).not.toContain(jwt);
    expect(out).not.toContain('MIIabc');
    expect(out).not.toContain('abc123');
    expect(out).not.toContain('xyz');
  });

  it('masks long base64url runs (JWK key parameters, opaque tokens) as well as base64', () => {
    const r = new Redactor();
    const d = `${'Ab3_-x'.repeat(40)}Q`;
    const b64 = `${'Ab3+/x'.repeat(40)}Q==`;
    expect(r.redact(`{"d":"${d}"}`)).toBe('{"d":"[redacted base64]"}');
    expect(r.redact(`key ${b64} end`)).toBe('key [redacted base64] end');
    // Ordinary text, ids and short values stay readable.
    const plain = 'Signed in 3f0e2c1a-0000-4000-8000-1234567890ab with scope Files.Read.All';
    expect(r.redact(plain)).toBe(plain);
  });

  it('masks the longer secret whole when a shorter secret is part of it, whatever the order they were registered in', () => {
    const r = new Redactor();
    r.register('abcd1234');
    r.register('abcd1234-and-the-rest-of-the-long-secret');
    const out = r.redact('long abcd1234-and-the-rest-of-the-long-secret, short abcd1234');
    expect(out).toBe('long [redacted], short [redacted]');
  });

  it('masks a secret in the forms JSON, URLs and form bodies give it', () => {
    const r = new Redactor();
    const secret = 'pa"ss\\wörd\u0007 ~Ünï+/=';
    r.register(secret);
    const forms = [
      JSON.stringify({ password: secret }),
      JSON.stringify(secret).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
      JSON.stringify(secret).replace(
        /[\u0080-\uffff]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`,
      ),
      `https://example.test/?x=${encodeURIComponent(secret)}`,
      new URLSearchParams({ other: secret }).toString(),
    ];
    for (const text of forms) {
      const out = r.redact(text);
      expect(out, text).toContain('[redacted]');
      for (const piece of ['ss\\\\w', 'ss%5C', 'wörd', 'w\\u00f6rd', 'w\\u00F6rd', 'w%C3%B6rd'])
        expect(out, text).not.toContain(piece);
    }
  });

  it('the app log writes a registered secret with quotes and backslashes (JSON-escaped) nowhere', async () => {
    const { createTestHost } = await import('../../../support/test-context');
    const host = createTestHost();
    const secret = 'Quote"Back\\slash-Secret~42';
    host.ctx.log.redactor.register(secret);
    host.ctx.log.warn('tried', { value: secret, nested: { again: secret } });
    const line = host.logLines.at(-1) ?? '';
    expect(line).toContain('[redacted]');
    expect(line).not.toContain('Back\\\\slash');
    expect(line).not.toContain('Quote\\"Back');
  });
});
