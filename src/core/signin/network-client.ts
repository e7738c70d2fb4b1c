import { readFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';
import * as tls from 'node:tls';
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';

/** Why a request failed before an answer could be read. */
export type NetworkFailureKind =
  'timeout' | 'tls' | 'refused' | 'dns' | 'reset' | 'blocked' | 'too_large' | 'not_json' | 'other';

/** One request the sign-in code made (no bodies, no headers, no query strings: nothing secret). */
export interface NetworkLogEntry {
  method: 'GET' | 'POST';
  /** Scheme, host and path as msal asked for it (before any test rewrite). */
  url: string;
  status: number | null;
  durationMs: number;
  /** The AADSTS number when the answer was an Entra error body. */
  aadsts: number | null;
  failure: { kind: NetworkFailureKind; message: string } | null;
}

/** Options of the sign-in network client. */
export interface NetworkClientOptions {
  /** Extra CA certificates (PEM) trusted on top of the system ones, e.g. a test CA or a TLS-inspecting proxy's. */
  extraCaPem?: string | string[];
  /** Also trust the operating system's certificate store (Windows store, macOS keychain, OpenSSL's paths on Linux). */
  systemCa?: boolean;
  /** Origin rewrite for tests, e.g. { 'https://login.microsoftonline.com': 'https://127.0.0.1:4431' }. */
  rewrite?: Record<string, string>;
  /** Hosts (host[:port]) requests may go to after rewriting; anything else fails as `blocked`. */
  allowedHosts?: string[];
  /** Time limit for each request, connect to last byte. Default 30 s. */
  timeoutMs?: number;
  /** Largest response body accepted. Default 1 MiB. */
  maxResponseBytes?: number;
  /** Called once per request with its log entry. */
  onRequest?: (entry: NetworkLogEntry) => void;
}

const LOG_LIMIT = 100;

type GetCa = (type: 'default' | 'system') => string[];
const getCa = (tls as { getCACertificates?: GetCa }).getCACertificates;

/**
 * The operating system's trusted root CAs (Node ≥ 22.15: `tls.getCACertificates('system')`; on Linux OpenSSL's
 * default file and folder, or SSL_CERT_FILE / SSL_CERT_DIR), or null where this Node cannot read them.
 */
export function systemCaCertificates(): string[] | null {
  return getCa ? getCa('system') : null;
}

/**
 * Node's CAs (bundled, plus NODE_EXTRA_CA_CERTS where the process got it), the OS store when asked, plus the given
 * ones; undefined keeps Node's defaults.
 */
export function caBundle(extra: string[], options: { system?: boolean } = {}): string[] | undefined {
  const system = options.system ? (systemCaCertificates() ?? []) : [];
  if (extra.length === 0 && system.length === 0) return undefined;
  // Node ≥ 22.15 returns the CAs it really uses (bundled + NODE_EXTRA_CA_CERTS); older Node needs the file read here.
  const defaults = getCa ? getCa('default') : [...tls.rootCertificates, ...readExtraCaFile()];
  return [...new Set([...defaults, ...system, ...extra])];
}

function readExtraCaFile(): string[] {
  const file = process.env.NODE_EXTRA_CA_CERTS;
  if (!file) return [];
  try {
    return [readFileSync(file, 'utf8')];
  } catch {
    return [];
  }
}

class NetworkFailure extends Error {
  constructor(
    readonly kind: NetworkFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'NetworkFailure';
  }
}

function classify(err: NodeJS.ErrnoException): NetworkFailureKind {
  const code = err.code ?? '';
  if (code === 'ECONNREFUSED') return 'refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'dns';
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'reset';
  if (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)|ERR_TLS|SSL/i.test(code)) return 'tls';
  return 'other';
}

/**
 * msal-node's network seam, used in production too: a time limit on every request (msal's default fetch has
 * none on POST), extra CAs, an optional origin rewrite for tests, and a request log without secrets.
 */
export class SigninNetworkClient implements INetworkModule {
  /** The most recent requests (at most 100); `mark()` positions stay valid after older ones are dropped. */
  readonly log: NetworkLogEntry[] = [];
  private dropped = 0;
  /** Whether this client trusts the operating system's certificate store (the sign-in settings show the choice). */
  readonly trustsSystemCa: boolean;
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;

  constructor(private readonly options: NetworkClientOptions = {}) {
    const extra =
      options.extraCaPem === undefined
        ? []
        : Array.isArray(options.extraCaPem)
          ? options.extraCaPem
          : [options.extraCaPem];
    this.trustsSystemCa = options.systemCa === true;
    const ca = caBundle(extra, { system: this.trustsSystemCa });
    // Keep-alive saves a TLS handshake per request; idle sockets close after 5 s and never hold the process open.
    this.agent = new Agent({
      keepAlive: true,
      timeout: 5_000,
      maxSockets: 8,
      maxFreeSockets: 2,
      ...(ca ? { ca } : {}),
    });
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.maxBytes = options.maxResponseBytes ?? 1024 * 1024;
  }

  /** GET, parsed as JSON (msal's contract). */
  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  /** POST, parsed as JSON (msal's contract). */
  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  /** Close idle connections now (e.g. before a CLI exits or when a test ends). */
  close(): void {
    this.agent.destroy();
  }

  /** A position in the request log (requests made so far), for `lastProblem` and `since`: a long-lived client drops old entries. */
  mark(): number {
    return this.dropped + this.log.length;
  }

  /** The requests made after position `mark` that are still kept. */
  since(mark: number): NetworkLogEntry[] {
    return this.log.slice(Math.max(0, mark - this.dropped));
  }

  /** The most recent failed or refused request since log position `since` (from `mark()`), if any. */
  lastProblem(since = 0): NetworkLogEntry | null {
    for (let i = this.log.length - 1; i >= Math.max(0, since - this.dropped); i -= 1) {
      const entry = this.log[i];
      if (entry && (entry.failure || (entry.status !== null && entry.status >= 400))) return entry;
    }
    return null;
  }

  /** Map an URL through the test rewrite table. */
  rewrite(url: string): string {
    for (const [from, to] of Object.entries(this.options.rewrite ?? {}))
      if (url.startsWith(from)) return to + url.slice(from.length);
    return url;
  }

  private record(entry: NetworkLogEntry): void {
    this.log.push(entry);
    if (this.log.length > LOG_LIMIT) {
      this.log.shift();
      this.dropped += 1;
    }
    this.options.onRequest?.(entry);
  }

  private async send<T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    const started = Date.now();
    const original = new URL(url);
    const entry: NetworkLogEntry = {
      method,
      url: `${original.origin}${original.pathname}`,
      status: null,
      durationMs: 0,
      aadsts: null,
      failure: null,
    };
    try {
      const target = new URL(this.rewrite(url));
      if (this.options.allowedHosts && !this.options.allowedHosts.includes(target.host)) {
        throw new NetworkFailure('blocked', `Requests to ${target.host} are not allowed here.`);
      }
      const limit = timeout && timeout > 0 ? Math.min(timeout, this.timeoutMs) : this.timeoutMs;
      const res = await this.exchange(method, target, options, limit);
      entry.status = res.status;
      let body: unknown;
      try {
        body = res.text ? JSON.parse(res.text) : {};
      } catch {
        throw new NetworkFailure(
          'not_json',
          `${target.host} answered with something that is not JSON (HTTP ${res.status}).`,
        );
      }
      entry.aadsts = aadstsOf(body);
      return { headers: res.headers, body: body as T, status: res.status };
    } catch (err) {
      const failure =
        err instanceof NetworkFailure
          ? err
          : new NetworkFailure(classify(err as NodeJS.ErrnoException), (err as Error).message);
      entry.failure = { kind: failure.kind, message: failure.message };
      throw failure;
    } finally {
      entry.durationMs = Date.now() - started;
      this.record(entry);
    }
  }

  private exchange(
    method: string,
    target: URL,
    options: NetworkRequestOptions | undefined,
    limit: number,
  ): Promise<{ status: number; headers: Record<string, string>; text: string }> {
    const body = method === 'POST' ? (options?.body ?? '') : undefined;
    const headers: Record<string, string> = { ...(options?.headers ?? {}) };
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const https = target.protocol === 'https:';
    return new Promise((resolve, reject) => {
      let done = false;
      const finish = (settle: () => void) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        settle();
      };
      const req = (https ? httpsRequest : httpRequest)(
        {
          method,
          hostname: target.hostname,
          port: target.port || undefined,
          path: target.pathname + target.search,
          headers,
          ...(https ? { agent: this.agent } : { agent: false }),
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size <= this.maxBytes) return void chunks.push(chunk);
            finish(() =>
              reject(new NetworkFailure('too_large', `${target.host} sent more than ${this.maxBytes} bytes.`)),
            );
            req.destroy();
          });
          res.on('end', () => {
            const out: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers))
              if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
            finish(() =>
              resolve({ status: res.statusCode ?? 0, headers: out, text: Buffer.concat(chunks).toString('utf8') }),
            );
          });
          res.on('error', (err) => finish(() => reject(err)));
          res.on('close', () =>
            finish(() =>
              reject(
                new NetworkFailure('reset', `${target.host} closed the connection before the answer was complete.`),
              ),
            ),
          );
        },
      );
      const timer = setTimeout(() => {
        finish(() =>
          reject(new NetworkFailure('timeout', `${target.host} did not answer within ${Math.round(limit / 1000)} s.`)),
        );
        req.destroy();
      }, limit);
      req.on('error', (err) => finish(() => reject(err)));
      req.end(body);
    });
  }
}

function aadstsOf(body: unknown): number | null {
  if (!body || typeof body !== 'object') return null;
  const codes = (body as { error_codes?: unknown }).error_codes;
  if (Array.isArray(codes) && typeof codes[0] === 'number') return codes[0];
  const description = (body as { error_description?: unknown }).error_description;
  const match = typeof description === 'string' ? /AADSTS(\d+)/.exec(description) : null;
  return match ? Number(match[1]) : null;
}
