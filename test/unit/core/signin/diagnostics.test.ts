import { describe, expect, it } from 'vitest';
import { Redactor } from '../../../../src/core/log/redact';
import { signinDiagnostics } from '../../../../src/core/signin/diagnostics';
import { toSigninError } from '../../../../src/core/signin/signin-error';
import { createCachePlugin, memoryCachePersistence } from '../../../../src/core/signin/token-cache';

const trace = '1b2c3d4e-0000-4000-8000-000000000001';

describe('sign-in diagnostics', () => {
  it('lists code, AADSTS, Microsoft’s message, fix, IDs and requests — with secrets and tokens masked', () => {
    const error = toSigninError(
      {
        error: 'invalid_client',
        error_description: `AADSTS7000215: Invalid client secret provided. Trace ID: ${trace} Correlation ID: ${trace.replace('1b', '2c')} Timestamp: 2025-01-02 03:04:05Z`,
        trace_id: trace,
        correlation_id: trace.replace('1b', '2c'),
        timestamp: '2025-01-02 03:04:05Z',
        error_codes: [7000215],
      },
      { flow: 'client-credentials' },
    );
    const redactor = new Redactor();
    redactor.register('Qx8~super-secret-value');
    const text = signinDiagnostics(error, {
      flow: 'client-credentials',
      environment: 'office365',
      loginHost: 'login.microsoftonline.com',
      tenant: 'contoso.onmicrosoft.com',
      clientId: 'app-id',
      redirectUri: 'http://localhost?client_secret=Qx8~super-secret-value',
      requests: [
        {
          method: 'POST',
          url: 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token',
          status: 401,
          durationMs: 120,
          aadsts: 7000215,
          failure: null,
        },
      ],
      redactor,
      at: new Date('2025-01-02T03:04:06Z'),
    });
    expect(text).toContain('Workbench error: aadsts.7000215');
    expect(text).toContain('AADSTS: AADSTS7000215 (InvalidClientSecret)');
    expect(text).toContain(`Trace ID: ${trace}`);
    expect(text).toContain('Correlation ID: 2c2c3d4e');
    expect(text).toContain('Fix: In Certificates & secrets');
    expect(text).toContain(
      'POST https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token → HTTP 401 AADSTS7000215 in 120 ms',
    );
    expect(text).not.toContain('super-secret');
  });

  it('masks token-shaped text even without a redactor', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhYmMifQ.c2lnbmF0dXJlMTIz';
    const text = signinDiagnostics(
      { code: 'signin.unexpected', message: `failed with ${jwt}` },
      { flow: 'interactive' },
    );
    expect(text).not.toContain(jwt);
    expect(text).toContain('Workbench error: signin.unexpected');
  });
});

describe('token cache plugin', () => {
  it('loads before access and saves only when the cache changed', async () => {
    const persistence = memoryCachePersistence('{"Account":{}}');
    const plugin = createCachePlugin(persistence);
    const seen: string[] = [];
    const cache = { deserialize: (d: string) => seen.push(`in:${d}`), serialize: () => '{"Account":{"a":1}}' };
    await plugin.beforeCacheAccess({ tokenCache: cache, cacheHasChanged: false } as never);
    await plugin.afterCacheAccess({ tokenCache: cache, cacheHasChanged: false } as never);
    expect(persistence.data).toBe('{"Account":{}}');
    await plugin.afterCacheAccess({ tokenCache: cache, cacheHasChanged: true } as never);
    expect(persistence.data).toBe('{"Account":{"a":1}}');
    expect(seen).toEqual(['in:{"Account":{}}']);
  });
});
