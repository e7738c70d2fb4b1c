import type { RedirectPlatform, RegisteredRedirectUri } from '../../../shared/registration';
import type { FindingDraft } from '../findings';
import { hasToolkitPlaceholder } from '../placeholders';
import { matchRedirect, platformNames, splitUri, type RedirectMatch } from '../redirect-uri';
import type { Check } from './check-context';

/** The web redirect URI a bring-your-own app needs, from the admin's domain. */
export function byoCallbackUri(domain: string): string {
  const host = domain
    .trim()
    .replace(/^https?:\/\//i, '')
    .replace(/\/+$/, '')
    .toLowerCase();
  return `https://${host}/provisioning_/callback`;
}

/** Redirect URIs the connection needs: the BYO callback under Web, and http://localhost for the sign-in test. */
export const checkRedirectUris: Check = ({ app, target }) => {
  // A trimmed copy without redirect URIs cannot show what is missing; its note says so.
  if (app.notInFile.includes('redirectUris')) return [];
  // A template's ${{TAB_ENDPOINT}}/auth-end.html is only known once the toolkit fills it in: compare the others.
  const registered = app.redirectUris.filter((r) => !hasToolkitPlaceholder(r.uri));
  const unresolved = app.redirectUris.filter((r) => hasToolkitPlaceholder(r.uri)).map((r) => r.uri);
  const out: FindingDraft[] = [];
  if (target.auth === 'byo-app') {
    if (target.domain && target.domain.trim() !== '') {
      const wanted = byoCallbackUri(target.domain);
      const match = matchRedirect(wanted, 'web', registered);
      out.push(...describeMatch(match, wanted, 'web', 'byo', registered));
    } else {
      const callbacks = registered
        .filter((r) => r.platform === 'web' && /\/provisioning_\/callback\/?$/i.test(r.uri))
        .map((r) => r.uri);
      out.push({
        code: 'redirect.byo_domain_unknown',
        message: `The profile has no domain, so the bring-your-own callback (https://{your domain}/provisioning_/callback) cannot be checked. ${callbacks.length > 0 ? `Registered under Web: ${callbacks.join(', ')}.` : 'No such callback is registered under Web.'}`,
        fix: 'Under Web › Redirect URIs make sure https://{your domain}/provisioning_/callback is listed, and add the domain to the profile to check it here.',
        blade: 'Authentication',
      });
    }
  }
  if (target.loopbackTest) {
    const confidential =
      (target.loopbackClient ?? (target.auth === null ? 'public' : 'confidential')) === 'confidential';
    const platform: RedirectPlatform = confidential ? 'web' : 'publicClient';
    const wanted = target.loopbackRedirectUri ?? 'http://localhost';
    out.push(
      ...describeMatch(
        matchRedirect(wanted, platform, registered),
        wanted,
        platform,
        confidential ? 'loopback-confidential' : 'loopback-public',
        registered,
      ),
    );
  }
  if (unresolved.length === 0) return out;
  return out.map((f) =>
    f.code === 'redirect.byo_callback_missing' || f.code === 'redirect.loopback_missing'
      ? {
          ...f,
          severity: 'warning' as const,
          message: `${f.message} ${unresolved.length === 1 ? 'One redirect URI holds a placeholder' : `${unresolved.length} redirect URIs hold placeholders`} (${unresolved.slice(0, 3).join(', ')}) and could not be compared until the toolkit fills ${unresolved.length === 1 ? 'it' : 'them'} in.`,
        }
      : f,
  );
};

type Purpose = 'byo' | 'loopback-confidential' | 'loopback-public';

function addSteps(uri: string, platform: RedirectPlatform): string {
  return `Under Platform configurations › ${platformNames[platform]} (Add a platform › ${platformNames[platform]} if it is not there yet) select Add URI, enter ${uri} exactly, then Save.`;
}

function purposeText(purpose: Purpose): string {
  if (purpose === 'byo') return 'The bring-your-own app’s callback';
  return 'The Workbench’s sign-in test';
}

function describeMatch(
  match: RedirectMatch,
  wanted: string,
  platform: RedirectPlatform,
  purpose: Purpose,
  registered: RegisteredRedirectUri[],
): FindingDraft[] {
  const who = purposeText(purpose);
  const blade = 'Authentication' as const;
  switch (match.kind) {
    case 'exact':
      return [];
    case 'missing': {
      const loopbackWithPath =
        purpose !== 'byo'
          ? registered.filter((r) => /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?\/[^/]/i.test(r.uri)).map((r) => r.uri)
          : [];
      return [
        {
          code: purpose === 'byo' ? 'redirect.byo_callback_missing' : 'redirect.loopback_missing',
          message: `${who} needs the redirect URI ${wanted} under ${platformNames[platform]}, but it is not registered${loopbackWithPath.length ? ` (the localhost URIs registered have a path — ${loopbackWithPath.join(', ')} — and the path must match exactly; only the port is ignored)` : ''}. Sign-in fails with AADSTS50011.`,
          fix: addSteps(wanted, platform),
          blade,
        },
      ];
    }
    case 'wrong-platform':
      return [
        {
          code: 'redirect.wrong_platform',
          message: `${match.found.uri} is registered under ${platformNames[match.found.platform]}, but ${who.charAt(0).toLowerCase()}${who.slice(1)} needs it under ${platformNames[platform]}. ${platformConsequence(match.found.platform, platform)}`,
          fix: wrongPlatformFix(match.found, wanted, platform, purpose),
          blade,
        },
      ];
    case 'case':
      return [
        {
          code: 'redirect.case_mismatch',
          message: `${who} sends ${wanted}, but the registered URI is ${match.found.uri}: redirect URIs are case-sensitive in their path, so Entra treats them as different (AADSTS50011).`,
          fix: `Edit the URI under ${platformNames[match.found.platform]} to ${wanted} (same letter case), then Save.`,
          blade,
        },
      ];
    case 'trailing-slash': {
      return [
        {
          code: 'redirect.trailing_slash',
          message: `${who} sends ${wanted}, but the registered URI is ${match.found.uri}: they differ by a trailing slash, and a URI with a path must match exactly (AADSTS50011).`,
          fix: `Edit the URI under ${platformNames[match.found.platform]} to ${wanted}, then Save.`,
          blade,
        },
      ];
    }
    case 'scheme':
      return [
        {
          code: 'redirect.scheme_mismatch',
          message: `${who} sends ${wanted}, but the registered URI is ${match.found.uri}: http and https are different URIs${purpose === 'byo' ? ', and the callback must use https' : ', and the local listener only speaks http'}.`,
          fix: addSteps(wanted, platform),
          blade,
        },
      ];
    case 'ip-literal':
      return [
        {
          code: 'redirect.loopback_ip_literal',
          message: `${who} sends ${wanted}, but only ${match.found.uri} is registered. Entra does not document localhost and 127.0.0.1 as the same host, so treat them as different URIs.`,
          fix: addSteps(wanted, platform),
          blade,
        },
      ];
  }
}

/**
 * Move or add, without telling the admin to remove a URI another client of the app (a single-page app, a desktop
 * app) may still need. Entra keeps each redirect URI on one platform ("Redirect URIs must have distinct values"), so
 * the very same text cannot be added under a second platform; a localhost URI that differs only by port can.
 */
function wrongPlatformFix(
  found: RegisteredRedirectUri,
  wanted: string,
  platform: RedirectPlatform,
  purpose: Purpose,
): string {
  const from = platformNames[found.platform];
  const add = addSteps(wanted, platform);
  const a = splitUri(found.uri);
  const b = splitUri(wanted);
  const sameText =
    a !== null &&
    b !== null &&
    a.scheme === b.scheme &&
    a.host === b.host &&
    a.port === b.port &&
    a.path === b.path &&
    a.query === b.query;
  if (!sameText) {
    return `Keep ${found.uri} under ${from} if another app still uses it, and add ${wanted} under ${platformNames[platform]}: ${add.charAt(0).toLowerCase()}${add.slice(1)} Entra ignores the port on localhost and may pick either entry, so if it still picks the ${from} one, give that URI a path of its own (for example ${found.uri.replace(/\/+$/, '')}/app).`;
  }
  const split =
    purpose === 'byo'
      ? 'use a separate app registration for the connection'
      : `give the other app a path of its own under ${from} (for example ${found.uri.replace(/\/+$/, '')}/app) and keep ${wanted} for the sign-in test`;
  return `If nothing else uses ${found.uri} under ${from}, remove it there, then ${add.charAt(0).toLowerCase()}${add.slice(1)} Entra keeps a redirect URI on one platform only, so it cannot be added under ${platformNames[platform]} while it stays under ${from}; if another app still needs it there, ${split}.`;
}

function platformConsequence(found: RedirectPlatform, needed: RedirectPlatform): string {
  if (found === 'publicClient' && needed === 'web')
    return 'Entra then treats the sign-in as a public client and refuses the client secret or certificate (AADSTS700025).';
  if (found === 'web' && needed === 'publicClient')
    return 'Entra then expects a client secret or certificate with the token request (AADSTS7000218).';
  if (found === 'spa')
    return 'Tokens for a single-page application can only be redeemed from a browser’s cross-origin request, which the connection does not make (AADSTS9002327).';
  return 'The platform decides how Entra treats the token request.';
}
