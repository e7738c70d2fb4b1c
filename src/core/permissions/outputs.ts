import { WorkbenchError } from '../errors';
import type { PermissionKind, RequiredResourceAccess } from '../../shared/permissions';
import { findPermission, GRAPH_RESOURCE_APP_ID } from './catalog';

export type { RequiredResourceAccess } from '../../shared/permissions';

/** Scopes as the connection form wants them: space-separated, catalog spelling, each once. */
export function scopeString(values: readonly string[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    if (!value || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    out.push(findPermission(value, 'delegated')?.value ?? value);
  }
  return out.join(' ');
}

/**
 * The `requiredResourceAccess` JSON for the app manifest: `Scope` entries for delegated permissions,
 * `Role` entries for the application permissions the admin chose. Unknown names are refused (`permissions.unknown`).
 */
export function requiredResourceAccess(chosen: {
  delegated?: readonly string[];
  application?: readonly string[];
}): RequiredResourceAccess[] {
  const access: RequiredResourceAccess['resourceAccess'] = [];
  const unknown: string[] = [];
  const seen = new Set<string>();
  const add = (values: readonly string[] | undefined, kind: PermissionKind) => {
    for (const value of values ?? []) {
      const permission = findPermission(value, kind);
      if (!permission) {
        unknown.push(`${value.trim()} (${kind})`);
        continue;
      }
      const type = kind === 'delegated' ? 'Scope' : 'Role';
      if (seen.has(`${type}:${permission.id}`)) continue;
      seen.add(`${type}:${permission.id}`);
      access.push({ id: permission.id, type });
    }
  };
  add(chosen.delegated, 'delegated');
  add(chosen.application, 'application');
  if (unknown.length > 0) {
    throw new WorkbenchError(
      'permissions.unknown',
      `These are not Microsoft Graph permissions: ${unknown.join(', ')}. Pick them from the permission list or correct the spelling.`,
      {
        details: { unknown: unknown.join(', ') },
      },
    );
  }
  return access.length === 0 ? [] : [{ resourceAppId: GRAPH_RESOURCE_APP_ID, resourceAccess: access }];
}
