import type { AuthKind } from '../../shared/connections';
import type { TriggerKind } from '../../shared/permissions';

/**
 * One line of a documented scope list: a scope, or a choice between scopes the admin makes
 * ("User.Read.All or User.Read"). `options[0]` is the least-privileged choice.
 */
export interface ScopeChoice {
  options: readonly [string, ...string[]];
  /** Why this line is in the set, shown next to it. */
  reason: string;
}

export { triggerKinds } from '../../shared/permissions';
export type { TriggerKind } from '../../shared/permissions';

const userRead: ScopeChoice = {
  options: ['User.Read', 'User.Read.All'],
  reason: 'Reads the signed-in account (User.Read), or any user (User.Read.All, needs admin consent).',
};
const filesRead: ScopeChoice = { options: ['Files.Read'], reason: "Reads the signed-in user's files." };
const openid: ScopeChoice = { options: ['openid'], reason: 'Signs the user in (OpenID Connect).' };
const offlineAccess: ScopeChoice = {
  options: ['offline_access'],
  reason: 'Issues a refresh token so the connection keeps working without signing in again.',
};

/**
 * The minimum set per option, exactly as the connector documents it
 * (certificate: User.Read.All or User.Read, Files.Read; client credentials: Files.Read;
 * bring-your-own: openid, offline_access, User.Read.All or User.Read, Files.Read).
 */
export const minimumScopes: Record<AuthKind, readonly ScopeChoice[]> = {
  certificate: [userRead, filesRead],
  'client-credentials': [filesRead],
  'byo-app': [openid, offlineAccess, userRead, filesRead],
};

/** What every trigger needs: openid, offline_access, User.Read.All or User.Read. */
export const triggerBaseScopes: readonly ScopeChoice[] = [openid, offlineAccess, userRead];

/** What each kind of trigger event adds. */
export const triggerScopes: Record<TriggerKind, ScopeChoice> = {
  sites: { options: ['Sites.Read.All'], reason: 'SharePoint site events.' },
  groups: { options: ['Group.Read.All'], reason: 'Group and calendar events.' },
  files: { options: ['Files.Read.All'], reason: 'All other file events.' },
};

/** The full set the connector requests for every activity to work, in the documented order. */
export const fullScopes: readonly string[] = [
  'offline_access',
  'Files.Read',
  'Files.Read.All',
  'Files.ReadWrite',
  'Files.ReadWrite.All',
  'Sites.Read.All',
  'Sites.ReadWrite.All',
  'Group.Read.All',
  'Group.ReadWrite.All',
  'profile',
  'openid',
  'email',
  'User.Read.All',
  'User.Read',
];

/** Every permission value the checklists name (guarded against the catalog by a unit test). */
export function checklistValues(): string[] {
  const values = new Set<string>(fullScopes);
  for (const choices of [...Object.values(minimumScopes), triggerBaseScopes, Object.values(triggerScopes)]) {
    for (const choice of choices) for (const option of choice.options) values.add(option);
  }
  return [...values];
}

/** True when a list of scopes satisfies a line of a scope set (any of its options, case-insensitive). */
export function satisfies(scopes: readonly string[], choice: ScopeChoice): boolean {
  const have = new Set(scopes.map((s) => s.trim().toLowerCase()));
  return choice.options.some((o) => have.has(o.toLowerCase()));
}
