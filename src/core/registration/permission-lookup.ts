// The verifier's view of the Microsoft Graph permission catalog (src/core/permissions): lookups by the id and
// `type` that requiredResourceAccess entries carry.
import {
  findPermission,
  findPermissionsById,
  GRAPH_RESOURCE_APP_ID,
  type GraphPermission,
} from '../permissions/catalog';

export { isSignInScope, signInScopes, type GraphPermission } from '../permissions/catalog';

/** Microsoft Graph's application (client) ID: its entry in requiredResourceAccess. */
export const MICROSOFT_GRAPH_APP_ID = GRAPH_RESOURCE_APP_ID;

/** The retired Azure AD Graph API's application ID. */
export const AZURE_AD_GRAPH_APP_ID = '00000002-0000-0000-c000-000000000000';

/**
 * APIs named in messages and reports. Teams Toolkit templates may name the first two instead of giving their id
 * (its permission list, `permissions.json` in @microsoft/teamsfx-core, holds exactly these two service principals).
 */
const knownApis: ReadonlyArray<[appId: string, name: string]> = [
  [GRAPH_RESOURCE_APP_ID, 'Microsoft Graph'],
  ['00000003-0000-0ff1-ce00-000000000000', 'Office 365 SharePoint Online'],
  ['00000002-0000-0ff1-ce00-000000000000', 'Office 365 Exchange Online'],
  ['797f4846-ba00-4fd7-ba43-dac1f8f63013', 'Windows Azure Service Management API'],
  [AZURE_AD_GRAPH_APP_ID, 'Azure Active Directory Graph'],
];

/** The name of a well-known API by its application ID, or null. */
export function apiName(resourceAppId: string): string | null {
  const id = resourceAppId.trim().toLowerCase();
  return knownApis.find(([appId]) => appId === id)?.[1] ?? null;
}

/** The application ID of a well-known API named as Teams Toolkit templates name it ("Microsoft Graph"), in any letter case. */
export function apiIdByName(name: string): string | null {
  const wanted = name.trim().toLowerCase();
  return knownApis.find(([, apiName]) => apiName.toLowerCase() === wanted)?.[0] ?? null;
}

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
