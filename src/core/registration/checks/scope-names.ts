import type { GraphPermission } from '../permission-lookup';

/** The app's Microsoft Graph permissions, by kind, keyed by lower-case name. */
export interface ListedPermissions {
  delegated: Map<string, GraphPermission>;
  application: Map<string, GraphPermission>;
}

/** A scope as the catalog names it: Graph prefixes dropped (https://graph.microsoft.com/Files.Read); null for .default and other APIs. */
export function normalizeScope(scope: string): string | null {
  const trimmed = scope.trim();
  if (trimmed === '') return null;
  const bare = trimmed.replace(/^(?:https:\/\/[^/]*graph[^/]*|00000003-0000-0000-c000-000000000000)\//i, '');
  if (bare === '.default' || bare.includes('/') || bare.includes(':')) return null;
  return bare.toLowerCase();
}
