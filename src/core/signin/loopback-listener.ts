import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { WorkbenchError } from '../errors';
import { listenOnAll, localhostAddresses } from './loopback-bind';
import { loopbackPage, pageHeaders } from './loopback-pages';
import { plural } from '../../shared/wording';

/** What the browser brought back to the redirect URI. */
export interface LoopbackResponse {
  /** Every parameter of the response (code, state, error, error_description, admin_consent, tenant, …). */
  params: Record<string, string>;
  mode: 'query' | 'form_post';
}

/** A request the listener turned away, for diagnostics and tests. */
export interface LoopbackRefusal {
  reason:
    | 'wrong_path'
    | 'wrong_state'
    | 'duplicate'
    | 'too_large'
    | 'bad_method'
    | 'bad_host'
    | 'bad_content_type'
    | 'no_response'
    | 'client_error'
    | 'too_many_connections';
  status: number;
}

/** Options of the loopback listener. */
export interface LoopbackOptions {
  /** The `state` sent in the request; only a response carrying exactly this value is accepted. */
  state: string;
  /** Path of the redirect URI; default `/`. Entra ignores the port of a loopback URI but not its path. */
  path?: string;
  /** Port to try first; a busy port falls back to a free one. Default: any free port. */
  preferredPort?: number;
  /** How long to wait for the browser. Default 5 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
  maxBodyBytes?: number;
  maxHeaderBytes?: number;
  /**
   * Open connections kept at once (default 32). One more closes the oldest connection that has no request in
   * progress, so a local flood cannot use up the process's file handles, and the newest connection (the browser's)
   * always gets in.
   */
  maxConnections?: number;
  /** Slow clients: time allowed for the request headers, and for the whole request. */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Text for the page shown after a good response. */
  successMessage?: string;
  /** Added to the timeout error's hint (e.g. which redirect URI must be registered). */
  timeoutHint?: string;
  onRefused?: (refusal: LoopbackRefusal) => void;
  /** Loopback addresses to listen on; default every address `localhost` reaches (127.0.0.1, ::1 and any other loopback the resolver gives). */
  addresses?: string[];
}

/** A listening redirect endpoint. */
export interface LoopbackListener {
  port: number;
  /** The addresses listened on, all on `port` (127.0.0.1 first; ::1 unless this computer has no IPv6). */
  addresses: string[];
  /** `http://localhost:<port><path>`: what Entra must know (registered as `http://localhost<path>`). */
  redirectUri: string;
  /** Settles once: the first valid response, or signin.timeout / signin.cancelled. */
  result: Promise<LoopbackResponse>;
  /** Stop listening and free the port (safe to call more than once). */
  close(): Promise<void>;
}

const FIVE_MINUTES = 5 * 60_000;

/**
 * Listen for the one authorization (or admin consent) response of a sign-in on every loopback address `localhost`
 * reaches, all on the same port, so no other local program can take the redirect on one of them (e.g. [::1]).
 */
export async function startLoopbackListener(options: LoopbackOptions): Promise<LoopbackListener> {
  const path = options.path ?? '/';
  if (!path.startsWith('/'))
    throw new WorkbenchError('signin.invalid_input', `The redirect path "${path}" must start with "/".`);
  if (!options.state) throw new WorkbenchError('signin.invalid_input', 'A sign-in needs a state value.');
  const maxBody = options.maxBodyBytes ?? 64 * 1024;
  const requestTimeout = options.requestTimeoutMs ?? 20_000;
  const sockets = new Set<Socket>();
  /** Sockets whose request is being read or answered right now. */
  const inFlight = new Set<Socket>();
  const maxConnections = options.maxConnections ?? 32;
  let settled = false;
  let port = 0;
  let resolveResult!: (r: LoopbackResponse) => void;
  let rejectResult!: (e: Error) => void;
  const result = new Promise<LoopbackResponse>((resolve, reject) => {
    resolveResult = resolve;
    rejectResult = reject;
  });
  // The caller may attach late; never let an early timeout or cancel surface as an unhandled rejection.
  result.catch(() => undefined);

  const refuse = (res: ServerResponse, refusal: LoopbackRefusal, title: string, line: string) => {
    options.onRefused?.(refusal);
    if (!res.headersSent) res.writeHead(refusal.status, pageHeaders);
    res.end(loopbackPage('refused', title, [line]));
  };

  const accept = (res: ServerResponse, params: Record<string, string>, mode: LoopbackResponse['mode']) => {
    settled = true;
    const failed = Boolean(params.error);
    const lines = failed
      ? [
          `Microsoft sent back an error: ${params.error}.`,
          ...(params.error_description ? [params.error_description] : []),
          'Go back to Graph Connection Workbench: it explains what to do next.',
        ]
      : [
          options.successMessage ??
            'Sign-in finished. You can close this tab and go back to Graph Connection Workbench.',
        ];
    res.writeHead(200, pageHeaders);
    res.end(
      loopbackPage(failed ? 'failure' : 'success', failed ? 'Sign-in did not finish' : 'Signed in', lines),
      () => void close(),
    );
    resolveResult({ params, mode });
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    inFlight.add(req.socket);
    res.once('close', () => inFlight.delete(req.socket));
    if (settled)
      return refuse(
        res,
        { reason: 'duplicate', status: 409 },
        'Already finished',
        'This sign-in already received its answer. Start a new test from Graph Connection Workbench.',
      );
    const host = (req.headers.host ?? '').toLowerCase();
    if (host !== `localhost:${port}` && host !== `127.0.0.1:${port}`) {
      return refuse(
        res,
        { reason: 'bad_host', status: 400 },
        'Wrong address',
        'This listener only answers on localhost.',
      );
    }
    const url = new URL(req.url ?? '/', `http://localhost:${port}`);
    if (url.pathname !== path)
      return refuse(
        res,
        { reason: 'wrong_path', status: 404 },
        'Not found',
        'This is not the sign-in redirect address.',
      );
    if (req.method === 'GET')
      return check(res, Object.fromEntries(url.searchParams), url.searchParams.getAll('state'), 'query');
    if (req.method !== 'POST')
      return refuse(
        res,
        { reason: 'bad_method', status: 405 },
        'Not allowed',
        'Only the sign-in answer is accepted here.',
      );
    if (
      (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() !== 'application/x-www-form-urlencoded'
    ) {
      return refuse(
        res,
        { reason: 'bad_content_type', status: 415 },
        'Not accepted',
        'The sign-in answer must be a form post.',
      );
    }
    if (Number(req.headers['content-length'] ?? 0) > maxBody) {
      refuse(
        res,
        { reason: 'too_large', status: 413 },
        'Too large',
        'The request is larger than a sign-in answer can be.',
      );
      req.socket.destroySoon();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) {
        req.removeAllListeners('data');
        refuse(
          res,
          { reason: 'too_large', status: 413 },
          'Too large',
          'The request is larger than a sign-in answer can be.',
        );
        req.socket.destroySoon();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > maxBody || res.writableEnded) return;
      const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
      check(res, Object.fromEntries(form), form.getAll('state'), 'form_post');
    });
  };

  const check = (
    res: ServerResponse,
    params: Record<string, string>,
    states: string[],
    mode: LoopbackResponse['mode'],
  ) => {
    if (!params.code && !params.error && !params.admin_consent) {
      return refuse(
        res,
        { reason: 'no_response', status: 400 },
        'Waiting for Microsoft',
        'This address waits for the answer from the sign-in page; there is nothing to show yet.',
      );
    }
    if (states.length !== 1 || states[0] !== options.state) {
      return refuse(
        res,
        { reason: 'wrong_state', status: 400 },
        'Not this sign-in',
        'This answer belongs to a different or older sign-in and was ignored. Finish the sign-in in the tab that Graph Connection Workbench opened.',
      );
    }
    accept(res, params, mode);
  };

  /** One server per address, all with the same handler, limits and connection bookkeeping. */
  const makeServer = (): Server => {
    const server = createServer(
      {
        maxHeaderSize: options.maxHeaderBytes ?? 16 * 1024,
        headersTimeout: options.headersTimeoutMs ?? 10_000,
        requestTimeout,
        connectionsCheckingInterval: Math.min(1000, requestTimeout),
        keepAliveTimeout: 1000,
      },
      handle,
    );
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.on('close', () => {
        sockets.delete(socket);
        inFlight.delete(socket);
      });
      if (sockets.size > maxConnections) {
        // Sets keep insertion order: the oldest idle connection goes first, a busy one only when all are busy.
        const others = [...sockets].filter((s) => s !== socket);
        const victim = others.find((s) => !inFlight.has(s)) ?? others[0];
        if (victim) {
          sockets.delete(victim);
          inFlight.delete(victim);
          victim.destroy();
        }
        options.onRefused?.({ reason: 'too_many_connections', status: 503 });
      }
    });
    server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
      options.onRefused?.({ reason: status === 431 ? 'too_large' : 'client_error', status });
      if (socket.writable)
        socket.end(
          `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : status === 408 ? 'Request Timeout' : 'Bad Request'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
        );
      socket.destroySoon();
    });
    return server;
  };

  const bound = await listenOnAll(
    makeServer,
    options.addresses ?? (await localhostAddresses()),
    options.preferredPort ?? 0,
  );
  port = bound.port;
  const servers = bound.servers;
  const redirectUri = `http://localhost:${port}${path === '/' ? '' : path}`;

  let closing: Promise<void> | null = null;
  let timer: NodeJS.Timeout | undefined = undefined;
  const onAbort = () => {
    if (settled) return;
    settled = true;
    rejectResult(
      new WorkbenchError('signin.cancelled', 'The sign-in was cancelled.', {
        hint: 'Start it again when you are ready.',
      }),
    );
    void close();
  };
  function close(): Promise<void> {
    if (closing) return closing;
    if (timer) clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    if (!settled) {
      settled = true;
      rejectResult(new WorkbenchError('signin.cancelled', 'The sign-in was stopped before the browser answered.'));
    }
    closing = Promise.all(
      servers.map(
        (server) =>
          new Promise<void>((resolve) => {
            server.close(() => resolve());
          }),
      ),
    ).then(() => undefined);
    for (const socket of sockets) socket.destroy();
    return closing;
  }

  const timeoutMs = options.timeoutMs ?? FIVE_MINUTES;
  timer = setTimeout(() => {
    if (settled) return;
    settled = true;
    const minutes =
      timeoutMs >= 60_000
        ? plural(Math.round(timeoutMs / 60_000), 'minute')
        : plural(Math.round(timeoutMs / 1000), 'second');
    rejectResult(
      new WorkbenchError('signin.timeout', `The browser did not come back to the Workbench within ${minutes}.`, {
        hint: options.timeoutHint ?? 'Finish the sign-in in the browser tab, or start the test again.',
        details: { redirectUri, timeoutSeconds: Math.round(timeoutMs / 1000) },
      }),
    );
    void close();
  }, timeoutMs);
  if (options.signal?.aborted) onAbort();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  return { port, addresses: bound.addresses, redirectUri, result, close };
}
