// The `gcw ui` host: the built renderer and the contract over HTTP on 127.0.0.1 and [::1], for the one person who
// holds this run's link. POST /api/<method> runs the same dispatcher as Electron's IPC; GET /api/events streams events.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import type { Dispatcher } from '../core/app/dispatcher';
import type { Logger } from '../core/log/logger';
import { resolveAppFile } from '../core/os/app-files';
import { eventNames, methodNames } from '../shared/contract';
import type { WorkbenchHost } from '../shared/contract/build-api';
import type { Result } from '../shared/result';
import { AccessControl, placeRefusal, type Refusal } from './access';
import { callEffects, type CallEffects } from './call-effects';
import { EventStreams } from './event-stream';
import { cspFromHtml, securityHeaders } from './headers';
import { injectClient, signInPage } from './pages';

/** The largest request body: a 10 MB manifest and a 10 MB PFX as base64 in one verify.run, with room to spare. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface WebHostOptions {
  dispatcher: Dispatcher;
  /** The built renderer (index.html and assets/). */
  rendererDir: string;
  /** The built client scripts (client.js: window.workbench over HTTP; login.js: the token exchange). */
  clientDir: string;
  log: Logger;
  /** 0 (default) for a random free port. */
  port?: number;
  /** Stop after this long without a request (none in flight); 0 never. */
  idleMs?: number;
  /** What window.workbench.host says: `browser` in `gcw ui`; tests of the desktop app's dialog paths say `desktop`. */
  host?: WorkbenchHost;
  /** Called once the link's token has been exchanged (gcw ui then deletes its redirect file). */
  onSession?: () => void;
}

/** Why a host stopped. */
export type StopReason = 'idle' | 'stopped';

export interface WebHost {
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The link to open: the origin with this run's one-time token in the fragment (never sent to a server). */
  link: string;
  /** Where it listens, e.g. ['127.0.0.1', '::1'] (IPv6 only where the machine has it). */
  addresses: string[];
  /** Send an event to every open page. */
  emit(name: string, payload: unknown): void;
  /** Event streams opened so far and open now (tests wait for a page's stream). */
  streams(): { opened: number; open: number };
  /** Resolves once the host has stopped, with why. */
  stopped: Promise<StopReason>;
  stop(reason?: StopReason): Promise<void>;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once('error', onError);
    server.listen({ port, host, exclusive: true }, () => {
      server.off('error', onError);
      resolve();
    });
  });
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

/** Bind 127.0.0.1 and [::1] to one port; a random port taken on IPv6 is tried again, a machine without IPv6 keeps IPv4. */
async function bindLoopback(
  makeServer: () => Server,
  port: number,
): Promise<{ servers: Server[]; port: number; addresses: string[] }> {
  for (let attempt = 0; ; attempt++) {
    const v4 = makeServer();
    await listen(v4, port, '127.0.0.1');
    const chosen = (v4.address() as AddressInfo).port;
    const v6 = makeServer();
    try {
      await listen(v6, chosen, '::1');
      return { servers: [v4, v6], port: chosen, addresses: ['127.0.0.1', '::1'] };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT')
        return { servers: [v4], port: chosen, addresses: ['127.0.0.1'] };
      await close(v4);
      // Someone holds [::1] on the port 127.0.0.1 gave us: never serve half the loopback, take another port.
      if (code === 'EADDRINUSE' && port === 0 && attempt < 10) continue;
      throw error;
    }
  }
}

function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    req.on('end', () => resolve(over ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Start the host; resolves once it listens. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const indexPath = join(options.rendererDir, 'index.html');
  let indexHtml: string;
  try {
    indexHtml = readFileSync(indexPath, 'utf8');
  } catch {
    throw new Error(
      `The browser app is not built (${indexPath} is missing). Run npm run build:ui (npm install does it), then start gcw ui again.`,
    );
  }
  const csp = cspFromHtml(indexHtml);
  const headers = securityHeaders(csp);
  const appPage = injectClient(indexHtml, {
    methods: methodNames,
    events: eventNames,
    host: options.host ?? 'browser',
  });
  const loginPage = signInPage(csp);
  const streams = new EventStreams();
  const idleMs = options.idleMs ?? 0;
  let lastActivity = Date.now();
  let inFlight = 0;
  let access: AccessControl | null = null;

  const send = (res: ServerResponse, status: number, type: string, body: string | Buffer) => {
    res.writeHead(status, { ...headers, 'content-type': type }).end(body);
  };
  const sendJson = (res: ServerResponse, status: number, value: unknown) =>
    send(res, status, 'application/json; charset=utf-8', JSON.stringify(value));
  const apiFailure = (res: ServerResponse, status: number, code: string, message: string) =>
    sendJson(res, status, { result: { ok: false, error: { code, message } } });
  const refuse = (req: IncomingMessage, res: ServerResponse, refusal: Refusal) => {
    options.log.warn('gcw ui refused a request', {
      method: req.method,
      path: (req.url ?? '').split(/[?#]/)[0]?.slice(0, 100),
      status: refusal.status,
      reason: refusal.reason,
    });
    const message =
      refusal.status === 401
        ? 'This browser has no session with gcw ui. Open the link gcw ui printed.'
        : 'Refused: this request does not come from the Workbench page.';
    sendJson(res, refusal.status, { result: { ok: false, error: { code: 'host.unauthorized', message } } });
  };
  const sendFile = async (res: ServerResponse, file: string) => {
    try {
      send(res, 200, types[extname(file)] ?? 'application/octet-stream', await readFile(file));
    } catch {
      send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    }
  };

  const callApi = async (req: IncomingMessage, res: ServerResponse, method: string) => {
    if (!/^application\/json(\s*;|$)/i.test(req.headers['content-type'] ?? '')) {
      return apiFailure(
        res,
        415,
        'ipc.invalid_input',
        'A contract call is a POST with a JSON body (Content-Type: application/json).',
      );
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (body === 'too-large')
      return apiFailure(
        res,
        413,
        'ipc.invalid_input',
        `The request is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`,
      );
    let input: unknown;
    try {
      input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return apiFailure(res, 400, 'ipc.invalid_input', `The request to ${method.slice(0, 100)} was not JSON.`);
    }
    const effects: CallEffects = {};
    const result: Result<unknown> = await callEffects.run(effects, () => options.dispatcher.call(method, input));
    sendJson(res, 200, effects.clipboard === undefined ? { result } : { result, clipboard: effects.clipboard });
  };

  const route = async (req: IncomingMessage, res: ServerResponse, control: AccessControl) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    const unsafe = req.method !== 'GET' && req.method !== 'HEAD';
    const isPublic =
      (req.method === 'GET' && (path === '/' || path === '/index.html' || path === '/gcw/login.js')) ||
      (req.method === 'POST' && path === '/gcw/session');
    const place = placeRefusal(req.headers, control.port, { requireOrigin: unsafe, sameOriginOnly: !isPublic });
    if (place) return refuse(req, res, place);
    if (req.method === 'GET' && (path === '/' || path === '/index.html')) {
      // The app itself only for the session holder, opened by them (not a navigation from another site or port).
      const own = placeRefusal(req.headers, control.port, { requireOrigin: false, sameOriginOnly: true }) === null;
      return send(res, 200, types['.html']!, own && control.hasSession(req.headers) ? appPage : loginPage);
    }
    if (req.method === 'GET' && path === '/gcw/login.js') return sendFile(res, join(options.clientDir, 'login.js'));
    if (req.method === 'POST' && path === '/gcw/session') {
      const body = await readBody(req, 4096);
      let token: unknown;
      try {
        token = body === 'too-large' ? null : (JSON.parse(body.toString('utf8')) as { token?: unknown }).token;
      } catch {
        token = null;
      }
      const session = control.exchange(token);
      if (!session) return refuse(req, res, { status: 401, reason: 'a wrong or already used token' });
      options.log.info('gcw ui: the link was opened; this browser now holds the session');
      options.onSession?.();
      res.writeHead(200, {
        ...headers,
        'content-type': 'application/json; charset=utf-8',
        'set-cookie': session.setCookie,
      });
      return res.end(JSON.stringify({ key: session.key }));
    }
    const isApi = path.startsWith('/api/');
    const refusal = control.sessionRefusal(req.headers, { needKey: isApi });
    if (refusal) return refuse(req, res, refusal);
    if (path === '/api/events') {
      if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return streams.add(res, headers);
    }
    if (isApi) {
      if (req.method !== 'POST') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
      return callApi(req, res, path.slice('/api/'.length));
    }
    if (req.method !== 'GET') return send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed');
    if (path === '/gcw/client.js') return sendFile(res, join(options.clientDir, 'client.js'));
    const file = resolveAppFile(options.rendererDir, `http://host${path}`);
    if (!file || file === indexPath) return send(res, 404, 'text/plain; charset=utf-8', 'Not found');
    return sendFile(res, file);
  };

  const makeServer = () =>
    createServer((req, res) => {
      lastActivity = Date.now();
      inFlight += 1;
      const done = () => {
        inFlight -= 1;
        lastActivity = Date.now();
      };
      // An event stream is not a request in flight: an open tab alone does not keep the host from its idle stop.
      if ((req.url ?? '').startsWith('/api/events')) done();
      else res.once('close', done);
      if (!access) return void res.writeHead(503).end();
      route(req, res, access).catch((error: unknown) => {
        options.log.error('gcw ui: a request failed', { error });
        if (!res.headersSent)
          sendJson(res, 500, {
            result: {
              ok: false,
              error: { code: 'internal.unexpected', message: 'Something went wrong inside the Workbench host.' },
            },
          });
        else res.end();
      });
    });

  const { servers, port, addresses } = await bindLoopback(makeServer, options.port ?? 0);
  const control = new AccessControl(port);
  access = control;
  const origin = `http://127.0.0.1:${port}`;

  let resolveStopped!: (reason: StopReason) => void;
  const stopped = new Promise<StopReason>((resolve) => (resolveStopped = resolve));
  let stopping: Promise<void> | null = null;
  let idleTimer: NodeJS.Timeout | null = null;
  const stop = (reason: StopReason = 'stopped') => {
    stopping ??= (async () => {
      if (idleTimer) clearInterval(idleTimer);
      streams.send('gcw.stopped', { reason });
      streams.closeAll();
      await Promise.all(servers.map(close));
      resolveStopped(reason);
    })();
    return stopping;
  };
  if (idleMs > 0) {
    idleTimer = setInterval(
      () => {
        if (inFlight === 0 && Date.now() - lastActivity >= idleMs) void stop('idle');
      },
      Math.max(50, Math.min(30_000, Math.floor(idleMs / 4))),
    );
  }

  return {
    port,
    origin,
    link: `${origin}/${control.fragment() ?? ''}`,
    addresses,
    emit: (name, payload) => streams.send(name, payload),
    streams: () => ({ opened: streams.opened, open: streams.size }),
    stopped,
    stop,
  };
}
