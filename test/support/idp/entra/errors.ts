// Error responses in the exact shape Microsoft Entra sends (token endpoint JSON and the browser error page).
import { randomUUID } from 'node:crypto';

/** An error the emulator returns: OAuth error, AADSTS number, text, HTTP status and optional suberror. */
export class EntraError extends Error {
  constructor(
    readonly error: string,
    readonly code: number,
    readonly text: string,
    readonly status = 400,
    readonly suberror?: string,
  ) {
    super(`AADSTS${code}: ${text}`);
  }
}

/** Entra's timestamp form: `2024-01-01 10:00:00Z`. */
export function entraTimestamp(date = new Date()): string {
  return `${date.toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** The JSON body of a token-endpoint error, as Entra formats it. */
export function errorBody(err: EntraError, origin: string, correlationId?: string): Record<string, unknown> {
  const traceId = randomUUID();
  const correlation = correlationId || randomUUID();
  const timestamp = entraTimestamp();
  const body: Record<string, unknown> = {
    error: err.error,
    error_description: `AADSTS${err.code}: ${err.text} Trace ID: ${traceId} Correlation ID: ${correlation} Timestamp: ${timestamp}`,
    error_codes: [err.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlation,
    error_uri: `${origin}/error?code=${err.code}`,
  };
  if (err.suberror) body.suberror = err.suberror;
  return body;
}

/** Escape text for HTML. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page Entra shows in the browser when it cannot send the user back to the app (e.g. AADSTS50011). */
export function errorPage(err: EntraError): string {
  const traceId = randomUUID();
  return page(
    'Sign in to your account',
    `<h1>Sorry, but we're having trouble signing you in.</h1>
<p id="error-text">AADSTS${err.code}: ${esc(err.text)}</p>
<p>Request Id: ${traceId}<br>Correlation Id: ${randomUUID()}<br>Timestamp: ${entraTimestamp()}</p>`,
  );
}

/** A minimal HTML page with no external resources. */
export function page(title: string, body: string, script = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title></head><body>${body}${script ? `<script>${script}</script>` : ''}</body></html>`;
}
