import type { AppError } from '../../shared/result';
import type { SignInFlow } from '../../shared/signin';
import type { WorkbenchError } from '../errors';
import { type Redactor, redactPatterns } from '../log/redact';
import { valueText } from '../value-text';
import { lookupAadsts } from './aadsts-catalogue';
import type { NetworkLogEntry } from './network-client';

/** Facts about the attempt to put next to the error. */
export interface DiagnosticsContext {
  flow: SignInFlow;
  environment?: string;
  loginHost?: string;
  graphHost?: string;
  tenant?: string;
  clientId?: string;
  redirectUri?: string | null;
  requests?: readonly NetworkLogEntry[];
  /** Secrets of this attempt (client secret, …) to mask wherever they appear. */
  redactor?: Redactor;
  at?: Date;
}

/** A plain-text report of a failed sign-in test, safe to paste into a ticket (secrets and tokens masked). */
export function signinDiagnostics(error: WorkbenchError | AppError, ctx: DiagnosticsContext): string {
  const details = ('toAppError' in error ? error.toAppError() : error).details ?? {};
  const aadsts = typeof details.aadsts === 'number' ? details.aadsts : null;
  const entry = aadsts === null ? undefined : lookupAadsts(aadsts);
  const line = (label: string, value: unknown) =>
    value === undefined || value === null || value === '' ? null : `${label}: ${valueText(value)}`;
  const lines = [
    'Graph Connection Workbench – sign-in test diagnostics',
    line('Time', (ctx.at ?? new Date()).toISOString()),
    line('Test', ctx.flow),
    line('Environment', ctx.environment),
    line('Sign-in host', ctx.loginHost),
    line('Graph host', ctx.graphHost),
    line('Tenant', ctx.tenant),
    line('Client ID', ctx.clientId),
    line('Redirect URI', ctx.redirectUri),
    // Not "Error code:": the redactor masks anything after "code:" (OAuth authorization codes).
    line('Workbench error', error.code),
    line('Message', error.message),
    line('AADSTS', aadsts === null ? null : `AADSTS${aadsts}${entry ? ` (${entry.name})` : ''}`),
    line('Microsoft message', details.microsoftMessage),
    line('OAuth error', details.error),
    line('Suberror', details.suberror),
    line('Fix', error.hint),
    line('Trace ID', details.traceId),
    line('Correlation ID', details.correlationId),
    line('Timestamp', details.timestamp),
    line('Sign in again', details.signInAgain),
  ].filter((l): l is string => l !== null);
  if (ctx.requests?.length) {
    lines.push('Requests:');
    for (const r of ctx.requests) {
      const outcome = r.failure
        ? `failed (${r.failure.kind})`
        : `HTTP ${r.status ?? '?'}${r.aadsts ? ` AADSTS${r.aadsts}` : ''}`;
      lines.push(`  ${r.method} ${r.url} → ${outcome} in ${r.durationMs} ms`);
    }
  }
  const text = lines.join('\n');
  return ctx.redactor ? ctx.redactor.redact(text) : redactPatterns(text);
}
