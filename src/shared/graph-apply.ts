// Plain data of "change the app registration through Microsoft Graph": the requests shown before anything is
// sent, what was changed, and what a partial failure left behind. No secret is ever part of these types: a new
// client secret travels only in `NewSecret`, returned once on the action that created it.

/** What the Workbench can do to an app registration through Microsoft Graph. */
export const graphActions = ['create', 'fetch', 'repair', 'rotate', 'remove-old'] as const;
/** One action. */
export type GraphAction = (typeof graphActions)[number];

/** An HTTP method the Workbench sends to Microsoft Graph. */
export type GraphMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One request as the admin sees it before it is sent: method, full URL, JSON body (secrets masked), and why. */
export interface GraphRequestPreview {
  method: GraphMethod;
  /** Full URL; `{…}` marks a value an earlier request of the same run returns (e.g. the new application's id). */
  url: string;
  body: unknown;
  /** What the request does, in plain words. */
  purpose: string;
  /** False for requests that only read. */
  writes: boolean;
}

/** One line of a diff: a field of the app registration before and after. */
export interface GraphChange {
  /** e.g. `web.redirectUris`, `requiredResourceAccess`, `keyCredentials`. */
  field: string;
  /** Human-readable items added and removed (removal only where the admin asked for it, e.g. the old credential of a rotation). */
  added: string[];
  removed: string[];
  /** Items kept unchanged (so the admin sees nothing of theirs is dropped). */
  kept: string[];
  /** The verifier finding(s) this change answers, if any. */
  findings: string[];
}

/** A directory role an action needs, and why. */
export interface RoleNeed {
  scope: string;
  role: string;
  why: string;
}

/** Everything shown before a write: the requests, the diff, the scopes the sign-in asks for and the roles they need. */
export interface GraphPreview {
  action: GraphAction;
  graphHost: string;
  requests: GraphRequestPreview[];
  changes: GraphChange[];
  /** Delegated Microsoft Graph scopes the management sign-in asks for (only what this action needs). */
  scopes: string[];
  roles: RoleNeed[];
  /** Things worth knowing (e.g. findings Graph cannot fix, a certificate key read at run time). */
  notes: string[];
}

/** One request that was sent, and how it ended (no bodies: those may hold a secret in the answer). */
export interface GraphRequestOutcome {
  method: GraphMethod;
  url: string;
  purpose: string;
  status: number | null;
  ok: boolean;
  /** Graph's error code, e.g. Authorization_RequestDenied. */
  graphCode: string | null;
  /** How many times it was sent again (throttling, replication delay). */
  retries: number;
}

/** A thing a run created in the tenant, with how to remove it. */
export interface CreatedObject {
  kind:
    | 'application'
    | 'servicePrincipal'
    | 'oauth2PermissionGrant'
    | 'appRoleAssignment'
    | 'passwordCredential'
    | 'keyCredential';
  id: string;
  label: string;
  /** How to remove it again (Graph request and admin center). */
  undo: string;
}

/** A run that stopped half-way: what exists now and how to finish or undo it. */
export interface PartialFailure {
  failedAt: GraphRequestOutcome;
  created: CreatedObject[];
  finish: string;
  undo: string[];
}

/** A client secret Graph just created: shown once, then kept only in the vault. */
export interface NewSecret {
  keyId: string;
  hint: string;
  endDateTime: string;
  /** Where it was stored (vault id), or null when only shown. */
  storedAs: string | null;
}
