import type { AuthKind } from '../../shared/connections';
import type { ChecklistLine, PermissionKind, ScopeChecklist, ScopeRow, TriggerKind } from '../../shared/permissions';
import { findPermission, isSignInScope } from './catalog';
import {
  fullScopes,
  minimumScopes,
  triggerBaseScopes,
  triggerKinds,
  triggerScopes,
  type ScopeChoice,
} from './connector-scopes';
import { applicationCounterpart } from './counterparts';

export type { ChecklistLine, PermissionRef, ScopeChecklist, ScopeRow } from '../../shared/permissions';

/** Describe a permission for a checklist row; undefined when the catalog has no such permission. */
export function describeScope(value: string, kind: PermissionKind = 'delegated'): ScopeRow | undefined {
  const permission = findPermission(value, kind);
  if (!permission) return undefined;
  const counterpart = kind === 'delegated' ? applicationCounterpart(permission.value) : null;
  const application =
    kind === 'application' ? permission : counterpart?.kind === 'same-name' ? counterpart.permission : null;
  let applicationNote: string;
  let applicationSuggestion: string | null = null;
  if (kind === 'application') applicationNote = 'This is the application permission (app-only access).';
  else if (counterpart?.kind === 'same-name')
    applicationNote = `Application permission ${counterpart.permission.value} exists (admin consent required).`;
  else if (counterpart?.kind === 'none') {
    applicationNote = counterpart.message;
    applicationSuggestion = counterpart.suggestion?.value ?? null;
  } else applicationNote = counterpart?.message ?? '';
  return {
    value: permission.value,
    kind: permission.kind,
    id: permission.id,
    adminConsentRequired: permission.adminConsentRequired,
    displayName: permission.displayName,
    description: permission.description,
    signInScope: kind === 'delegated' && isSignInScope(permission.value),
    application: application
      ? {
          value: application.value,
          kind: application.kind,
          id: application.id,
          adminConsentRequired: application.adminConsentRequired,
          displayName: application.displayName,
          description: application.description,
        }
      : null,
    applicationSuggestion,
    applicationNote,
  };
}

/** Describe a documented permission; the checklist values are guarded by a unit test, so a miss is a bug. */
export function requireRow(value: string, kind: PermissionKind = 'delegated'): ScopeRow {
  const row = describeScope(value, kind);
  if (!row) throw new Error(`Microsoft Graph permission ${value} (${kind}) is missing from the catalog.`);
  return row;
}

function line(choice: ScopeChoice): ChecklistLine {
  return { reason: choice.reason, options: choice.options.map((o) => requireRow(o)) };
}

/** The checklists for one option, every row resolved against the catalog. */
export function scopeChecklist(auth: AuthKind): ScopeChecklist {
  const triggers = Object.fromEntries(triggerKinds.map((t) => [t, line(triggerScopes[t])])) as Record<
    TriggerKind,
    ChecklistLine
  >;
  return {
    auth,
    minimum: minimumScopes[auth].map(line),
    triggers: { base: triggerBaseScopes.map(line), ...triggers },
    full: fullScopes.map((value) => ({
      reason: 'Requested by the connector for all activities.',
      options: [requireRow(value)],
    })),
  };
}
