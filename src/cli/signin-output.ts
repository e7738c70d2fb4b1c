import type { AppError } from '../shared/result';
import type { SignInResult, TokenClaimsSummary } from '../shared/signin';
import { timeLeft } from '../shared/wording';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes';
import type { CliIo } from './io';
import { printJson } from './output';

const BAD_INPUT = new Set([
  'signin.invalid_input',
  'signin.tenant_required',
  'signin.credential_missing',
  'signin.flow_not_offered',
  'signin.extra_ca_invalid',
  'signin.not_a_jwt',
  'cli.usage',
]);

/** True for failures that are the caller's input (exit 2), not a refused sign-in (exit 1). */
export function isBadInput(code: string): boolean {
  return BAD_INPUT.has(code) || /^(pfx|profile|file|cli)\./.test(code);
}

function expiryText(c: TokenClaimsSummary, rawExp: unknown): string | null {
  if (c.expiresAt === null)
    return rawExp === undefined ? null : `invalid date (exp: ${JSON.stringify(rawExp) ?? typeof rawExp})`;
  return `${c.expiresAt}${c.minutesLeft === null ? '' : ` (${timeLeft(c.minutesLeft)})`}`;
}

/**
 * The claims lines an admin reads, in the order of the issue: aud, tid, appid, appidacr, scp/roles, user, exp, ver.
 * `rawExp` is the token's own exp claim, shown when it is no date at all.
 */
export function claimLines(c: TokenClaimsSummary, rawExp?: unknown): string[] {
  const row = (label: string, value: string | null) => `  ${label.padEnd(14)} ${value ?? '—'}`;
  return [
    row('aud', c.aud),
    row('tid', c.tid),
    row('appid/azp', c.appId),
    row('appidacr', c.appIdAcr === null ? null : `${c.appIdAcr} (${c.credentialUsed})`),
    c.roles.length || c.tokenKind === 'app'
      ? row('roles', c.roles.join(' ') || '(none)')
      : row('scp', c.scopes.join(' ') || '(none)'),
    row('upn', c.user),
    row('exp', expiryText(c, rawExp)),
    row('ver', c.ver),
  ];
}

/** Print a successful sign-in test: `{ ok, flow, claims, granted, missing, extra, notes }` or readable lines. */
export function printSigninResult(io: CliIo, json: boolean, r: SignInResult): number {
  const p = r.permissions;
  if (json) {
    printJson(io, {
      ok: true,
      flow: r.flow,
      claims: r.claims,
      granted: p.granted,
      missing: p.missing,
      extra: p.extra,
      notes: r.notes,
    });
    return EXIT_OK;
  }
  const who = r.claims?.user ?? r.account?.username;
  io.out(`${r.flow === 'client-credentials' ? 'App-only token received' : `Signed in${who ? ` as ${who}` : ''}`}.\n`);
  if (r.claims) io.out(`Claims:\n${claimLines(r.claims).join('\n')}\n`);
  io.out(`${p.kind === 'application' ? 'Application' : 'Delegated'} permissions:\n`);
  io.out(
    `  required       ${p.required.join(' ') || '(none listed: give --profile with the permissions it needs; every granted one counts as extra)'}\n`,
  );
  io.out(
    `  granted        ${p.granted.join(' ') || '(none)'}\n  missing        ${p.missing.join(' ') || '(none)'}\n  extra          ${p.extra.join(' ') || '(none)'}\n`,
  );
  for (const note of r.notes) io.out(`Note: ${note}\n`);
  return EXIT_OK;
}

/** Print a refused sign-in (`{ ok:false, error:{ code, aadsts, message, fix, traceId, correlationId } }`); exit 1. */
export function printSigninFailure(io: CliIo, json: boolean, e: AppError): number {
  const d = e.details ?? {};
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const error = {
    code: e.code,
    aadsts: typeof d.aadsts === 'number' ? d.aadsts : null,
    message: e.message,
    microsoftMessage: text(d.microsoftMessage),
    fix: e.hint ?? null,
    traceId: text(d.traceId),
    correlationId: text(d.correlationId),
  };
  if (json) {
    printJson(io, { ok: false, error });
    return EXIT_FINDINGS;
  }
  const lines = [
    `gcw: ${e.message}`,
    error.microsoftMessage ? `Microsoft: ${error.microsoftMessage}` : null,
    error.fix ? `Fix: ${error.fix}` : null,
    error.traceId ? `Trace ID: ${error.traceId}` : null,
    error.correlationId ? `Correlation ID: ${error.correlationId}` : null,
  ];
  io.err(`${lines.filter(Boolean).join('\n')}\n`);
  return EXIT_FINDINGS;
}
