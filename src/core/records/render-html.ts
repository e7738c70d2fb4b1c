import type { ConnectionRecord } from '../../shared/records';
import { escapeHtml } from '../registration/render-html';
import { connectionRows, notProvenLines, credentialRows, permissionTable, recordPreamble, recordTitle, testRows, verificationRows, type Row, type Table } from './record-content';

// Inline only, and a CSP that forbids every fetch: the page opens the same offline, in a ticket, printed, or as a PDF.
const style = `
body{font:14px/1.45 "Segoe UI",system-ui,sans-serif;color:#1b1b1b;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem;margin-bottom:.3rem}h2{font-size:1.2rem;margin-top:1.8rem;border-bottom:1px solid #ccc}h3{font-size:1rem}
.preamble{color:#444}
table{border-collapse:collapse;margin:.4rem 0 1rem;width:100%}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top;word-break:normal;overflow-wrap:break-word}
th{background:#f3f3f3}th[scope=row]{width:14rem}.mono{font-family:Consolas,"Courier New",monospace;overflow-wrap:anywhere}
.granted{color:#0e700e;font-weight:600}.missing{color:#c50f1f;font-weight:600}.not-verified{color:#8a5300}
.finding{border-left:4px solid #999;padding:.3rem .8rem;margin:.6rem 0;break-inside:avoid}.error{border-color:#c50f1f}.warning{border-color:#bc4b09}
.consent{font-weight:600}.notes{white-space:pre-wrap}
@page{size:A4;margin:16mm}
@media print{body{margin:0;max-width:none;font-size:11pt}h2{break-after:avoid}tr,.finding{break-inside:avoid}}
`;

const mono = new Set(['Client ID', 'Tenant', 'Certificate thumbprint (SHA-1)', 'Certificate thumbprint (SHA-256)', 'Redirect URI (Web)', 'Account UPN']);

function rowsTable(rows: Row[], caption: string): string {
  const body = rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td${mono.has(k) ? ' class="mono"' : ''}>${escapeHtml(v)}</td></tr>`).join('');
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
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${style}caption.visually-hidden{position:absolute;left:-10000px}</style></head><body>`,
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
  if (record.notes.trim()) parts.push('<h2>Notes</h2>', `<p class="notes">${escapeHtml(record.notes.trim())}</p>`);
  parts.push('</body></html>');
  return `${parts.join('\n')}\n`;
}
