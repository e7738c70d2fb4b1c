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
});
