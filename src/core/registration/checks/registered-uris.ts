import type { FindingDraft } from '../findings';
import { listWords } from '../findings';
import { isLoopbackHost, platformNames, splitUri } from '../redirect-uri';
import { hasToolkitPlaceholder } from '../placeholders';
import type { Check } from './check-context';

const maxUriLength = 256;
const forbiddenCharacters = /[!$'(),;]/;

/** Rules every registered redirect URI must follow (entra-docs reply-url.md), whatever the connection. */
export const checkRegisteredUris: Check = ({ app }) => {
  const out: FindingDraft[] = [];
  const httpElsewhere: string[] = [];
  const ipv6: string[] = [];
  const invalid: string[] = [];
  const loopbackByPath = new Map<string, string[]>();
  // Placeholders (${{TAB_ENDPOINT}}/auth-end.html) are judged once the toolkit fills them in.
  for (const r of app.redirectUris.filter((x) => !hasToolkitPlaceholder(x.uri))) {
    const split = splitUri(r.uri);
    if (!split) {
      if (!/^[a-z][a-z0-9+.-]*:\S+$/i.test(r.uri.trim())) invalid.push(`${r.uri} (not a URI)`);
      continue;
    }
    if (r.uri.length > maxUriLength)
      invalid.push(`${r.uri.slice(0, 60)}… (${r.uri.length} characters; at most ${maxUriLength})`);
    else if (forbiddenCharacters.test(split.path + split.query))
      invalid.push(`${r.uri} (contains one of ! $ ' ( ) , ;)`);
    else if (/\s/.test(r.uri.trim())) invalid.push(`${r.uri} (contains a space)`);
    if (split.scheme === 'http' && !isLoopbackHost(split.host)) httpElsewhere.push(r.uri);
    if (split.host === '[::1]') ipv6.push(r.uri);
    if (isLoopbackHost(split.host)) {
      const key = `${split.scheme}://${split.host}${split.path === '/' ? '' : split.path}${split.query}`;
      loopbackByPath.set(key, [...(loopbackByPath.get(key) ?? []), `${r.uri} (${platformNames[r.platform]})`]);
    }
  }
  if (httpElsewhere.length > 0) {
    out.push({
      code: 'redirect.http_not_localhost',
      message: `Redirect URIs must use https unless they point to localhost; these use http: ${listWords(httpElsewhere)}. Entra refuses them.`,
      fix: 'Edit each of these URIs to start with https:// (the site must answer on https), then Save.',
      blade: 'Authentication',
    });
  }
  if (ipv6.length > 0) {
    out.push({
      code: 'redirect.ipv6_loopback',
      message: `The IPv6 loopback address [::1] is not supported in redirect URIs: ${listWords(ipv6)}.`,
      fix: 'Replace [::1] with localhost (or 127.0.0.1 in the manifest), then Save.',
      blade: 'Authentication',
    });
  }
  if (invalid.length > 0) {
    out.push({
      code: 'redirect.invalid_uri',
      message: `These redirect URIs break Entra’s rules: ${invalid.join('; ')}.`,
      fix: 'Edit or remove them under Platform configurations, then Save.',
      blade: 'Authentication',
    });
  }
  for (const variants of loopbackByPath.values()) {
    if (variants.length < 2) continue;
    out.push({
      code: 'redirect.localhost_port_variants',
      message: `These loopback redirect URIs differ only by port: ${listWords(variants)}. Entra ignores the port on localhost, so it picks one of them arbitrarily — with that one’s platform behaviour.`,
      fix: 'Keep one of them (without a port), or tell them apart by path instead of port, then Save.',
      blade: 'Authentication',
    });
  }
  if (app.implicitAccessTokens === true || app.implicitIdTokens === true) {
    const which = [app.implicitAccessTokens ? 'Access tokens' : null, app.implicitIdTokens ? 'ID tokens' : null].filter(
      (x): x is string => x !== null,
    );
    out.push({
      code: 'redirect.implicit_grant_enabled',
      message: `The implicit grant is on (${listWords(which)}). The connection uses the authorization code flow and does not need it; turned on, it lets tokens travel in browser URLs.`,
      fix: `Under Implicit grant and hybrid flows clear ${listWords(which)}, then Save — unless another application of yours still relies on it.`,
      blade: 'Authentication',
    });
  }
  return out;
};

/** “Allow public client flows” against a connection that sends a client secret or certificate. */
export const checkPublicClientFlag: Check = ({ app, target }) => {
  if (target.auth === null || app.isFallbackPublicClient !== true) return [];
  return [
    {
      code: 'public_client.enabled_for_confidential',
      message:
        '“Allow public client flows” is on (isFallbackPublicClient / allowPublicClient), but the connection authenticates with a client secret or certificate. When Entra treats a request as coming from a public client it refuses the credential (AADSTS700025).',
      fix: 'Under Advanced settings set “Allow public client flows” to No, then Save.',
      blade: 'Authentication',
    },
  ];
};
