// Plain types of the Graph permission catalog and the connector's scope checklists, shared by core, contract and renderer.
import type { AuthKind } from './connections';

/** Delegated (a user signs in; `Scope` in a manifest) or application (app-only; `Role` in a manifest). */
export type PermissionKind = 'delegated' | 'application';

/** SharePoint site events, groups and calendars, or all other file events. */
export const triggerKinds = ['sites', 'groups', 'files'] as const;

/** One kind of trigger event. */
export type TriggerKind = (typeof triggerKinds)[number];

/** What each trigger kind is called on the Scopes page and in `gcw scopes --triggers`. */
export const triggerLabels: Record<TriggerKind, string> = {
  sites: 'SharePoint site events',
  groups: 'Groups and calendars',
  files: 'Other file events',
};

/** The short form of a permission the checklists and the CLI print. */
export interface PermissionRef {
  value: string;
  kind: PermissionKind;
  id: string;
  adminConsentRequired: boolean;
}

/** One checklist row: the permission, its id, consent flag, description and its application counterpart. */
export interface ScopeRow extends PermissionRef {
  displayName: string;
  description: string;
  signInScope: boolean;
  /** The application permission with the same name, for app-only access; null when there is none. */
  application: (PermissionRef & { displayName: string; description: string }) | null;
  /** When there is no application permission of the same name, the nearest one (e.g. Files.Read → Files.Read.All). */
  applicationSuggestion: string | null;
  /** Plain words about the application counterpart (or why there is none). */
  applicationNote: string;
}

/** A row of a documented set: one scope or a choice between scopes. */
export interface ChecklistLine {
  reason: string;
  options: ScopeRow[];
}

/** The checklists of one option: minimum, trigger needs and the full set. */
export interface ScopeChecklist {
  auth: AuthKind;
  minimum: ChecklistLine[];
  triggers: { base: ChecklistLine[] } & Record<TriggerKind, ChecklistLine>;
  full: ChecklistLine[];
}

/** A least-privilege suggestion about one chosen permission. */
export interface PermissionHint {
  permission: string;
  kind: PermissionKind;
  /** The narrower permission to consider, when there is one. */
  suggestion: string | null;
  message: string;
}

/** One entry of an app manifest's `requiredResourceAccess`. */
export interface RequiredResourceAccess {
  resourceAppId: string;
  resourceAccess: Array<{ id: string; type: 'Scope' | 'Role' }>;
}

/** A scope that has no application form, with the nearest application permission where one exists. */
export interface NotAvailable {
  value: string;
  reason: 'sign-in-scope' | 'no-application-permission';
  suggestion: string | null;
  message: string;
}

/** Where the set lists one side of a documented "A or B" choice. */
export interface Alternative {
  chosen: string;
  alternatives: string[];
  message: string;
}

/** The data `gcw scopes --json` prints. */
export interface ScopeSetResult {
  scopes: PermissionRef[];
  scopeString: string;
  notAvailable: NotAvailable[];
  alternatives: Alternative[];
}

/** An application permission that fits app-only access to OneDrive and SharePoint, and why. */
export interface AppOnlySuggestion {
  value: string;
  displayName: string;
  why: string;
}

/** How an administrator grants an app access to one site once it has the application permission Sites.Selected. */
export interface SiteGrant {
  /** What to do, in order. */
  steps: string[];
  /** Find the site's id: GET this with the site's host name and path filled in. */
  lookupUrl: string;
  /** The grant: POST this body to this address, as someone allowed to (Sites.FullControl.All). */
  grantUrl: string;
  grantBody: string;
  /** The same grant with PnP PowerShell. */
  powershell: string;
}
