// The Microsoft Graph permission catalog and the connector's scope checklists.
export {
  GRAPH_RESOURCE_APP_ID,
  allPermissions,
  findPermission,
  findPermissionsById,
  isSignInScope,
  searchPermissions,
  signInScopes,
} from './catalog';
export type { GraphPermission, PermissionKind } from './catalog';
export {
  checklistValues,
  fullScopes,
  minimumScopes,
  satisfies,
  triggerBaseScopes,
  triggerKinds,
  triggerScopes,
} from './connector-scopes';
export type { ScopeChoice, TriggerKind } from './connector-scopes';
export { applicationCounterpart } from './counterparts';
export type { ApplicationCounterpart } from './counterparts';
export { leastPrivilegeHints } from './hints';
export type { PermissionHint } from './hints';
export { requiredResourceAccess, scopeString } from './outputs';
export type { RequiredResourceAccess } from './outputs';
export { describeScope, requireRow, scopeChecklist } from './scope-rows';
export type { ChecklistLine, PermissionRef, ScopeChecklist, ScopeRow } from './scope-rows';
export { scopeSet } from './scope-set';
export type { Alternative, NotAvailable, ScopeSetRequest, ScopeSetResult } from './scope-set';
