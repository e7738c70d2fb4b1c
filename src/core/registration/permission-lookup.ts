// A small lookup over the Microsoft Graph permission catalog for the verifier; the shared catalog module can
// replace it later without changing the checks.
import catalog from '../permissions/graph-permissions.json';

/** Microsoft Graph's application (client) ID: its entry in requiredResourceAccess. */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** The retired Azure AD Graph API's application ID. */
export const AZURE_AD_GRAPH_APP_ID = '00000002-0000-0000-c000-000000000000';

/** One Microsoft Graph permission: delegated (a `Scope` entry) or application (a `Role` entry). */
export interface GraphPermission {
  value: string;
  kind: 'delegated' | 'application';
  id: string;
  adminConsentRequired: boolean;
  displayName: string;
}

const entries = catalog as GraphPermission[];
const byId = new Map<string, GraphPermission[]>();
const byValue = new Map<string, GraphPermission>();
for (const entry of entries) {
  const id = entry.id.toLowerCase();
  byId.set(id, [...(byId.get(id) ?? []), entry]);
  byValue.set(`${entry.kind}:${entry.value.toLowerCase()}`, entry);
}

/** The sign-in (OpenID Connect) scopes: delegated, never application, consented without an admin. */
export const signInScopes: readonly string[] = ['openid', 'offline_access', 'profile', 'email'];

/** True for openid, offline_access, profile and email (any letter case). */
export function isSignInScope(value: string): boolean {
  return signInScopes.includes(value.toLowerCase());
}

/** The Graph permission with this id and kind (a GUID matches in any letter case). */
export function permissionById(id: string, kind: GraphPermission['kind']): GraphPermission | undefined {
  return byId.get(id.toLowerCase())?.find((p) => p.kind === kind);
}

/** Every Graph permission with this id (one id is used for both kinds by at least one permission). */
export function permissionsWithId(id: string): GraphPermission[] {
  return byId.get(id.toLowerCase()) ?? [];
}

/** The Graph permission with this name and kind; names match in any letter case, as scopes do in requests. */
export function permissionByValue(value: string, kind: GraphPermission['kind']): GraphPermission | undefined {
  return byValue.get(`${kind}:${value.toLowerCase()}`);
}

/** The kind a requiredResourceAccess `type` stands for. */
export function kindOfType(type: string): GraphPermission['kind'] | null {
  if (type === 'Scope') return 'delegated';
  if (type === 'Role') return 'application';
  return null;
}
