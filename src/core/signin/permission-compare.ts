import type { PermissionComparison } from '../../shared/signin';

const OIDC = new Set(['openid', 'profile', 'email', 'offline_access']);

/** A permission name without its resource prefix (`https://graph.microsoft.com/Files.Read` → `Files.Read`). */
export function permissionName(scope: string): string {
  const slash = scope.lastIndexOf('/');
  return slash >= 0 ? scope.slice(slash + 1) : scope;
}

/** Granted vs required permissions, compared without case and resource prefixes; OIDC scopes and `.default` are ignored. */
export function comparePermissions(
  kind: PermissionComparison['kind'],
  required: readonly string[],
  granted: readonly string[],
): PermissionComparison {
  const clean = (list: readonly string[]) => {
    const seen = new Map<string, string>();
    for (const item of list) {
      const name = permissionName(item.trim());
      if (!name || OIDC.has(name.toLowerCase()) || name === '.default') continue;
      if (!seen.has(name.toLowerCase())) seen.set(name.toLowerCase(), name);
    }
    return seen;
  };
  const req = clean(required);
  const got = clean(granted);
  return {
    kind,
    required: [...req.values()],
    granted: [...got.values()],
    missing: [...req].filter(([k]) => !got.has(k)).map(([, v]) => v),
    extra: [...got].filter(([k]) => !req.has(k)).map(([, v]) => v),
  };
}
