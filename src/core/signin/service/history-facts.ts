import type { SigninClientUsed, SigninHistoryEntry } from '../../../shared/contract/signin';
import type { AdminConsentResult, GraphProbeResult, SignInResult } from '../../../shared/signin';

/** The part of a history entry a finished test fills in. */
export type HistoryFacts = Pick<SigninHistoryEntry, 'summary' | 'user' | 'granted' | 'missing' | 'extra'>;

const CLIENT_WORDS: Record<SigninClientUsed, string> = {
  secret: 'the client secret',
  certificate: 'the certificate',
  none: 'no credential (public client)',
};

function permissionsLine(r: SignInResult): string {
  const p = r.permissions;
  const kind = p.kind === 'application' ? 'application' : 'delegated';
  if (p.required.length === 0)
    return `${p.granted.length} ${kind} permission(s) granted; the profile lists none to compare.`;
  const got = p.required.length - p.missing.length;
  return `${got} of ${p.required.length} required ${kind} permission(s) granted${p.missing.length ? `; missing: ${p.missing.join(', ')}` : ''}.`;
}

/** History facts of a successful sign-in, app-only or refresh test (claims only, never the token). */
export function resultFacts(result: SignInResult, client: SigninClientUsed): HistoryFacts {
  const user = result.claims?.user ?? result.account?.username ?? null;
  const what =
    result.flow === 'client-credentials'
      ? `App-only token with ${CLIENT_WORDS[client]}${result.certificateForm ? ` (${result.certificateForm === 'sha256' ? 'SHA-256' : 'SHA-1'} thumbprint form)` : ''}.`
      : result.flow === 'refresh'
        ? `The saved sign-in${user ? ` of ${user}` : ''} refreshed.`
        : `Signed in${user ? ` as ${user}` : ''} with ${CLIENT_WORDS[client]}.`;
  return {
    summary: `${what} ${permissionsLine(result)}`,
    user,
    granted: result.permissions.granted,
    missing: result.permissions.missing,
    extra: result.permissions.extra,
  };
}

/** History facts of an admin consent. */
export function consentFacts(consent: AdminConsentResult): HistoryFacts {
  const v = consent.verification;
  const verified = v
    ? ` Verified with an app-only token: ${permissionsLine(v)}`
    : consent.verificationNote
      ? ` ${consent.verificationNote}`
      : ' Not verified with a token.';
  return {
    summary: `Admin consent granted.${verified}`.slice(0, 2000),
    user: null,
    granted: v?.permissions.granted ?? [],
    missing: v?.permissions.missing ?? [],
    extra: v?.permissions.extra ?? [],
  };
}

/** History facts of a Graph probe. */
export function probeFacts(probe: GraphProbeResult, result: SignInResult): HistoryFacts {
  return {
    summary: `GET /${probe.target} answered HTTP ${probe.status}${probe.name ? ` (${probe.name})` : ''}.`,
    user: result.claims?.user ?? null,
    granted: result.permissions.granted,
    missing: result.permissions.missing,
    extra: result.permissions.extra,
  };
}
