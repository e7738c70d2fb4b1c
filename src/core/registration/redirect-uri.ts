import type { RegisteredRedirectUri } from '../../shared/registration';

/** A redirect URI split as written: the path keeps its letter case and its trailing slash. */
export interface SplitUri {
  scheme: string;
  host: string;
  port: string;
  path: string;
  query: string;
}

const uriPattern = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/(\[[^\]]*\]|[^/?#:]*)(?::(\d*))?([^?#]*)(\?[^#]*)?(#.*)?$/;

/** Split a URI; null when it has no scheme://host form (e.g. urn:ietf:wg:oauth:2.0:oob). */
export function splitUri(uri: string): SplitUri | null {
  const m = uriPattern.exec(uri.trim());
  if (!m) return null;
  return {
    scheme: (m[1] ?? '').toLowerCase(),
    host: (m[2] ?? '').toLowerCase(),
    port: m[3] ?? '',
    path: m[4] ?? '',
    query: m[5] ?? '',
  };
}

/** Hosts that are this machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
}

// The root path is returned with a slash whether or not one was registered (entra-docs reply-url.md), so '' ≡ '/'.
function samePath(a: string, b: string): boolean {
  return a === b || (a === '' && b === '/') || (a === '/' && b === '');
}

/** Exact match as Entra compares: scheme and host in any case, path and query exactly, port ignored on loopback hosts. */
export function sameRedirect(a: SplitUri, b: SplitUri): boolean {
  return (
    a.scheme === b.scheme &&
    a.host === b.host &&
    (a.port === b.port || isLoopbackHost(a.host)) &&
    samePath(a.path, b.path) &&
    a.query === b.query
  );
}

/** How a registered URI relates to the one a connection sends. */
export type RedirectMatch =
  | { kind: 'exact' }
  | { kind: 'wrong-platform'; found: RegisteredRedirectUri }
  | { kind: 'case'; found: RegisteredRedirectUri }
  | { kind: 'trailing-slash'; found: RegisteredRedirectUri }
  | { kind: 'scheme'; found: RegisteredRedirectUri }
  | { kind: 'ip-literal'; found: RegisteredRedirectUri }
  | { kind: 'missing' };

type Near = (want: SplitUri, have: SplitUri) => boolean;

// Same scheme, host, port (unless loopback) and query: only the path may differ.
const sameOrigin: Near = (w, h) =>
  w.scheme === h.scheme && w.host === h.host && (w.port === h.port || isLoopbackHost(w.host)) && w.query === h.query;

const nearMisses: Array<[Exclude<RedirectMatch['kind'], 'exact' | 'wrong-platform' | 'missing'>, Near]> = [
  ['case', (w, h) => sameOrigin(w, h) && w.path.toLowerCase() === h.path.toLowerCase() && w.path !== h.path],
  [
    'trailing-slash',
    (w, h) => sameOrigin(w, h) && w.path.replace(/\/+$/, '').toLowerCase() === h.path.replace(/\/+$/, '').toLowerCase(),
  ],
  ['scheme', (w, h) => w.scheme !== h.scheme && sameRedirect({ ...w, scheme: h.scheme, port: h.port }, h)],
  [
    'ip-literal',
    (w, h) => isLoopbackHost(w.host) && isLoopbackHost(h.host) && w.host !== h.host && samePath(w.path, h.path),
  ],
];

/**
 * Find the registered URI a connection's redirect URI matches on the platform it needs; otherwise the nearest
 * miss (another platform, letter case, trailing slash, http/https, 127.0.0.1 vs localhost).
 */
export function matchRedirect(
  wanted: string,
  platform: RegisteredRedirectUri['platform'],
  registered: RegisteredRedirectUri[],
): RedirectMatch {
  const want = splitUri(wanted);
  if (!want) return { kind: 'missing' };
  const split = registered
    .map((r) => ({ r, s: splitUri(r.uri) }))
    .filter((x): x is { r: RegisteredRedirectUri; s: SplitUri } => x.s !== null);
  if (split.some(({ r, s }) => r.platform === platform && sameRedirect(want, s))) return { kind: 'exact' };
  const elsewhere = split.find(({ s }) => sameRedirect(want, s));
  if (elsewhere) return { kind: 'wrong-platform', found: elsewhere.r };
  // Prefer a near miss on the right platform, then anywhere.
  const ordered = [
    ...split.filter((x) => x.r.platform === platform),
    ...split.filter((x) => x.r.platform !== platform),
  ];
  for (const [kind, near] of nearMisses) {
    const hit = ordered.find(({ s }) => near(want, s));
    if (hit) return { kind, found: hit.r };
  }
  return { kind: 'missing' };
}

/** The names the admin center gives the platforms. */
export const platformNames: Record<RegisteredRedirectUri['platform'], string> = {
  web: 'Web',
  spa: 'Single-page application',
  publicClient: 'Mobile and desktop applications',
};
