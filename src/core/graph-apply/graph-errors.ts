import type { ErrorCode } from '../../shared/errors';
import { WorkbenchError } from '../errors';

/** What a Graph error code means and what to do, like the AADSTS catalogue. */
export interface GraphErrorEntry {
  graphCode: string;
  meaning: string;
  fix: string;
  code: ErrorCode;
}

/** Graph's error codes the app-registration requests meet, explained (Microsoft Graph "Error responses" and the directory error codes). */
export const graphErrorCatalogue: readonly GraphErrorEntry[] = [
  {
    graphCode: 'Authorization_RequestDenied',
    meaning:
      'Insufficient privileges: the signed-in account’s directory role, or the scopes consented for the management app, do not allow this change.',
    fix: 'Sign in with an account that holds the role named for this action (Application Administrator or Cloud Application Administrator to create or change apps; Privileged Role Administrator to grant application permissions), and make sure the management app was consented for the scope.',
    code: 'graph.denied',
  },
  {
    graphCode: 'Authorization_IdentityNotFound',
    meaning:
      'The signed-in identity is not known in this tenant (a guest from another directory, or the wrong tenant).',
    fix: 'Sign in with a member account of the tenant the app belongs to, or set the profile’s tenant to that directory.',
    code: 'graph.denied',
  },
  {
    graphCode: 'Request_BadRequest',
    meaning:
      'Graph refused the request body: a value has the wrong form, or a rule of the directory is broken (for example a redirect URI Entra does not accept, or too many permissions).',
    fix: 'Read Graph’s message below; correct the profile field it names, preview again and retry.',
    code: 'graph.bad_request',
  },
  {
    graphCode: 'Request_ResourceNotFound',
    meaning:
      'The object does not exist — or not yet: right after an application is created, other parts of the directory may not know it for a few seconds (replication).',
    fix: 'If the app was just created, wait a minute and retry; otherwise check the client ID and that you signed in to the right tenant and cloud.',
    code: 'graph.not_found',
  },
  {
    graphCode: 'Request_MultipleObjectsWithSameKeyValue',
    meaning: 'The object exists already (for example the service principal of this app, or the same consent).',
    fix: 'Nothing to create: fetch the app and verify it; the existing object is used.',
    code: 'graph.bad_request',
  },
  {
    graphCode: 'InvalidAuthenticationToken',
    meaning: 'The management token was refused: it expired, or it was issued for another cloud’s Graph.',
    fix: 'Sign in again (the management sign-in lasts about an hour and belongs to one cloud).',
    code: 'graph.unauthorized',
  },
  {
    graphCode: 'TooManyRequests',
    meaning:
      'Throttled: the tenant or the app sent too many requests (HTTP 429). Graph says how long to wait in Retry-After.',
    fix: 'The Workbench waited as asked and retried; try again in a few minutes.',
    code: 'graph.throttled',
  },
  {
    graphCode: 'ServiceUnavailable',
    meaning: 'Graph is busy or briefly unavailable (HTTP 503).',
    fix: 'Try again in a few minutes.',
    code: 'graph.throttled',
  },
];

/** The catalogue entry of a Graph error code. */
export function lookupGraphError(graphCode: string | null): GraphErrorEntry | undefined {
  return graphCode ? graphErrorCatalogue.find((e) => e.graphCode.toLowerCase() === graphCode.toLowerCase()) : undefined;
}

/** Graph's error object: `{ error: { code, message, innerError: { request-id } } }`. */
export function graphErrorOf(body: unknown): { code: string | null; message: string | null; requestId: string | null } {
  const error = body && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
  if (!error || typeof error !== 'object') return { code: null, message: null, requestId: null };
  const e = error as { code?: unknown; message?: unknown; innerError?: Record<string, unknown> };
  const requestId = e.innerError?.['request-id'];
  return {
    code: typeof e.code === 'string' ? e.code : null,
    message: typeof e.message === 'string' ? e.message : null,
    requestId: typeof requestId === 'string' ? requestId : null,
  };
}

/** A WorkbenchError for a Graph answer that failed, explained from the catalogue. */
export function graphFailure(
  what: string,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): WorkbenchError {
  const { code: graphCode, message, requestId } = graphErrorOf(body);
  const entry = lookupGraphError(graphCode) ?? byStatus(status);
  const code: ErrorCode = entry?.code ?? 'graph.failed';
  return new WorkbenchError(
    code,
    `Microsoft Graph refused ${what} (HTTP ${status}${graphCode ? `, ${graphCode}` : ''}). ${entry?.meaning ?? ''}${message ? ` Graph says: “${message.slice(0, 500)}”` : ''}`.trim(),
    {
      hint: entry?.fix ?? 'Read Graph’s message; if it repeats, copy the request id for Microsoft support.',
      details: {
        status,
        graphCode,
        graphMessage: message ? message.slice(0, 500) : null,
        requestId: requestId ?? headers['request-id'] ?? null,
        retryAfter: headers['retry-after'] ?? null,
      },
    },
  );
}

function byStatus(status: number): GraphErrorEntry | undefined {
  if (status === 401) return graphErrorCatalogue.find((e) => e.graphCode === 'InvalidAuthenticationToken');
  if (status === 403) return graphErrorCatalogue.find((e) => e.graphCode === 'Authorization_RequestDenied');
  if (status === 404) return graphErrorCatalogue.find((e) => e.graphCode === 'Request_ResourceNotFound');
  if (status === 429) return graphErrorCatalogue.find((e) => e.graphCode === 'TooManyRequests');
  if (status === 503) return graphErrorCatalogue.find((e) => e.graphCode === 'ServiceUnavailable');
  if (status === 400) return graphErrorCatalogue.find((e) => e.graphCode === 'Request_BadRequest');
  return undefined;
}
