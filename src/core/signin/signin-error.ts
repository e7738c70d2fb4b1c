import type { ErrorDetails } from '../../shared/result';
import type { SignInFlow } from '../../shared/signin';
import { WorkbenchError } from '../errors';
import { redactPatterns } from '../log/redact';
import { lookupAadsts } from './aadsts-catalogue';
import { type ParsedEntraError, parseEntraError } from './entra-error';
import type { RedirectPlatform } from './flow-support';
import type { NetworkLogEntry } from './network-client';

/** What the mapper knows about the attempt, to make the fix concrete. */
export interface SigninErrorContext {
  flow: SignInFlow;
  clientId?: string;
  tenant?: string;
  loginHost?: string;
  /** The redirect URI as it must be registered (e.g. http://localhost) and where. */
  registerRedirectUri?: string;
  redirectPlatform?: RedirectPlatform;
  /** The secret in the profile is GUID-shaped: probably the Secret ID. */
  secretLooksLikeId?: boolean;
  /** The network client's log, to explain network and discovery failures msal reduces to one code. */
  network?: { lastProblem(since?: number): NetworkLogEntry | null };
  logStart?: number;
}

const FLOW_WORDS: Record<SignInFlow, string> = {
  interactive: 'the sign-in',
  'public-client': 'the sign-in',
  'client-credentials': 'the app-only token request',
  'admin-consent': 'the admin consent',
  refresh: 'the saved sign-in',
};

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True when a client secret is shaped like a Secret ID (a GUID) rather than a secret value. */
export function looksLikeSecretId(secret: string): boolean {
  return GUID.test(secret.trim());
}

function idDetails(p: ParsedEntraError): ErrorDetails {
  const d: ErrorDetails = {};
  if (p.error) d.error = p.error;
  if (p.description) d.microsoftMessage = redactPatterns(p.description);
  if (p.traceId) d.traceId = p.traceId;
  if (p.correlationId) d.correlationId = p.correlationId;
  if (p.timestamp) d.timestamp = p.timestamp;
  if (p.suberror) d.suberror = p.suberror;
  return d;
}

function fromAadsts(p: ParsedEntraError & { aadsts: number }, ctx: SigninErrorContext, cause: unknown): WorkbenchError {
  const entry = lookupAadsts(p.aadsts);
  const interaction =
    ['interaction_required', 'consent_required', 'login_required'].includes(p.error ?? '') ||
    p.suberror === 'consent_required';
  const signInAgain = entry?.signInAgain ?? (p.error === 'invalid_grant' || interaction);
  let message = entry
    ? `Microsoft Entra refused ${FLOW_WORDS[ctx.flow]} (AADSTS${p.aadsts}): ${entry.meaning}`
    : `Microsoft Entra refused ${FLOW_WORDS[ctx.flow]} with AADSTS${p.aadsts}.`;
  let hint =
    entry?.fix ??
    `Look the code up at https://login.microsoftonline.com/error?code=${p.aadsts} and copy the diagnostics if you need help.`;
  if (p.aadsts === 7000215 && ctx.secretLooksLikeId) {
    message =
      'Microsoft Entra refused the client secret (AADSTS7000215): the profile holds a GUID, which is the Secret ID, not the secret Value.';
  }
  if ((p.aadsts === 50011 || p.aadsts === 70004) && ctx.registerRedirectUri) {
    hint = `Register ${ctx.registerRedirectUri} under "${ctx.redirectPlatform ?? 'Mobile and desktop applications'}" in the app registration's Authentication page (the port of a localhost address is ignored, the path is not). ${hint}`;
  }
  if ((p.aadsts === 90002 || p.aadsts === 90038) && ctx.loginHost) hint = `${hint} This test used ${ctx.loginHost}.`;
  const details: ErrorDetails = { aadsts: p.aadsts, signInAgain, ...idDetails(p) };
  if (entry) details.category = entry.category;
  if (ctx.secretLooksLikeId) details.secretLooksLikeId = true;
  return new WorkbenchError(`aadsts.${p.aadsts}`, message, { hint, details, cause });
}

function fromOAuth(p: ParsedEntraError, ctx: SigninErrorContext, cause: unknown): WorkbenchError {
  const error = p.error ?? 'unknown_error';
  const details: ErrorDetails = { ...idDetails(p) };
  const said = p.description ? ` The identity provider said: ${redactPatterns(p.description)}` : '';
  if (error === 'invalid_grant') {
    return new WorkbenchError(
      'signin.invalid_grant',
      `The identity provider no longer accepts ${FLOW_WORDS[ctx.flow]} (invalid_grant).${said}`,
      {
        hint: 'Sign in again: the saved sign-in was revoked, expired or belongs to another app.',
        details: { ...details, signInAgain: true },
        cause,
      },
    );
  }
  if (['interaction_required', 'login_required', 'consent_required'].includes(error)) {
    return new WorkbenchError(
      'signin.interaction_required',
      `The identity provider needs the user to sign in interactively (${error}).${said}`,
      {
        hint: 'Run the interactive sign-in test; accept any consent or MFA prompt.',
        details: { ...details, signInAgain: true },
        cause,
      },
    );
  }
  if (error === 'access_denied' || error === 'permission_denied') {
    return new WorkbenchError('signin.consent_declined', `The request was declined in the browser (${error}).${said}`, {
      hint: 'Run the test again and accept, or ask an administrator to grant admin consent.',
      details: { ...details, signInAgain: true },
      cause,
    });
  }
  return new WorkbenchError(
    'signin.server_error',
    `The identity provider refused ${FLOW_WORDS[ctx.flow]} (${error}).${said}`,
    {
      hint: 'Check the client ID, tenant and credential in the profile; copy the diagnostics if you need help.',
      details,
      cause,
    },
  );
}

function fromNetwork(entry: NetworkLogEntry, cause: unknown): WorkbenchError {
  const host = new URL(entry.url).host;
  const failure = entry.failure;
  const details: ErrorDetails = { url: entry.url, failure: failure?.kind ?? null, status: entry.status };
  if (failure?.kind === 'timeout') {
    return new WorkbenchError('signin.network', `${host} did not answer in time.`, {
      hint: 'Check the network connection or proxy, then try again.',
      details,
      cause,
    });
  }
  if (failure?.kind === 'tls') {
    return new WorkbenchError('signin.network', `The TLS certificate of ${host} is not trusted on this computer.`, {
      hint: "If your network inspects TLS traffic, trust the proxy's root CA: in the app, Sign-in tests → Test settings (the operating system's certificate store, or the root CA file); for the command line, point NODE_EXTRA_CA_CERTS at it.",
      details,
      cause,
    });
  }
  if (failure?.kind === 'refused' || failure?.kind === 'dns' || failure?.kind === 'reset') {
    return new WorkbenchError('signin.network', `${host} could not be reached.`, {
      hint: 'Check the sign-in host of the environment, the network connection and any proxy.',
      details,
      cause,
    });
  }
  return new WorkbenchError(
    'signin.network',
    `The request to ${host} failed${failure ? `: ${failure.message}` : ` with HTTP ${entry.status ?? '?'}`}.`,
    {
      hint: 'Check the network connection and the environment of the profile, then try again.',
      details,
      cause,
    },
  );
}

/** Turn anything a sign-in flow throws into a WorkbenchError with a catalogue code, fix and IDs. */
export function toSigninError(err: unknown, ctx: SigninErrorContext): WorkbenchError {
  if (err instanceof WorkbenchError) return err;
  const parsed = parseEntraError(err);
  if (parsed?.aadsts !== null && parsed?.aadsts !== undefined)
    return fromAadsts({ ...parsed, aadsts: parsed.aadsts }, ctx, err);
  if (parsed?.error) return fromOAuth(parsed, ctx, err);
  const msalCode =
    typeof (err as { errorCode?: unknown })?.errorCode === 'string' ? (err as { errorCode: string }).errorCode : null;
  const problem = ctx.network?.lastProblem(ctx.logStart) ?? null;
  if (problem?.aadsts) {
    // msal reduces discovery answers such as AADSTS90002 to endpoints_resolution_error; the log kept the code.
    return fromAadsts(
      {
        error: null,
        aadsts: problem.aadsts,
        errorCodes: [problem.aadsts],
        description: null,
        traceId: null,
        correlationId: null,
        timestamp: null,
        suberror: null,
      },
      ctx,
      err,
    );
  }
  if (problem?.failure || msalCode === 'network_error') {
    if (problem) return fromNetwork(problem, err);
    return new WorkbenchError('signin.network', 'The sign-in host could not be reached.', {
      hint: 'Check the network connection and proxy, then try again.',
      cause: err,
    });
  }
  if (
    msalCode === 'endpoints_resolution_error' ||
    msalCode === 'untrusted_authority' ||
    msalCode === 'authority_uri_insecure'
  ) {
    const where = ctx.loginHost ? `The sign-in host ${ctx.loginHost}` : 'The sign-in host';
    return new WorkbenchError(
      'signin.authority_invalid',
      `${where} did not describe tenant "${ctx.tenant ?? ''}" (${msalCode}).`,
      {
        hint: 'Check the tenant ID and the environment (cloud or Custom sign-in host) of the profile.',
        details: { msalError: msalCode },
        cause: err,
      },
    );
  }
  if ((err as { name?: unknown })?.name === 'ClientConfigurationError') {
    return new WorkbenchError(
      'signin.invalid_input',
      `The sign-in settings are not valid (${msalCode ?? 'configuration'}).`,
      {
        hint: 'Check the client ID, tenant, sign-in host and credential of the profile.',
        details: { msalError: msalCode },
        cause: err,
      },
    );
  }
  const text = err instanceof Error ? err.message : String(err);
  return new WorkbenchError('signin.unexpected', `Something unexpected stopped ${FLOW_WORDS[ctx.flow]}.`, {
    hint: 'Try again; if it repeats, copy the diagnostics for support.',
    details: { message: redactPatterns(text).slice(0, 500), ...(msalCode ? { msalError: msalCode } : {}) },
    cause: err,
  });
}

/** True when the failure means "sign in again" (revoked or expired refresh token, consent or MFA needed, …). */
export function needsSignInAgain(error: { code: string; details?: ErrorDetails | undefined }): boolean {
  return error.details?.signInAgain === true || error.code === 'signin.no_account';
}
