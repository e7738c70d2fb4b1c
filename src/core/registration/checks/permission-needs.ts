import type { FindingDraft } from '../findings';
import { listWords } from '../findings';
import { isSignInScope, permissionByValue } from '../permission-lookup';
import type { CheckContext } from './check-context';
import { normalizeScope, type ListedPermissions } from './scope-names';
import { isAre, noun } from '../../../shared/wording';

/** Display name of a scope as the catalog spells it. */
function display(value: string, kind: 'delegated' | 'application'): string {
  return permissionByValue(value, kind)?.value ?? value;
}

function addDelegatedSteps(names: string[]): string {
  return `Select Add a permission › Microsoft Graph › Delegated permissions, tick ${listWords(names)}, then Add permissions. Grant admin consent afterwards if the list shows “Admin consent required: Yes”.`;
}

/** What the connection needs but the registration lacks, or lists with the wrong kind. */
export function checkPermissionNeeds({ target }: CheckContext, listed: ListedPermissions): FindingDraft[] {
  const out: FindingDraft[] = [];
  const hasScope = (v: string): boolean => listed.delegated.has(v);
  const hasRole = (v: string): boolean => listed.application.has(v);
  const reported = new Set<string>();
  const missing = {
    minimum: [] as string[],
    trigger: [] as string[],
    delegated: [] as string[],
    signIn: [] as string[],
  };
  const roleInstead: string[] = [];

  const consider = (group: 'minimum' | 'trigger' | 'delegated', item: string | string[]): void => {
    const options = (Array.isArray(item) ? item : [item]).map(normalizeScope).filter((s): s is string => s !== null);
    if (options.length === 0 || options.some(hasScope) || options.some((o) => reported.has(o))) return;
    options.forEach((o) => reported.add(o));
    const asRole = options.filter(hasRole);
    const label =
      options.length > 1
        ? `(${options.map((o) => display(o, 'delegated')).join(' or ')})`
        : display(options[0] ?? '', 'delegated');
    if (asRole.length > 0) roleInstead.push(...asRole.map((o) => display(o, 'delegated')));
    else if (options.every(isSignInScope)) missing.signIn.push(label);
    else missing[group].push(label);
  };
  target.requiredDelegated.forEach((item) => consider('minimum', item));
  target.triggerDelegated.forEach((item) => consider('trigger', item));
  target.delegatedScopes.forEach((item) => consider('delegated', item));

  if (missing.minimum.length > 0) {
    out.push({
      code: 'permission.minimum_missing',
      message: `The connection’s minimum delegated permissions are not all listed under Microsoft Graph: ${listWords(missing.minimum)} ${missing.minimum.length === 1 ? 'is' : 'are'} missing. Consent and sign-in fail or give a token without them (AADSTS65001 / AADSTS650056).`,
      // Of a "one of" group, offer the last choice: the option lists put the least-privileged last (User.Read.All or User.Read).
      fix: addDelegatedSteps(
        missing.minimum.map((m) => (m.startsWith('(') ? (m.slice(1, -1).split(' or ').at(-1) ?? m) : m)),
      ),
      blade: 'CallAnAPI',
    });
  }
  if (missing.trigger.length > 0) {
    out.push({
      code: 'permission.trigger_missing',
      message: `The triggers chosen for the connection need ${listWords(missing.trigger)}, which ${missing.trigger.length === 1 ? 'is not listed as a delegated Microsoft Graph permission' : 'are not listed as delegated Microsoft Graph permissions'}; those triggers will not fire.`,
      fix: addDelegatedSteps(missing.trigger),
      blade: 'CallAnAPI',
    });
  }
  if (missing.delegated.length > 0) {
    out.push({
      code: 'permission.delegated_missing',
      message: `The connection asks for ${listWords(missing.delegated)}, not listed as ${missing.delegated.length === 1 ? 'a delegated Microsoft Graph permission' : 'delegated Microsoft Graph permissions'}. Users are then asked to consent at sign-in, which fails where user consent is turned off.`,
      fix: addDelegatedSteps(missing.delegated),
      blade: 'CallAnAPI',
    });
  }
  if (missing.signIn.length > 0) {
    out.push({
      code: 'permission.sign_in_scope_missing',
      message: `The sign-in ${noun(missing.signIn.length, 'scope')} ${listWords(missing.signIn)} ${isAre(missing.signIn.length)} not listed. Entra usually grants ${missing.signIn.length === 1 ? 'it' : 'them'} on request, but listing ${missing.signIn.length === 1 ? 'it' : 'them'} keeps admin consent complete${missing.signIn.some((s) => s.includes('offline_access')) ? ' — and without offline_access no refresh token is issued' : ''}.`,
      fix: `Select Add a permission › Microsoft Graph › Delegated permissions › OpenId permissions, tick ${listWords(missing.signIn)}, then Add permissions.`,
      blade: 'CallAnAPI',
    });
  }
  if (roleInstead.length > 0) {
    out.push({
      code: 'permission.role_instead_of_scope',
      message:
        roleInstead.length === 1
          ? `${roleInstead[0]} is listed only as an application permission (Role), but the connection signs in a user and needs the delegated permission (Scope) of the same name.`
          : `${listWords(roleInstead)} are listed only as application permissions (Role), but the connection signs in a user and needs the delegated permissions (Scope) of the same name.`,
      fix: `${addDelegatedSteps(roleInstead)} Keep the application ${roleInstead.length === 1 ? 'permission' : 'permissions'} only if app-only access is wanted.`,
      blade: 'CallAnAPI',
    });
  }

  const appMissing: string[] = [];
  const scopeInstead: string[] = [];
  const noApplicationForm: string[] = [];
  for (const raw of target.applicationPermissions) {
    const value = normalizeScope(raw);
    if (value === null || hasRole(value)) continue;
    if (!permissionByValue(value, 'application')) noApplicationForm.push(raw.trim());
    else if (hasScope(value)) scopeInstead.push(display(value, 'application'));
    else appMissing.push(display(value, 'application'));
  }
  const addRoleSteps = (names: string[]): string =>
    `Select Add a permission › Microsoft Graph › Application permissions, tick ${listWords(names)}, then Add permissions and Grant admin consent for <your organization>.`;
  if (appMissing.length > 0) {
    out.push({
      code: 'permission.application_missing',
      message: `App-only access was asked for, but ${listWords(appMissing)} ${appMissing.length === 1 ? 'is not listed as an application permission' : 'are not listed as application permissions'} (Role); the token will carry no such role and Graph answers 403.`,
      fix: addRoleSteps(appMissing),
      blade: 'CallAnAPI',
    });
  }
  if (scopeInstead.length > 0) {
    out.push({
      code: 'permission.scope_instead_of_role',
      message: `${listWords(scopeInstead)} ${scopeInstead.length === 1 ? 'is' : 'are'} listed only as delegated permissions (Scope); app-only access needs the application permissions (Role) of the same name.`,
      fix: addRoleSteps(scopeInstead),
      blade: 'CallAnAPI',
    });
  }
  if (noApplicationForm.length > 0) {
    out.push({
      code: 'permission.no_application_form',
      message: `App-only access was asked for with ${listWords(noApplicationForm)}, which ${noApplicationForm.length === 1 ? 'has' : 'have'} no application form in Microsoft Graph (sign-in scopes and permissions such as Files.Read or User.Read exist only as delegated permissions).`,
      fix: 'Nothing to add here: change the profile’s app-only permissions to their .All forms (for example Files.Read.All, User.Read.All) or Sites.Selected, then add those as Application permissions.',
      blade: 'CallAnAPI',
    });
  }
  return out;
}
