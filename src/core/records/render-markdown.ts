import type { ConnectionRecord } from '../../shared/records';
import { escapeMarkdown as cell } from '../markdown';
import {
  connectionRows,
  graphChangeBlocks,
  notProvenLines,
  credentialRows,
  permissionTable,
  recordPreamble,
  recordTitle,
  testRows,
  verificationRows,
  type Row,
  type Table,
} from './record-content';

function rowsTable(rows: Row[]): string[] {
  return ['| Field | Value |', '| --- | --- |', ...rows.map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`)];
}

function table(t: Table): string[] {
  if (t.rows.length === 0) return ['No permissions are listed in the profile.'];
  return [
    `| ${t.headings.map(cell).join(' | ')} |`,
    `| ${t.headings.map(() => '---').join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

/** The record as Markdown, for a change ticket or a wiki page. */
export function renderRecordMarkdown(record: ConnectionRecord): string {
  const proof = notProvenLines(record);
  const lines = [
    `# ${cell(recordTitle(record))}`,
    '',
    cell(recordPreamble(record)),
    '',
    `## ${proof.title}`,
    '',
    ...proof.lines.map((l) => `- ${cell(l)}`),
    '',
  ];
  lines.push('## Connection', '', ...rowsTable(connectionRows(record)), '');
  lines.push('## Credential', '', ...rowsTable(credentialRows(record)), '');
  lines.push(
    '## Permissions and consent',
    '',
    ...table(permissionTable(record)),
    '',
    `**Consent status:** ${cell(record.consent.summary)}`,
    '',
  );
  lines.push('## Tests', '', ...rowsTable(testRows(record)), '');
  lines.push('## Verification', '', ...rowsTable(verificationRows(record)), '');
  const findings = record.verification?.openFindings ?? [];
  if (findings.length > 0) {
    lines.push('### Open findings', '');
    for (const f of findings)
      lines.push(
        `- **${f.severity === 'error' ? 'Error' : 'Warning'}** \`${f.code}\`: ${cell(f.message)} Fix: ${cell(f.fix)}`,
      );
    lines.push('');
  } else if (record.verification) {
    lines.push('No open findings.', '');
  }
  lines.push(...graphChangesMarkdown(record));
  if (record.notes.trim())
    lines.push(
      '## Notes',
      '',
      ...record.notes
        .trim()
        .split('\n')
        .map((l) => cell(l)),
      '',
    );
  return `${lines.join('\n').trimEnd()}\n`;
}

function graphChangesMarkdown(record: ConnectionRecord): string[] {
  const { none, blocks } = graphChangeBlocks(record);
  const lines = ['## Changes through Microsoft Graph', ''];
  if (none) return [...lines, cell(none), ''];
  for (const b of blocks) {
    lines.push(`### ${cell(b.title)}`, '', ...rowsTable(b.rows), '');
    if (b.requests.length) lines.push('Requests sent:', '', ...b.requests.map((r) => `- ${cell(r)}`), '');
    if (b.changes.length) lines.push('Changes:', '', ...b.changes.map((c) => `- ${cell(c)}`), '');
    if (b.undo.length) lines.push('To undo what it created:', '', ...b.undo.map((u) => `- ${cell(u)}`), '');
  }
  return lines;
}
