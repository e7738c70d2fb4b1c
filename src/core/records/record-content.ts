import type { SecretState } from '../../shared/connections';
import type { ConnectionRecord, ConsentState, RecordExpiry, RecordTest } from '../../shared/records';

/** A label and its value. */
export type Row = [string, string];

/** A titled table with column headings. */
export interface Table {
  title: string;
  headings: string[];
  rows: string[][];
}

const secretLabels: Record<string, string> = {
  clientSecret: 'Client secret',
  pfx: 'Certificate (PFX)',
  pfxPassword: 'Certificate password',
};
const stateWords: Record<SecretState, string> = {
  stored: 'Stored in the OS keychain of the computer that made this record (not in this record)',
  missing: 'Not stored in the Workbench',
  unreadable: 'Stored, but cannot be decrypted on that computer any more',
};
const consentWords: Record<ConsentState, string> = {
  granted: 'Granted',
  missing: 'Missing',
  'not-verified': 'Not verified',
};

/** The record's title. */
export function recordTitle(record: ConnectionRecord): string {
  return `Connection record: ${record.profileName || 'Unnamed profile'}`;
}

/** The line under the title: when, by what, and that no secret is inside. */
export function recordPreamble(record: ConnectionRecord): string {
  return `Made ${utc(record.generatedAt)} by ${record.generator}. This record holds no secret: client secrets, private keys, PFX files, passwords and tokens are never written to it.`;
}

/** "2026-03-01 10:00 UTC". */
export function utc(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

function expiryText(expiry: RecordExpiry | null, missing: string): string {
  if (!expiry) return missing;
  const date = expiry.expiresAt.slice(0, 10);
  if (expiry.status === 'expired')
    return `${date} (expired ${-expiry.daysLeft} day${expiry.daysLeft === -1 ? '' : 's'} ago)`;
  return `${date} (in ${expiry.daysLeft} day${expiry.daysLeft === 1 ? '' : 's'}${expiry.status === 'ok' ? '' : ': renew it soon'})`;
}

/** What the record does not prove, or a line saying the evidence covers it all. */
export function notProvenLines(record: ConnectionRecord): { title: string; lines: string[] } {
  if (record.notProven.length > 0) return { title: 'Not proven yet', lines: record.notProven };
  return {
    title: 'Proven',
    lines: ['The last test passed after the last edit, and the last manifest check found no errors.'],
  };
}

/** Profile name, option, client ID, tenant, environment and the option's own fields. */
export function connectionRows(record: ConnectionRecord): Row[] {
  const env = record.environment;
  const hosts = env.loginHost
    ? ` — sign-in https://${env.loginHost}, Microsoft Graph https://${env.graphHost ?? ''}`
    : '';
  const rows: Row[] = [
    ['Profile name', record.profileName],
    ['Authentication option', record.authLabel],
    ['Client ID', record.clientId || '(not set)'],
    ['Tenant', record.tenant || '(not set)'],
    ['Environment', `${env.label}${hosts}`],
  ];
  if (record.upn !== null) rows.push(['Account UPN', record.upn || '(not set)']);
  if (record.audience !== null)
    rows.push(['Who may sign in', record.audience === 'multi-tenant' ? 'Multi-tenant' : 'Single-tenant']);
  if (record.domain !== null) rows.push(['Domain', record.domain || '(not set)']);
  if (record.redirectUri !== null) rows.push(['Redirect URI (Web)', record.redirectUri || '(not set)']);
  return rows;
}

/** Certificate thumbprints and expiry, secret expiry, and where each secret is kept. */
export function credentialRows(record: ConnectionRecord): Row[] {
  const rows: Row[] = [];
  if (record.auth === 'certificate') {
    const c = record.certificate;
    if (c) {
      rows.push(
        ['Certificate subject', c.subject],
        ['Certificate thumbprint (SHA-1)', c.thumbprintSha1],
        ['Certificate thumbprint (SHA-256)', c.thumbprintSha256],
      );
      rows.push(['Certificate expires', expiryText(c.expiry, '(unknown)')]);
    } else {
      rows.push(['Certificate', 'No certificate chosen for this profile yet']);
    }
  }
  // A certificate profile may note a date of its own; a secret's expiry is always worth a line, known or not.
  if (record.auth !== 'certificate')
    rows.push([
      'Client secret expires',
      expiryText(record.secretExpiry, 'Not recorded: add it to the profile for reminders'),
    ]);
  else if (
    record.secretExpiry &&
    record.secretExpiry.expiresAt.slice(0, 10) !== record.certificate?.expiry?.expiresAt.slice(0, 10)
  ) {
    rows.push(['Credential expiry date', expiryText(record.secretExpiry, '')]);
  }
  for (const s of record.secrets) rows.push([secretLabels[s.name] ?? s.name, stateWords[s.state] ?? s.state]);
  return rows;
}

/** The permissions with their kind, admin-consent flag and consent status. */
export function permissionTable(record: ConnectionRecord): Table {
  return {
    title: 'Permissions',
    headings: ['Permission', 'Kind', 'Admin consent required', 'Consent status', 'Seen in'],
    rows: record.permissions.map((p) => [
      p.value,
      p.kind === 'delegated' ? 'Delegated' : 'Application',
      p.adminConsentRequired === null ? 'Unknown' : p.adminConsentRequired ? 'Yes' : 'No',
      consentWords[p.consent],
      p.seenIn ?? '—',
    ]),
  };
}

function testText(test: RecordTest | null, none: string): string {
  if (!test) return none;
  return `${test.test}, ${utc(test.at)}: ${test.ok ? 'passed' : 'failed'}. ${test.summary}`;
}

/** The last successful test and the last test. */
export function testRows(record: ConnectionRecord): Row[] {
  const rows: Row[] = [
    [
      'Last successful test',
      testText(
        record.lastSuccessfulTest,
        'None recorded: run a sign-in test on the Workbench’s Sign-in tests page, where its result is kept for this record.',
      ),
    ],
  ];
  if (record.lastTest && record.lastTest.at !== record.lastSuccessfulTest?.at)
    rows.push(['Last test', testText(record.lastTest, '')]);
  return rows;
}

/** The last verification's counts, or why there is none. */
export function verificationRows(record: ConnectionRecord): Row[] {
  const v = record.verification;
  if (!v)
    return [['Last verification', 'None: the app registration’s manifest has not been verified against this profile.']];
  const what = [v.appName, v.fileName].filter(Boolean).join(', ');
  return [
    ['Last verification', `${utc(v.checkedAt)}${what ? ` (${what})` : ''}`],
    [
      'Result',
      `${v.counts.error} error${v.counts.error === 1 ? '' : 's'}, ${v.counts.warning} warning${v.counts.warning === 1 ? '' : 's'}, ${v.counts.info} note${v.counts.info === 1 ? '' : 's'}`,
    ],
  ];
}

/** One run that changed the app registration through Graph, as the record shows it. */
export interface GraphChangeBlock {
  title: string;
  rows: Row[];
  requests: string[];
  changes: string[];
  undo: string[];
}

/** The changes made through Microsoft Graph (newest first), or the line that says why there are none. */
export function graphChangeBlocks(record: ConnectionRecord): { none: string | null; blocks: GraphChangeBlock[] } {
  if (record.graphChanges === null)
    return {
      none: 'Not known: this record was made without the Workbench app’s change log (changes made through Graph are listed only in records the app makes).',
      blocks: [],
    };
  if (record.graphChanges.length === 0)
    return {
      none: 'None: the Workbench has not changed this profile’s app registration through Microsoft Graph.',
      blocks: [],
    };
  return {
    none: null,
    blocks: record.graphChanges.map((c) => ({
      title: `${utc(c.at)}: ${c.action}`,
      rows: [
        ['When', utc(c.at)],
        ['Signed in as', c.account ?? '(not known)'],
        ['Application (client) ID', c.appId ?? '(not known)'],
        ['Result', c.result],
      ],
      requests: c.requests,
      changes: c.changes,
      undo: c.undo,
    })),
  };
}
