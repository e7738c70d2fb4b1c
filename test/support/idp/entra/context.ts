// What every emulator handler receives: state, origin, the parsed request and response helpers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type EntraError, errorBody, errorPage } from './errors';
import type { EmulatorState } from './state';

/** One request the emulator served (no bodies, no secrets). */
export interface EmulatorRequestLog {
  method: string;
  path: string;
  grantType?: string;
  status?: number;
  error?: string;
}

/** Per-request context. */
export interface HandlerContext {
  state: EmulatorState;
  origin: string;
  graphResources: Set<string>;
  /** Hosts (host[:port]) accepted in a client assertion's `aud` besides the emulator's own. */
  aliasHosts: string[];
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  form: URLSearchParams;
  /** The raw request body (JSON for the Graph endpoints). */
  body: Buffer;
  log: EmulatorRequestLog;
}

/** Send JSON with Entra's headers. */
export function sendJson(ctx: HandlerContext, status: number, body: unknown): void {
  ctx.log.status = status;
  ctx.res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store, no-cache',
    'x-ms-request-id': crypto.randomUUID(),
  });
  ctx.res.end(JSON.stringify(body));
}

/** Send an Entra-shaped JSON error (token endpoint, discovery). */
export function sendEntraError(ctx: HandlerContext, err: EntraError): void {
  ctx.log.error = `AADSTS${err.code}`;
  sendJson(ctx, err.status, errorBody(err, ctx.origin, header(ctx, 'client-request-id')));
}

/** Send an HTML page. */
export function sendHtml(ctx: HandlerContext, status: number, html: string): void {
  ctx.log.status = status;
  ctx.res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  ctx.res.end(html);
}

/** Show Entra's browser error page (no redirect back to the app). */
export function sendErrorPage(ctx: HandlerContext, err: EntraError): void {
  ctx.log.error = `AADSTS${err.code}`;
  sendHtml(ctx, err.status, errorPage(err));
}

/** 302 to a location. */
export function redirect(ctx: HandlerContext, location: string): void {
  ctx.log.status = 302;
  ctx.res.writeHead(302, { location, 'cache-control': 'no-store' });
  ctx.res.end();
}

/** A request header as a single string. */
export function header(ctx: HandlerContext, name: string): string | undefined {
  const value = ctx.req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
