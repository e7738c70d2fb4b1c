import type { ConnectionRecord } from '../../shared/records';
import { escapeHtml, reportPage } from '../report-html';
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

const mono = new Set([
  'Application (client) ID',
  'Client ID',
  'Tenant',
  'Certificate thumbprint (SHA-1)',
  'Certificate thumbprint (SHA-256)',
  'Redirect URI (Web)',
  'Account UPN',
]);

function rowsTable(rows: Row[], caption: string): string {
  const body = rows
    .map(
      ([k, v]) =>
        `<tr><th scope="row">${escapeHtml(k)}</th><td${mono.has(k) ? ' class="mono"' : ''}>${escapeHtml(v)}</td></tr>`,
    )
    .join('');
  return `<table><caption class="visually-hidden">${escapeHtml(caption)}</caption>${body}</table>`;
}

function permissionsHtml(t: Table, record: ConnectionRecord): string {
  if (t.rows.length === 0) return '<p>No permissions are listed in the profile.</p>';
  const head = `<thead><tr>${t.headings.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = t.rows
    .map((r, i) => {
      const state = record.permissions[i]?.consent ?? 'not-verified';
      return `<tr>${r.map((c, j) => `<td${j === 0 ? ' class="mono"' : j === 3 ? ` class="${state}"` : ''}>${escapeHtml(c)}</td>`).join('')}</tr>`;
    })
    .join('');
  return `<table>${head}<tbody>${body}</tbody></table>`;
}

/** The record as one self-contained, printable HTML page (no scripts, no external resources, every value escaped). */
export function renderRecordHtml(record: ConnectionRecord): string {
  const title = recordTitle(record);
  const proof = notProvenLines(record);
  const parts = [
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="preamble">${escapeHtml(recordPreamble(record))}</p>`,
    `<h2>${escapeHtml(proof.title)}</h2>`,
    `<ul class="proof">${proof.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
    '<h2>Connection</h2>',
    rowsTable(connectionRows(record), 'Connection'),
    '<h2>Credential</h2>',
    rowsTable(credentialRows(record), 'Credential'),
    '<h2>Permissions and consent</h2>',
    permissionsHtml(permissionTable(record), record),
    `<p class="consent">Consent status: ${escapeHtml(record.consent.summary)}</p>`,
    '<h2>Tests</h2>',
    rowsTable(testRows(record), 'Tests'),
    '<h2>Verification</h2>',
    rowsTable(verificationRows(record), 'Verification'),
  ];
  const findings = record.verification?.openFindings ?? [];
  if (findings.length > 0) {
    parts.push('<h3>Open findings</h3>');
    for (const f of findings) {
      parts.push(
        `<section class="finding ${f.severity}"><p><strong>${f.severity === 'error' ? 'Error' : 'Warning'}</strong> <span class="mono">${escapeHtml(f.code)}</span>: ${escapeHtml(f.message)}</p><p><strong>Fix:</strong> ${escapeHtml(f.fix)}</p></section>`,
      );
    }
  } else if (record.verification) {
    parts.push('<p>No open findings.</p>');
  }
  parts.push(graphChangesHtml(record));
  if (record.notes.trim()) parts.push('<h2>Notes</h2>', `<p class="notes">${escapeHtml(record.notes.trim())}</p>`);
  return `${reportPage(title, parts)}\n`;
}

function listHtml(title: string, items: string[], className = ''): string {
  if (items.length === 0) return '';
  return `<p>${escapeHtml(title)}</p><ul${className ? ` class="${className}"` : ''}>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
}

function graphChangesHtml(record: ConnectionRecord): string {
  const { none, blocks } = graphChangeBlocks(record);
  const parts = ['<h2>Changes through Microsoft Graph</h2>'];
  if (none) parts.push(`<p>${escapeHtml(none)}</p>`);
  for (const b of blocks) {
    parts.push(
      `<section class="change"><h3>${escapeHtml(b.title)}</h3>`,
      rowsTable(b.rows, b.title),
      listHtml('Requests sent:', b.requests, 'mono'),
      listHtml('Changes:', b.changes),
      listHtml('To undo what it created:', b.undo),
      '</section>',
    );
  }
  return parts.join('\n');
}
