// What is known about a connection profile, from evidence only: its fields, the last manifest verification, the
// last sign-in test and the credential's expiry. Built by src/core/status; the list, the sheet, the Start page,
// the wizard, the record and `gcw profile lint --json` all show the same facts.

/** How a fact is shown: its badge colour. */
export type StatusTone = 'danger' | 'warning' | 'success' | 'informative';

/** Every fact the status model can state. */
export type StatusFactKey =
  | 'damaged'
  | 'newer-version'
  | 'secret-unreadable'
  | 'incomplete'
  | 'profile-errors'
  | 'expired'
  | 'expiring'
  | 'test-failed'
  | 'verification-errors'
  | 'changed-since-test'
  | 'permissions-missing'
  | 'not-tested'
  | 'working'
  | 'not-verified'
  | 'verified';

/** One fact: a short label for a badge, a sentence without dates, and the date it rests on (ISO), if any. */
export interface StatusFact {
  key: StatusFactKey;
  tone: StatusTone;
  label: string;
  detail: string;
  at: string | null;
}

/** Whether the fields a connection needs are filled. */
export interface CompletenessStatus {
  state: 'complete' | 'incomplete';
  /** What is missing, in the form's words (e.g. "Client ID", "Client secret"). */
  missing: string[];
}

/** The certificate's or secret's expiry that matters most (the soonest). */
export interface ExpiryState {
  /** `none`: no date recorded. `expiring`: within 30 days. */
  state: 'none' | 'ok' | 'expiring' | 'expired';
  what: 'certificate' | 'secret' | null;
  expiresAt: string | null;
  /** Whole days left (negative once expired). */
  daysLeft: number | null;
}

/** The last check of the app registration's manifest against the profile. */
export interface VerificationState {
  state: 'not-verified' | 'errors' | 'verified';
  at: string | null;
  errors: number;
  warnings: number;
  /** The profile was edited after this verification. */
  changedSince: boolean;
}

/** The last sign-in or app-only test. `changed`: it passed, but the profile was edited after it. */
export interface TestState {
  state: 'not-tested' | 'failed' | 'working' | 'changed';
  at: string | null;
  kind: 'delegated' | 'app-only' | null;
  /** "Delegated sign-in", "App-only test", … */
  name: string | null;
  summary: string | null;
  /** Permissions the profile needs that the test's token did not carry. */
  missing: string[];
}

/** What a profile file alone can tell (`gcw profile lint --json`): no tests, no verification. */
export interface FileStatus {
  completeness: CompletenessStatus;
  /** Errors of the profile's validation other than missing fields and expiry. */
  errors: number;
  warnings: number;
  expiry: ExpiryState;
}

/** Everything known about a stored profile. */
export interface ProfileStatus extends FileStatus {
  verification: VerificationState;
  test: TestState;
  /** The last test passed with every permission, nothing newer contradicts it, and nothing is missing, wrong or expired. */
  working: boolean;
  /** The most important fact: what the badge says. */
  headline: StatusFact;
  /** Every fact, most important first (the headline is the first). */
  facts: StatusFact[];
  /** What has not been proven, in plain words (the wizard's Finish and the record list these). */
  unproven: UnprovenItem[];
}

/** Something the evidence does not prove yet, with what would prove it. */
export interface UnprovenItem {
  key:
    | 'incomplete'
    | 'profile-errors'
    | 'not-verified'
    | 'verification-errors'
    | 'verification-stale'
    | 'not-tested'
    | 'test-failed'
    | 'changed-since-test'
    | 'permissions-missing';
  text: string;
}
