import type { FindingSeverity, VerifyReport } from '../../shared/registration';
import { appHeading, appRows, appTables, headerRows, reportTitle, reportVerdict, severitySections, type Row } from './report-content';

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

// Inline only, and a CSP that forbids every fetch: the file opens the same offline, in a ticket, or printed.
const style = `
body{font:14px/1.45 "Segoe UI",system-ui,sans-serif;color:#1b1b1b;max-width:60rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1rem;margin:1.2rem 0 .3rem}
table{border-collapse:collapse;margin:.4rem 0 1rem;width:100%}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top;word-break:break-word}
th{background:#f3f3f3}.verdict{font-weight:600}.finding{border-left:4px solid #999;padding:.3rem .8rem;margin:.6rem 0;break-inside:avoid}
.error{border-color:#c50f1f}.warning{border-color:#bc4b09}.info{border-color:#0f6cbd}.code{font-family:Consolas,monospace;font-size:.9em}
.badge{display:inline-block;font-size:.75rem;font-weight:600;padding:0 .4rem;border-radius:.2rem;color:#fff;margin-right:.4rem}
.badge.error{background:#c50f1f}.badge.warning{background:#bc4b09}.badge.info{background:#0f6cbd}.fix{margin:.3rem 0}
footer{margin-top:2rem;color:#555;font-size:.85rem}
@media print{body{margin:0;max-width:none}a{color:inherit}a[href]::after{content:" (" attr(href) ")";font-size:.8em;word-break:break-all}}
`;

const badge: Record<FindingSeverity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

function rowsTable(rows: Row[]): string {
  return `<table>${rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

/** A report as one self-contained, printable HTML page (no scripts, no external resources, no secrets). */
export function renderReportHtml(report: VerifyReport): string {
  const title = reportTitle(report);
  const parts: string[] = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${style}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    rowsTable(headerRows(report)),
    `<p class="verdict">${escapeHtml(reportVerdict(report))}</p>`,
  ];
  for (const section of severitySections) {
    const findings = report.findings.filter((f) => f.severity === section.severity);
    if (findings.length === 0) continue;
    parts.push(`<h2>${section.title} (${findings.length})</h2>`);
    for (const f of findings) {
      const app = report.apps.length > 1 && f.appName ? ` — ${escapeHtml(f.appName)}` : '';
      const link = f.link.startsWith('https://') ? `<p><a href="${escapeHtml(f.link)}" rel="noopener noreferrer">Open in the admin center</a></p>` : '';
      parts.push(
        `<section class="finding ${f.severity}"><h3><span class="badge ${f.severity}">${badge[f.severity]}</span><span class="code">${escapeHtml(f.code)}</span>${app}</h3>`,
        `<p>${escapeHtml(f.message)}</p><p class="fix"><strong>Fix:</strong> ${escapeHtml(f.fix)}</p>${link}</section>`,
      );
    }
  }
  parts.push(`<h2>App registration${report.apps.length === 1 ? '' : 's'}</h2>`);
  for (const app of report.apps) {
    parts.push(`<h3>${escapeHtml(appHeading(app))}</h3>`, rowsTable(appRows(app)));
    for (const table of appTables(app)) {
      parts.push(
        `<table><caption>${escapeHtml(table.title)}</caption><thead><tr>${table.headings.map((h) => `<th scope="col">${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
        `<tbody>${table.rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`,
      );
    }
  }
  parts.push(
    '<footer>Checked offline by Graph Connection Workbench. The report holds no secrets: certificates appear as thumbprints, client secrets as their three-character hints.</footer>',
    '</body></html>',
  );
  return parts.join('\n');
}
