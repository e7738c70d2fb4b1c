import type { GraphMethod, GraphRequestOutcome } from '../../shared/graph-apply';
import { WorkbenchError } from '../errors';
import { graphErrorOf, graphFailure } from './graph-errors';
import { GraphNetworkFailure, type GraphResponse, type GraphTransport } from './graph-http';

/** How long to wait, and how often to try again. */
export interface RetryPolicy {
  /** Throttling (429, 503): attempts in all, each after Retry-After seconds (capped). */
  throttleAttempts: number;
  maxRetryAfterSeconds: number;
  /** Replication delay right after a create: waits before each new attempt, in ms. */
  replicationBackoffMs: readonly number[];
  sleep: (ms: number) => Promise<void>;
}

/** Production defaults: three tries when throttled (Retry-After up to 60 s), replication retries after 1, 2, 4, 8 and 16 s. */
export const defaultRetry: RetryPolicy = {
  throttleAttempts: 3,
  maxRetryAfterSeconds: 60,
  replicationBackoffMs: [1000, 2000, 4000, 8000, 16000],
  sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
};

/** A request to send. */
export interface GraphCall {
  method: GraphMethod;
  url: string;
  body?: unknown;
  purpose: string;
  /** Retry 404 (and the 400 that means “the application is not known yet”) with backoff. */
  replicationRetry?: boolean;
}

/** Requests with the management token, retries for throttling and replication delay, and a log without bodies. */
export class GraphClient {
  readonly outcomes: GraphRequestOutcome[] = [];
  constructor(
    private readonly transport: GraphTransport,
    private readonly token: () => string,
    private readonly retry: RetryPolicy = defaultRetry,
  ) {}

  /** Send one request; a failed answer throws the catalogue's WorkbenchError (details carry Graph's code). */
  async call(c: GraphCall): Promise<GraphResponse> {
    const outcome: GraphRequestOutcome = {
      method: c.method,
      url: c.url,
      purpose: c.purpose,
      status: null,
      ok: false,
      graphCode: null,
      retries: 0,
    };
    this.outcomes.push(outcome);
    let throttled = 0;
    let replication = 0;
    for (;;) {
      let res: GraphResponse;
      try {
        res = await this.transport.send(
          c.method,
          c.url,
          this.headers(c.body !== undefined && c.body !== null),
          c.body !== undefined && c.body !== null ? JSON.stringify(c.body) : undefined,
        );
      } catch (err) {
        const failure =
          err instanceof GraphNetworkFailure ? err : new GraphNetworkFailure('other', (err as Error).message);
        throw new WorkbenchError(
          'graph.network',
          `Microsoft Graph could not be reached for ${describe(c)}: ${failure.message}`,
          {
            hint:
              failure.kind === 'tls'
                ? 'A proxy may inspect TLS: trust its root CA in the app under Sign-in tests › Test settings (the OS certificate store or the root CA file), or set NODE_EXTRA_CA_CERTS for gcw.'
                : 'Check the network and the cloud’s Graph host, then try again.',
            details: { kind: failure.kind, url: c.url },
            cause: err,
          },
        );
      }
      outcome.status = res.status;
      outcome.graphCode = graphErrorOf(res.body).code;
      if (res.status >= 200 && res.status < 300) {
        outcome.ok = true;
        return res;
      }
      if ((res.status === 429 || res.status === 503) && throttled + 1 < this.retry.throttleAttempts) {
        throttled += 1;
        outcome.retries += 1;
        await this.retry.sleep(retryAfterMs(res.headers['retry-after'], this.retry.maxRetryAfterSeconds));
        continue;
      }
      if (c.replicationRetry && isReplicationDelay(res) && replication < this.retry.replicationBackoffMs.length) {
        await this.retry.sleep(this.retry.replicationBackoffMs[replication] ?? 1000);
        replication += 1;
        outcome.retries += 1;
        continue;
      }
      throw graphFailure(describe(c), res.status, res.body, res.headers);
    }
  }

  private headers(hasBody: boolean): Record<string, string> {
    return {
      authorization: `Bearer ${this.token()}`,
      accept: 'application/json',
      ...(hasBody ? { 'content-type': 'application/json' } : {}),
    };
  }
}

function describe(c: GraphCall): string {
  const path = new URL(c.url).pathname;
  return `${c.method} ${path}`;
}

/** Retry-After in seconds (or an HTTP date), capped; 5 s when absent. */
export function retryAfterMs(value: string | undefined, capSeconds: number): number {
  if (!value) return 5000;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.min(Math.max(seconds, 0), capSeconds) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? 5000 : Math.min(Math.max(date - Date.now(), 0), capSeconds * 1000);
}

/** 404 Request_ResourceNotFound, or the 400 Graph gives when a new app is not known yet where the request lands. */
export function isReplicationDelay(res: GraphResponse): boolean {
  const { code, message } = graphErrorOf(res.body);
  if (res.status === 404) return true;
  return (
    res.status === 400 &&
    code === 'Request_BadRequest' &&
    /does not reference a valid application object|does not exist|not found/i.test(message ?? '')
  );
}
