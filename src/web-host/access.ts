// Who may use a `gcw ui` host: the person holding this run's link. The token in the URL fragment is exchanged once
// for an HttpOnly, SameSite=Strict session cookie and a request key the page keeps in its own origin's storage.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { REQUEST_KEY_HEADER } from './client/storage-keys';

/** Why a request is refused: 401 when it lacks the session, 403 when it comes from the wrong place. */
export interface Refusal {
  status: 401 | 403;
  reason: string;
}

// The page sends its request key in a custom header; from another origin that forces a CORS preflight, never answered.
export { REQUEST_KEY_HEADER } from './client/storage-keys';

const randomToken = () => randomBytes(32).toString('base64url');

function sameSecret(given: string | undefined, expected: string | null): boolean {
  if (!given || !expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The `Host` values a request may carry: the loopback names with this port (a DNS-rebinding page sends its own name). */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `[::1]:${port}`, `localhost:${port}`];
}

/**
 * Where a request comes from: the Host must be ours (DNS rebinding); an Origin, when sent, must be this very origin
 * (another port on 127.0.0.1 is another origin); `requireOrigin` for state-changing requests (a browser always sends
 * Origin on a POST). With `sameOriginOnly`, Sec-Fetch-Site must be same-origin or none (the user opened the link):
 * only the sign-in page is reached by other navigations, e.g. the local redirect file gcw ui opens the browser with.
 */
export function placeRefusal(
  headers: IncomingHttpHeaders,
  port: number,
  options: { requireOrigin: boolean; sameOriginOnly: boolean },
): Refusal | null {
  const host = headers.host;
  if (!host || !allowedHosts(port).includes(host.toLowerCase()))
    return { status: 403, reason: 'the Host header is not this loopback address' };
  const origin = headers.origin;
  if (origin === undefined) {
    if (options.requireOrigin) return { status: 403, reason: 'the request has no Origin' };
  } else if (origin.toLowerCase() !== `http://${host.toLowerCase()}`) {
    return { status: 403, reason: 'the Origin is another site' };
  }
  const site = headers['sec-fetch-site'];
  if (options.sameOriginOnly && site !== undefined && site !== 'same-origin' && site !== 'none')
    return { status: 403, reason: `the request is ${site}` };
  return null;
}

/** The value of one cookie in a Cookie header, or undefined. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The one session of a run: created by exchanging the token, which can be used once. */
export class AccessControl {
  /** The secret in the link's fragment; null once it has been exchanged. */
  private token: string | null = randomToken();
  private session: { id: string; key: string } | null = null;
  readonly cookieName: string;

  constructor(readonly port: number) {
    // Cookies are not isolated by port: a per-port name keeps two runs from replacing each other's session.
    this.cookieName = `gcw_session_${port}`;
  }

  /** The link's fragment (`#gcw-token=…`), while the token is unused. */
  fragment(): string | null {
    return this.token ? `#gcw-token=${this.token}` : null;
  }

  /** Exchange the token once: the Set-Cookie header and the request key; null for a wrong or already used token. */
  exchange(given: unknown): { setCookie: string; key: string } | null {
    if (typeof given !== 'string' || !sameSecret(given, this.token)) return null;
    this.token = null;
    this.session = { id: randomToken(), key: randomToken() };
    return {
      setCookie: `${this.cookieName}=${this.session.id}; HttpOnly; SameSite=Strict; Path=/`,
      key: this.session.key,
    };
  }

  /** Has the request the session cookie (and, for the API, the request key)? */
  sessionRefusal(headers: IncomingHttpHeaders, options: { needKey: boolean }): Refusal | null {
    if (!sameSecret(cookieValue(headers.cookie, this.cookieName), this.session?.id ?? null))
      return { status: 401, reason: 'no valid session cookie' };
    if (options.needKey) {
      const key = headers[REQUEST_KEY_HEADER];
      if (!sameSecret(typeof key === 'string' ? key : undefined, this.session?.key ?? null))
        return { status: 401, reason: 'no valid request key' };
    }
    return null;
  }

  /** True once someone holds the session (a page that opens without it is shown the sign-in page). */
  hasSession(headers: IncomingHttpHeaders): boolean {
    return this.sessionRefusal(headers, { needKey: false }) === null;
  }
}
