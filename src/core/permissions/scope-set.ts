import type { AuthKind } from '../../shared/connections';
import type { EnvironmentId } from '../../shared/environments';
import { graphDefaultScope } from '../connections/cloud-urls';
import { endpointsFor, type CustomHosts } from '../connections/environments';
import { findPermission } from './catalog';
import { fullScopes, minimumScopes, triggerBaseScopes, triggerScopes, type ScopeChoice } from './connector-scopes';
import { applicationCounterpart } from './counterparts';
import { scopeString } from './outputs';
import type { ScopeSetResult, TriggerKind } from '../../shared/permissions';

/** What `gcw scopes` is asked for. */
export interface ScopeSetRequest {
  auth: AuthKind;
  /** The full set instead of the minimum. */
  full?: boolean;
  /** Add the trigger needs for these kinds of events. */
  triggers?: readonly TriggerKind[];
  /** The application permissions that correspond, for an app-only (client credentials) test. */
  appOnly?: boolean;
  environment?: EnvironmentId;
  customHosts?: CustomHosts | null;
}

export type { Alternative, NotAvailable, ScopeSetResult } from '../../shared/permissions';

/** The connector's scope set for an option: minimum (or full) plus trigger needs; delegated, or with `appOnly` the application counterparts. */
export function scopeSet(request: ScopeSetRequest): ScopeSetResult {
  const lines: ScopeChoice[] = request.full
    ? fullScopes.map((value) => ({ options: [value], reason: '' }))
    : [
        ...minimumScopes[request.auth],
        ...((request.triggers?.length ?? 0) > 0 ? triggerBaseScopes : []),
        ...(request.triggers ?? []).map((t) => triggerScopes[t]),
      ];
  const result: ScopeSetResult = { scopes: [], scopeString: '', notAvailable: [], alternatives: [] };
  const seen = new Set<string>();
  const push = (value: string, kind: 'delegated' | 'application') => {
    const permission = findPermission(value, kind);
    if (!permission || seen.has(`${kind}:${permission.value}`)) return;
    seen.add(`${kind}:${permission.value}`);
    result.scopes.push({
      value: permission.value,
      kind,
      id: permission.id,
      adminConsentRequired: permission.adminConsentRequired,
    });
  };
  for (const line of lines) {
    if (request.appOnly) pickApplication(line, result, push);
    else {
      const [chosen, ...others] = line.options;
      if (others.length > 0 && !result.alternatives.some((a) => a.chosen === chosen)) {
        result.alternatives.push({
          chosen,
          alternatives: others,
          message: `${chosen} is the least-privileged choice; ${others.join(' or ')} also satisfies this line.`,
        });
      }
      push(chosen, 'delegated');
    }
  }
  result.scopeString = request.appOnly
    ? graphDefaultScope(endpointsFor(request.environment ?? 'office365', request.customHosts))
    : scopeString(result.scopes.map((s) => s.value));
  return result;
}

function pickApplication(
  line: ScopeChoice,
  result: ScopeSetResult,
  push: (value: string, kind: 'application') => void,
): void {
  const withApplication = line.options.find((o) => applicationCounterpart(o).kind === 'same-name');
  if (line.options.length > 1 && withApplication) {
    const others = line.options.filter((o) => o !== withApplication);
    if (!result.alternatives.some((a) => a.chosen === withApplication)) {
      result.alternatives.push({
        chosen: withApplication,
        alternatives: others,
        message: `For app-only access ${withApplication} is used: ${others.join(' and ')} ${others.length > 1 ? 'have' : 'has'} no application permission.`,
      });
    }
    push(withApplication, 'application');
    return;
  }
  for (const option of line.options) {
    const counterpart = applicationCounterpart(option);
    if (counterpart.kind === 'same-name') push(counterpart.permission.value, 'application');
    else if (!result.notAvailable.some((n) => n.value === option)) {
      result.notAvailable.push({
        value: option,
        reason: counterpart.kind === 'sign-in-scope' ? 'sign-in-scope' : 'no-application-permission',
        suggestion: counterpart.kind === 'none' ? (counterpart.suggestion?.value ?? null) : null,
        message: counterpart.message,
      });
    }
  }
}
