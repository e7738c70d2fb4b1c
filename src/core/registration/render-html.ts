import type { FindingSeverity, VerifyReport } from '../../shared/registration';
import { escapeHtml, reportPage } from '../report-html';
import {
  appHeading,
  appRows,
  appTables,
  headerRows,
  reportTitle,
  reportVerdict,
  severitySections,
  type Row,
} from './report-content';

const badge: Record<FindingSeverity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

function rowsTable(rows: Row[]): string {
  return `<table>${rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

/** A report as one self-contained, printable HTML page (no scripts, no external resources, no secrets). */
export function renderReportHtml(report: VerifyReport): string {
  const title = reportTitle(report);
  const parts: string[] = [
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
      const link = f.link.startsWith('https://')
        ? `<p><a href="${escapeHtml(f.link)}" rel="noopener noreferrer">Open in the admin center</a></p>`
        : '';
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
  );
  return reportPage(title, parts);
}
