import { request as httpsRequest, Agent } from 'node:https';
import type { GraphMethod } from '../../shared/graph-apply';
import { caBundle } from '../signin/network-client';

/** One answer of Microsoft Graph: status, lower-case headers and the parsed JSON body (null when empty or not JSON). */
export interface GraphResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** A request that could not get an answer (DNS, TLS, refused, timeout). */
export class GraphNetworkFailure extends Error {
  constructor(
    readonly kind: 'timeout' | 'tls' | 'refused' | 'dns' | 'reset' | 'blocked' | 'too_large' | 'other',
    message: string,
  ) {
    super(message);
    this.name = 'GraphNetworkFailure';
  }
}

/** The seam every Graph request goes through; tests use the real one against the emulator. */
export interface GraphTransport {
  send(
    method: GraphMethod,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<GraphResponse>;
  close(): void;
}

/** Options of the HTTPS transport. */
export interface GraphHttpOptions {
  /** Extra CA certificates (PEM) on top of the system ones (a TLS-inspecting proxy's, or a test CA). */
  extraCaPem?: string | string[];
  /** Also trust the operating system's certificate store (the sign-in settings' choice). */
  systemCa?: boolean;
  /** Origin rewrite for tests, e.g. { 'https://graph.microsoft.us': 'https://127.0.0.1:4431' }. */
  rewrite?: Record<string, string>;
  timeoutMs?: number;
  maxResponseBytes?: number;
}

/** HTTPS to Microsoft Graph with a time limit, a size limit and the system CAs (plus extra ones). */
export class GraphHttp implements GraphTransport {
  private readonly agent: Agent;
  constructor(private readonly o: GraphHttpOptions = {}) {
    const extra = o.extraCaPem === undefined ? [] : Array.isArray(o.extraCaPem) ? o.extraCaPem : [o.extraCaPem];
    const ca = caBundle(extra, { system: o.systemCa === true });
    this.agent = new Agent({ keepAlive: true, timeout: 5_000, maxSockets: 4, ...(ca ? { ca } : {}) });
  }

  /** Where a URL really goes (the test rewrite applied). */
  target(url: string): URL {
    for (const [from, to] of Object.entries(this.o.rewrite ?? {}))
      if (url.startsWith(from)) return new URL(to + url.slice(from.length));
    return new URL(url);
  }

  send(
    method: GraphMethod,
    url: string,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<GraphResponse> {
    const target = this.target(url);
    if (target.protocol !== 'https:')
      return Promise.reject(
        new GraphNetworkFailure('blocked', `Microsoft Graph is only reached over https (${target.origin}).`),
      );
    const limit = this.o.timeoutMs ?? 30_000;
    const maxBytes = this.o.maxResponseBytes ?? 4 * 1024 * 1024;
    const all = { ...headers, ...(body !== undefined ? { 'content-length': String(Buffer.byteLength(body)) } : {}) };
    return new Promise((resolve, reject) => {
      let done = false;
      const finish = (f: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        f();
      };
      const req = httpsRequest(
        {
          method,
          hostname: target.hostname,
          port: target.port || undefined,
          path: target.pathname + target.search,
          headers: all,
          agent: this.agent,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size <= maxBytes) return void chunks.push(c);
            finish(() =>
              reject(new GraphNetworkFailure('too_large', `${target.host} sent more than ${maxBytes} bytes.`)),
            );
            req.destroy();
          });
          res.on('end', () => {
            const out: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
            const text = Buffer.concat(chunks).toString('utf8');
            let parsed: unknown = null;
            try {
              parsed = text ? JSON.parse(text) : null;
            } catch {
              parsed = null;
            }
            finish(() => resolve({ status: res.statusCode ?? 0, headers: out, body: parsed }));
          });
          res.on('error', (e) => finish(() => reject(classify(e))));
        },
      );
      const timer = setTimeout(() => {
        finish(() =>
          reject(
            new GraphNetworkFailure('timeout', `${target.host} did not answer within ${Math.round(limit / 1000)} s.`),
          ),
        );
        req.destroy();
      }, limit);
      req.on('error', (e) => finish(() => reject(classify(e))));
      req.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

function classify(err: NodeJS.ErrnoException): GraphNetworkFailure {
  const code = err.code ?? '';
  const kind =
    code === 'ECONNREFUSED'
      ? 'refused'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'dns'
        : code === 'ECONNRESET'
          ? 'reset'
          : /CERT|SELF_SIGNED|UNABLE_TO|TLS|SSL/i.test(code)
            ? 'tls'
            : 'other';
  return new GraphNetworkFailure(kind, err.message);
}
