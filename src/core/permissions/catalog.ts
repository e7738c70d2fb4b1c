import type { PermissionKind } from '../../shared/permissions';
import catalogData from './graph-permissions.json';

/** The application ID of Microsoft Graph, the `resourceAppId` of every Graph permission in an app manifest. */
export const GRAPH_RESOURCE_APP_ID = '00000003-0000-0000-c000-000000000000';

export type { PermissionKind } from '../../shared/permissions';

/** One Microsoft Graph permission as published by Microsoft (see graph-permissions.SOURCES.md). */
export interface GraphPermission {
  value: string;
  kind: PermissionKind;
  id: string;
  adminConsentRequired: boolean;
  displayName: string;
  description: string;
}

/** OpenID Connect scopes: they shape sign-in (ID token, refresh token, profile claims) and have no application form. */
export const signInScopes: readonly string[] = ['openid', 'offline_access', 'profile', 'email'];

const all: readonly GraphPermission[] = catalogData as GraphPermission[];
const byKey = new Map<string, GraphPermission>();
const byId = new Map<string, GraphPermission[]>();
for (const permission of all) {
  byKey.set(key(permission.value, permission.kind), permission);
  const list = byId.get(permission.id) ?? [];
  list.push(permission);
  byId.set(permission.id, list);
}

function key(value: string, kind: PermissionKind): string {
  return `${kind}:${value.toLowerCase()}`;
}

/** Every permission in the catalog (counts and sources in graph-permissions.meta.json). */
export function allPermissions(): readonly GraphPermission[] {
  return all;
}

/** A permission by its value and kind; scope names are case-insensitive in Microsoft Entra. */
export function findPermission(value: string, kind: PermissionKind): GraphPermission | undefined {
  return byKey.get(key(value.trim(), kind));
}

/** Permissions with this id (one, except the rare value Microsoft publishes with the same id for both kinds). */
export function findPermissionsById(id: string): GraphPermission[] {
  return [...(byId.get(id.trim().toLowerCase()) ?? [])];
}

/** True for openid, offline_access, profile and email. */
export function isSignInScope(value: string): boolean {
  return signInScopes.includes(value.trim().toLowerCase());
}

/** Search by words (all must appear in the value, display name or description); value matches rank first. */
export function searchPermissions(
  query: string,
  options: { kind?: PermissionKind; limit?: number } = {},
): GraphPermission[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: Array<{ permission: GraphPermission; score: number }> = [];
  for (const permission of all) {
    if (options.kind && permission.kind !== options.kind) continue;
    const value = permission.value.toLowerCase();
    const text = `${value} ${permission.displayName.toLowerCase()} ${permission.description.toLowerCase()}`;
    if (!words.every((w) => text.includes(w))) continue;
    let score = 0;
    if (value === words.join(' ')) score += 100;
    for (const w of words) if (value.includes(w)) score += 10;
    if (value.startsWith(words[0] ?? '')) score += 5;
    scored.push({ permission, score });
  }
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.permission.value.localeCompare(b.permission.value) ||
      a.permission.kind.localeCompare(b.permission.kind),
  );
  return scored.slice(0, options.limit ?? 50).map((s) => s.permission);
}
