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
});
