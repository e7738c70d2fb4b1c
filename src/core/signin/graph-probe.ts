import type { GraphProbeResult, GraphProbeTarget } from '../../shared/signin';
import { WorkbenchError } from '../errors';
import { normaliseHost } from './endpoints';
import type { SigninNetworkClient } from './network-client';
import { toSigninError } from './signin-error';

/** Options of the read-only Graph probe. */
export interface GraphProbeOptions {
  graphHost: string;
  accessToken: string;
  target: GraphProbeTarget;
  networkClient: SigninNetworkClient;
}

const NEEDS: Record<GraphProbeTarget, string> = {
  'me/drive': 'a delegated permission such as Files.Read or Files.Read.All (and a signed-in user)',
  'sites/root': 'Sites.Read.All (delegated or application) or a higher Sites permission',
};

/** GET /v1.0/me/drive or /v1.0/sites/root with the token, through the same network client. */
export async function probeGraph(o: GraphProbeOptions): Promise<GraphProbeResult> {
  const url = `https://${normaliseHost(o.graphHost)}/v1.0/${o.target}`;
  const logStart = o.networkClient.mark();
  let response;
  try {
    response = await o.networkClient.sendGetRequestAsync<Record<string, unknown>>(url, {
      headers: { authorization: `Bearer ${o.accessToken}`, accept: 'application/json' },
    });
  } catch (err) {
    throw toSigninError(err, { flow: 'interactive', network: o.networkClient, logStart });
  }
  const body = response.body ?? {};
  if (response.status >= 200 && response.status < 300) {
    return {
      target: o.target,
      url,
      status: response.status,
      name: typeof body.displayName === 'string' ? body.displayName : typeof body.name === 'string' ? body.name : null,
      webUrl: typeof body.webUrl === 'string' ? body.webUrl : null,
    };
  }
  const error = (body.error ?? {}) as { code?: unknown; message?: unknown; innerError?: { 'request-id'?: unknown } };
  const details = {
    status: response.status,
    graphCode: typeof error.code === 'string' ? error.code : null,
    graphMessage: typeof error.message === 'string' ? error.message : null,
    requestId:
      typeof error.innerError?.['request-id'] === 'string'
        ? error.innerError['request-id']
        : (response.headers['request-id'] ?? null),
  };
  if (response.status === 401 || response.status === 403) {
    throw new WorkbenchError(
      'signin.graph_denied',
      `Microsoft Graph refused GET /${o.target} (HTTP ${response.status}${details.graphCode ? `, ${details.graphCode}` : ''}).`,
      {
        hint: `This request needs ${NEEDS[o.target]}. Add it under API permissions, grant admin consent, then sign in again.`,
        details,
      },
    );
  }
  throw new WorkbenchError(
    'signin.graph_failed',
    `Microsoft Graph answered GET /${o.target} with HTTP ${response.status}${details.graphMessage ? `: ${details.graphMessage}` : ''}.`,
    {
      hint:
        o.target === 'me/drive' && response.status === 400
          ? '/me needs a signed-in user: probe /sites/root with an app-only token.'
          : 'Try again later; copy the diagnostics if it repeats.',
      details,
    },
  );
}
