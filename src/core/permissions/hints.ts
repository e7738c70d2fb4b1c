import type { PermissionHint } from '../../shared/permissions';
import { findPermission } from './catalog';

export type { PermissionHint } from '../../shared/permissions';

const tenantWideSiteAccess = new Set([
  'sites.read.all',
  'sites.readwrite.all',
  'sites.manage.all',
  'sites.fullcontrol.all',
  'files.read.all',
  'files.readwrite.all',
]);
const beyondConnector = new Set(['sites.fullcontrol.all', 'sites.manage.all']);
const directoryWide = new Set(['directory.read.all', 'directory.readwrite.all']);

/** Least-privilege hints for the permissions an admin chose: Sites.Selected for app-only access to a few sites, Read where ReadWrite or FullControl is more than needed. */
export function leastPrivilegeHints(chosen: {
  delegated?: readonly string[];
  application?: readonly string[];
}): PermissionHint[] {
  const hints: PermissionHint[] = [];
  for (const kind of ['delegated', 'application'] as const) {
    const values = (chosen[kind] ?? []).map((v) => findPermission(v, kind)?.value ?? v.trim());
    const have = new Set(values.map((v) => v.toLowerCase()));
    for (const value of values) {
      const lower = value.toLowerCase();
      if (kind === 'application' && tenantWideSiteAccess.has(lower)) {
        hints.push({
          permission: value,
          kind,
          suggestion: 'Sites.Selected',
          message: `${value} gives app-only access to every site and OneDrive in the tenant. If the automation only needs a few sites, use the application permission Sites.Selected and grant the app access to just those sites.`,
        });
      }
      if (beyondConnector.has(lower)) {
        hints.push({
          permission: value,
          kind,
          suggestion: 'Sites.ReadWrite.All',
          message: `${value} is more than the connector asks for: it can ${lower === 'sites.fullcontrol.all' ? 'change who has access to sites' : 'create and delete lists and libraries'}. Sites.ReadWrite.All (or Sites.Read.All) covers the connector's activities.`,
        });
      }
      if (directoryWide.has(lower)) {
        hints.push({
          permission: value,
          kind,
          suggestion: kind === 'delegated' ? 'User.Read' : 'User.Read.All',
          message: `${value} reaches the whole directory; the connector only reads user profiles (${kind === 'delegated' ? 'User.Read or User.Read.All' : 'User.Read.All'}).`,
        });
      }
      const read = value.replace(/ReadWrite/, 'Read');
      if (read !== value && findPermission(read, kind) && !have.has(read.toLowerCase())) {
        hints.push({
          permission: value,
          kind,
          suggestion: read,
          message: `${value} allows changes. If the automation only reads, ${read} is enough.`,
        });
      }
      if (kind === 'delegated' && lower === 'user.read.all' && !have.has('user.read')) {
        hints.push({
          permission: value,
          kind,
          suggestion: 'User.Read',
          message:
            'User.Read.All needs admin consent and reads every user. User.Read (the signed-in account only) is enough unless the automation looks up other users.',
        });
      }
    }
  }
  return hints;
}
