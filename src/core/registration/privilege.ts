// How much a Graph permission allows, from its name: enough to say "FullControl where Read would do".
// Files.* and Sites.* both reach files in OneDrive and SharePoint, so they are compared as one family.

const actionRank: Record<string, number> = {
  selected: 0,
  readbasic: 1,
  read: 2,
  readwrite: 3,
  manage: 4,
  fullcontrol: 5,
};

/** The family a permission belongs to (Files and Sites together), for comparing privilege. */
export function permissionFamily(value: string): string {
  const resource = (value.split('.')[0] ?? '').toLowerCase();
  return resource === 'files' || resource === 'sites' ? 'files-sites' : resource;
}

/** A rough privilege rank: the action (Read < ReadWrite < Manage < FullControl), plus a half for “.All”. */
export function privilegeRank(value: string): number {
  const parts = value.split('.');
  const action = (parts[1] ?? '').toLowerCase();
  const base = actionRank[action] ?? 2;
  return base + (parts.slice(2).some((p) => p.toLowerCase() === 'all') ? 0.5 : 0);
}

/** Permissions that reach far beyond files: worth flagging even when nothing in their family is needed. */
export function isHighPrivilege(value: string): boolean {
  return /FullControl|\.Manage\.|ReadWrite\.All$|^Directory\.|^RoleManagement\.|^AppRoleAssignment\.|^Application\.ReadWrite/i.test(
    value,
  );
}
