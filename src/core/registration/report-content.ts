// What a report says, independent of Markdown or HTML: both renderers walk these rows, so they never disagree.
import { environmentIds, environmentLabels, type EnvironmentId } from '../../shared/environments';
import type { AppRegistrationSummary, FindingSeverity, VerifyReport } from '../../shared/registration';
import { apiName, MICROSOFT_GRAPH_APP_ID } from './permission-lookup';
import { platformNames } from './redirect-uri';
import { isFragment, isPartial } from './shape-notes';
import { plural } from '../../shared/wording';

/** A labelled value of the report header or an app's facts. */
export type Row = [label: string, value: string];

/** A small table: headings and rows of text. */
export interface Table {
  title: string;
  headings: string[];
  rows: string[][];
}

const authLabels: Record<string, string> = {
  certificate: 'Client certificate',
  'client-credentials': 'OAuth 2.0 client credentials',
  'byo-app': 'Bring your own OAuth 2.0 app',
};

/** Severity headings, most serious first. */
export const severitySections: Array<{ severity: FindingSeverity; title: string }> = [
  { severity: 'error', title: 'Errors' },
  { severity: 'warning', title: 'Warnings' },
  { severity: 'info', title: 'Notes' },
];

/** The report's title line. */
export function reportTitle(report: VerifyReport): string {
  const names = report.apps.map((a) => a.displayName ?? a.appId ?? 'unnamed app');
  return `App registration check: ${names.length <= 3 ? names.join(', ') : `${names.length} app registrations`}`;
}

/** One line on the outcome. */
export function reportVerdict(report: VerifyReport): string {
  const { error, warning, info } = report.counts;
  const head =
    error > 0
      ? 'Not ready: the connection will fail until the errors are fixed.'
      : warning > 0
        ? 'No errors; review the warnings.'
        : 'No errors or warnings.';
  return `${head} (${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(info, 'note')})`;
}

/** The header rows: file, format, time and what the manifest was checked against. */
export function headerRows(report: VerifyReport): Row[] {
  const t = report.target;
  const env = (environmentIds as readonly string[]).includes(t.environment)
    ? environmentLabels[t.environment as EnvironmentId]
    : t.environment;
  const rows: Row[] = [];
  if (report.fileName) rows.push(['File', report.fileName]);
  rows.push(['Manifest format', report.format === 'graph' ? 'Microsoft Graph' : 'Azure AD Graph (older format)']);
  rows.push(['Checked at', `${report.checkedAt.slice(0, 16).replace('T', ' ')} UTC`]);
  rows.push([
    'Checked against',
    t.auth ? `${authLabels[t.auth] ?? t.auth} connection` : 'the manifest alone (no profile)',
  ]);
  rows.push(['Cloud', env]);
  if (t.clientId) rows.push(['Client ID', t.clientId]);
  if (t.tenant) rows.push(['Tenant', t.tenant]);
  if (t.domain) rows.push(['Domain', t.domain]);
  if (t.certificateThumbprintSha1) rows.push(['Certificate thumbprint (SHA-1)', t.certificateThumbprintSha1]);
  if (t.delegatedScopes.length) rows.push(['Delegated permissions asked for', t.delegatedScopes.join(' ')]);
  if (t.applicationPermissions.length)
    rows.push(['Application permissions asked for', t.applicationPermissions.join(' ')]);
  if (t.loopbackTest) rows.push(['Sign-in test', 'http://localhost (loopback)']);
  return rows;
}

/** An app registration's heading. */
export function appHeading(app: AppRegistrationSummary): string {
  return `${app.displayName ?? 'Unnamed app'}${app.appId ? ` (client ID ${app.appId})` : ''}`;
}

/** What kind of file an app came from when it is not a whole registration, in words; null for a whole one. */
export function appShape(app: AppRegistrationSummary): string | null {
  if (app.template)
    return 'Teams Toolkit template (aad.manifest.json): placeholders, certificates and secrets not checked';
  if (isFragment(app)) return 'requiredResourceAccess only: permissions checked, nothing else';
  if (isPartial(app)) return `part of a manifest: ${app.notInFile.join(', ')} not in the file, not checked`;
  return null;
}

/** An app's plain facts. */
export function appRows(app: AppRegistrationSummary): Row[] {
  const yesNo = (v: boolean | null): string => (v === null ? 'not set' : v ? 'Yes' : 'No');
  const shape = appShape(app);
  return [
    ...(shape ? ([['Checked as', shape]] as Row[]) : []),
    ['Object ID', app.objectId ?? '—'],
    ['Supported account types (signInAudience)', app.signInAudience ?? '—'],
    ['Allow public client flows', yesNo(app.isFallbackPublicClient)],
    ['Publisher domain', app.publisherDomain ?? '—'],
    ['Application ID URIs', app.identifierUris.join(' ') || '—'],
  ];
}

/** An app's redirect URIs, certificates, secrets and API permissions as tables (empty ones left out). */
export function appTables(app: AppRegistrationSummary): Table[] {
  const tables: Table[] = [
    {
      title: 'Redirect URIs',
      headings: ['Platform', 'URI'],
      rows: app.redirectUris.map((r) => [platformNames[r.platform], r.uri]),
    },
    {
      title: 'Certificates',
      headings: ['Description', 'Thumbprint (SHA-1)', 'Type', 'Usage', 'Start', 'Expires'],
      rows: app.keyCredentials.map((k) => [
        k.displayName ?? k.keyId ?? '—',
        k.keyThumbprintSha1 ??
          k.identifierThumbprintSha1 ??
          (k.identifierThumbprintSha256 ? `SHA-256 ${k.identifierThumbprintSha256}` : 'not a thumbprint'),
        k.type ?? '—',
        k.usage ?? '—',
        (k.startDateTime ?? '—').slice(0, 10),
        (k.endDateTime ?? '—').slice(0, 10),
      ]),
    },
    {
      title: 'Client secrets',
      headings: ['Description', 'Hint', 'Start', 'Expires'],
      rows: app.passwordCredentials.map((p) => [
        p.displayName ?? p.keyId ?? '—',
        p.hint ?? '—',
        (p.startDateTime ?? '—').slice(0, 10),
        (p.endDateTime ?? '—').slice(0, 10),
      ]),
    },
    {
      title: 'API permissions',
      headings: ['API', 'Permission', 'Type', 'Checked'],
      rows: app.requiredResourceAccess.map((p) => {
        const graph = p.resourceAppId === MICROSOFT_GRAPH_APP_ID;
        return [
          apiName(p.resourceAppId) ?? p.resourceAppId,
          p.value ?? p.writtenAs ?? p.id,
          p.type === 'Scope' ? 'Delegated' : p.type === 'Role' ? 'Application' : p.type,
          graph ? (p.value ? 'Yes' : 'unknown to this tool') : 'No (not Microsoft Graph)',
        ];
      }),
    },
  ];
  return tables.filter((t) => t.rows.length > 0);
}
