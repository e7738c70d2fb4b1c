// The connection record: what a change ticket needs to know about one connection, and never a secret.
import type { AppAudience, AuthKind, ExpiryStatusName, SecretState } from './connections';
import type { PermissionKind } from './permissions';
import type { FindingSeverity } from './registration';

/** The formats a record is exported in. */
export const recordFormats = ['markdown', 'html', 'pdf'] as const;

/** One export format. */
export type RecordFormat = (typeof recordFormats)[number];

/** What is known about one permission's consent: seen in a token (or an admin consent), seen missing, or not tested. */
export type ConsentState = 'granted' | 'missing' | 'not-verified';

/** One permission of the connection with its kind, whether it needs admin consent and what the tests saw. */
export interface RecordPermission {
  value: string;
  kind: PermissionKind;
  /** From the Microsoft Graph catalog; null for a name the catalog does not know. */
  adminConsentRequired: boolean | null;
  consent: ConsentState;
  /** Which test showed it, e.g. "App-only test, 2026-03-01 10:00 UTC"; null when not verified. */
  seenIn: string | null;
}

/** A certificate or secret date with how close it is. */
export interface RecordExpiry {
  expiresAt: string;
  daysLeft: number;
  status: ExpiryStatusName;
}

/** One test in the record: when, what, and what it proved (no token). */
export interface RecordTest {
  at: string;
  test: string;
  ok: boolean;
  summary: string;
  user: string | null;
}

/** An open finding of the last verification. */
export interface RecordFinding {
  severity: FindingSeverity;
  code: string;
  message: string;
  fix: string;
}

/** The last verification of the app registration's manifest against this profile. */
export interface RecordVerification {
  checkedAt: string;
  fileName: string | null;
  appName: string | null;
  counts: Record<FindingSeverity, number>;
  /** Errors and warnings (notes are left out: they need no action). */
  openFindings: RecordFinding[];
}

/** One run that changed the app registration through Microsoft Graph (from the app's change log; never a secret). */
export interface RecordGraphChange {
  at: string;
  /** "Created the app registration", "Repaired the app registration", "Added a new credential (rotation)", "Removed old credentials (rotation)". */
  action: string;
  appId: string | null;
  /** The administrator who signed in for it. */
  account: string | null;
  /** Each request sent: "POST https://graph.microsoft.com/v1.0/applications → 201" (never a body). */
  requests: string[];
  /** What changed, field by field: "web.redirectUris: added http://localhost". */
  changes: string[];
  /** How it ended, from the evidence: the requests' statuses, the read-back, the sign-in test of a rotation. */
  result: string;
  failed: boolean;
  /** A run that stopped part-way: how to undo what it created (newest first). */
  undo: string[];
}

/** A connection record: built from a profile, its test history and its last verification. Holds no secret. */
export interface ConnectionRecord {
  generatedAt: string;
  generator: string;
  profileId: string;
  profileName: string;
  auth: AuthKind;
  authLabel: string;
  clientId: string;
  tenant: string;
  environment: {
    id: string;
    label: string;
    connectorLabel: string | null;
    loginHost: string | null;
    graphHost: string | null;
  };
  upn: string | null;
  domain: string | null;
  redirectUri: string | null;
  audience: AppAudience | null;
  certificate: {
    subject: string;
    thumbprintSha1: string;
    thumbprintSha256: string;
    expiry: RecordExpiry | null;
    fileName: string | null;
  } | null;
  /** Where each secret the option uses is kept: never its value. */
  secrets: Array<{ name: string; state: SecretState }>;
  secretExpiry: RecordExpiry | null;
  permissions: RecordPermission[];
  consent: { state: 'granted' | 'partly-granted' | 'not-verified'; summary: string };
  lastSuccessfulTest: RecordTest | null;
  lastTest: RecordTest | null;
  verification: RecordVerification | null;
  /** Changes made through Microsoft Graph, newest first; null when the maker of the record could not know them (gcw without the app's data folder). */
  graphChanges: RecordGraphChange[] | null;
  /** What the evidence does not prove (no verification, no test, edited since, …), from the status model. */
  notProven: string[];
  notes: string;
}
