import { describe, expect, it } from 'vitest';
import { WorkbenchError } from '../../../../src/core/errors';
import { cleanDescription, parseEntraError } from '../../../../src/core/signin/entra-error';
import type { NetworkLogEntry } from '../../../../src/core/signin/network-client';
import { looksLikeSecretId, needsSignInAgain, toSigninError } from '../../../../src/core/signin/signin-error';

const trace = '1b2c3d4e-0000-4000-8000-000000000001';
const corr = '1b2c3d4e-0000-4000-8000-000000000002';
const body = {
  error: 'invalid_client',
  error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'abc'.\r\nTrace ID: ${trace}\r\nCorrelation ID: ${corr}\r\nTimestamp: 2025-01-02 03:04:05Z`,
  error_codes: [7000215],
  timestamp: '2025-01-02 03:04:05Z',
  trace_id: trace,
  correlation_id: corr,
  error_uri: 'https://login.microsoftonline.com/error?code=7000215',
};

/** What msal-node 7 throws for that body (ServerError, message built by ResponseHandler). */
const serverError = Object.assign(new Error('invalid_client: …'), {
  name: 'ServerError',
  errorCode: 'invalid_client',
  errorMessage: `Error(s): 7000215 - Timestamp: 2025-01-02 03:04:05Z - Description: ${body.error_description} - Correlation ID: ${corr} - Trace ID: ${trace}`,
  subError: '',
  errorNo: '7000215',
  correlationId: corr,
});

describe('parseEntraError', () => {
  it('reads Entra JSON bodies', () => {
    expect(parseEntraError(body)).toEqual({
      error: 'invalid_client',
      aadsts: 7000215,
      errorCodes: [7000215],
      description: expect.stringMatching(/^AADSTS7000215: Invalid client secret provided\..*app 'abc'\.$/),
      traceId: trace,
      correlationId: corr,
      timestamp: '2025-01-02 03:04:05Z',
      suberror: null,
    });
  });

  it('reads msal ServerError and InteractionRequiredAuthError', () => {
    const fromMsal = parseEntraError(serverError);
    expect(fromMsal).toMatchObject({
      error: 'invalid_client',
      aadsts: 7000215,
      traceId: trace,
      correlationId: corr,
      timestamp: '2025-01-02 03:04:05Z',
    });
    expect(fromMsal?.description).toMatch(/^AADSTS7000215: .*'abc'\.$/);
    const interaction = {
      name: 'InteractionRequiredAuthError',
      errorCode: 'invalid_grant',
      errorMessage: 'AADSTS50173: The provided grant has expired.',
      subError: 'bad_token',
      errorNo: 50173,
      traceId: trace,
      timestamp: 't',
    };
    expect(parseEntraError(interaction)).toMatchObject({ aadsts: 50173, suberror: 'bad_token', traceId: trace });
  });

  it('reads callback parameters and pasted text; ignores what is not an IdP error', () => {
    expect(
      parseEntraError(
        new URLSearchParams({
          error: 'access_denied',
          error_subcode: 'cancel',
          error_description: 'AADSTS65004: User declined to consent to access the app.',
          state: 's',
        }),
      ),
    ).toMatchObject({
      error: 'access_denied',
      aadsts: 65004,
      suberror: 'cancel',
    });
    expect(
      parseEntraError(
        `Sorry. AADSTS50011: The redirect URI ... Trace ID: ${trace} Correlation ID: ${corr} Timestamp: 2025-01-02 03:04:05Z`,
      ),
    ).toMatchObject({ aadsts: 50011, traceId: trace, correlationId: corr });
    expect(parseEntraError({ error: 'invalid_grant', error_description: 'grant request is invalid' })).toMatchObject({
      aadsts: null,
      error: 'invalid_grant',
    });
    expect(parseEntraError(new Error('socket hang up'))).toBeNull();
    expect(
      parseEntraError({ name: 'ClientAuthError', errorCode: 'network_error', errorMessage: 'Network request failed' }),
    ).toBeNull();
    expect(parseEntraError(42)).toBeNull();
  });

  it('strips the trace/correlation/timestamp tail from descriptions', () => {
    expect(cleanDescription(body.error_description)).not.toContain('Trace ID');
  });
});

describe('toSigninError', () => {
  it('maps an AADSTS error to aadsts.<n> with the catalogue fix, IDs and Microsoft’s words', () => {
    const err = toSigninError(serverError, { flow: 'client-credentials' });
    expect(err.code).toBe('aadsts.7000215');
    expect(err.message).toContain('AADSTS7000215');
    expect(err.hint).toContain('Value');
    expect(err.details).toMatchObject({
      aadsts: 7000215,
      error: 'invalid_client',
      traceId: trace,
      correlationId: corr,
      signInAgain: false,
      category: 'client-credential',
    });
  });

  it('uses what it knows about the attempt: Secret ID, redirect URI to register, host of the cloud', () => {
    expect(toSigninError(body, { flow: 'interactive', secretLooksLikeId: true }).message).toContain('Secret ID');
    const redirect = toSigninError(
      { error: 'invalid_request', error_description: 'AADSTS50011: mismatch' },
      { flow: 'interactive', registerRedirectUri: 'http://localhost/cb', redirectPlatform: 'Web' },
    );
    expect(redirect.hint).toMatch(/^Register http:\/\/localhost\/cb under "Web"/);
    expect(
      toSigninError(
        { error: 'invalid_tenant', error_description: 'AADSTS90002: Tenant not found' },
        { flow: 'interactive', loginHost: 'login.microsoftonline.us' },
      ).hint,
    ).toContain('login.microsoftonline.us');
  });

  it('keeps unknown AADSTS codes with a lookup link', () => {
    const err = toSigninError(
      { error: 'invalid_request', error_description: 'AADSTS123456789: new thing' },
      { flow: 'interactive' },
    );
    expect(err.code).toBe('aadsts.123456789');
    expect(err.hint).toContain('error?code=123456789');
  });

  it('maps plain OAuth errors (no AADSTS) to signin.* codes', () => {
    const grant = toSigninError(
      {
        name: 'ServerError',
        errorCode: 'invalid_grant',
        errorMessage: 'Error(s): - Description: grant request is invalid - Correlation ID: x - Trace ID: y',
      },
      { flow: 'refresh' },
    );
    expect(grant.code).toBe('signin.invalid_grant');
    expect(needsSignInAgain(grant)).toBe(true);
    expect(toSigninError({ error: 'login_required' }, { flow: 'refresh' }).code).toBe('signin.interaction_required');
    expect(toSigninError({ error: 'access_denied' }, { flow: 'interactive' }).code).toBe('signin.consent_declined');
    expect(toSigninError({ error: 'temporarily_unavailable' }, { flow: 'interactive' }).code).toBe(
      'signin.server_error',
    );
  });

  it('explains network failures and discovery errors msal reduces to one code', () => {
    const entry = (partial: Partial<NetworkLogEntry>): NetworkLogEntry => ({
      method: 'GET',
      url: 'https://login.contoso.test/t/v2.0/.well-known/openid-configuration',
      status: null,
      durationMs: 1,
      aadsts: null,
      failure: null,
      ...partial,
    });
    const network = (e: NetworkLogEntry) => ({ lastProblem: () => e });
    const msalDiscovery = {
      name: 'ClientAuthError',
      errorCode: 'endpoints_resolution_error',
      errorMessage: 'Endpoints cannot be resolved',
    };
    expect(
      toSigninError(msalDiscovery, { flow: 'interactive', network: network(entry({ status: 400, aadsts: 90002 })) })
        .code,
    ).toBe('aadsts.90002');
    const tls = toSigninError(msalDiscovery, {
      flow: 'interactive',
      network: network(entry({ failure: { kind: 'tls', message: 'self-signed certificate' } })),
    });
    expect(tls.code).toBe('signin.network');
    expect(tls.message).toContain('login.contoso.test');
    expect(toSigninError(msalDiscovery, { flow: 'interactive', tenant: 't', loginHost: 'h' }).code).toBe(
      'signin.authority_invalid',
    );
    expect(
      toSigninError({ name: 'ClientAuthError', errorCode: 'network_error', errorMessage: '' }, { flow: 'interactive' })
        .code,
    ).toBe('signin.network');
    expect(
      toSigninError(
        { name: 'ClientConfigurationError', errorCode: 'invalid_authority_type', errorMessage: '' },
        { flow: 'interactive' },
      ).code,
    ).toBe('signin.invalid_input');
  });

  it('passes WorkbenchErrors through and wraps anything else as signin.unexpected without secrets', () => {
    const own = new WorkbenchError('signin.timeout', 'x');
    expect(toSigninError(own, { flow: 'interactive' })).toBe(own);
    const odd = toSigninError(new Error('boom client_secret=hunter2hunter2'), { flow: 'interactive' });
    expect(odd.code).toBe('signin.unexpected');
    expect(JSON.stringify(odd.details)).not.toContain('hunter2');
  });

  it('recognises a Secret ID', () => {
    expect(looksLikeSecretId('0f8fad5b-d9cb-469f-a165-70867728950e')).toBe(true);
    expect(looksLikeSecretId('Qx8~abc.def-0f8fad5b')).toBe(false);
  });
});
