// The verifier's view of the Microsoft Graph permission catalog (src/core/permissions): lookups by the id and
// `type` that requiredResourceAccess entries carry.
import { findPermission, findPermissionsById, GRAPH_RESOURCE_APP_ID, type GraphPermission } from '../permissions/catalog';

export { isSignInScope, signInScopes, type GraphPermission } from '../permissions/catalog';

/** Microsoft Graph's application (client) ID: its entry in requiredResourceAccess. */
export const MICROSOFT_GRAPH_APP_ID = GRAPH_RESOURCE_APP_ID;

/** The retired Azure AD Graph API's application ID. */
export const AZURE_AD_GRAPH_APP_ID = '00000002-0000-0000-c000-000000000000';

/** The Graph permission with this id and kind (a GUID matches in any letter case). */
export function permissionById(id: string, kind: GraphPermission['kind']): GraphPermission | undefined {
  return findPermissionsById(id).find((p) => p.kind === kind);
}

/** Every Graph permission with this id (one id is used for both kinds by at least one permission). */
export function permissionsWithId(id: string): GraphPermission[] {
  return findPermissionsById(id);
}

/** The Graph permission with this name and kind; names match in any letter case, as scopes do in requests. */
export function permissionByValue(value: string, kind: GraphPermission['kind']): GraphPermission | undefined {
  return findPermission(value, kind);
}

/** The kind a requiredResourceAccess `type` stands for. */
export function kindOfType(type: string): GraphPermission['kind'] | null {
  if (type === 'Scope') return 'delegated';
  if (type === 'Role') return 'application';
  return null;
}
