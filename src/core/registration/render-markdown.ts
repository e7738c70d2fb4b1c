import type { VerifyReport } from '../../shared/registration';
import { escapeMarkdown } from '../markdown';
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

export { escapeMarkdown };

function rowsTable(rows: Row[]): string[] {
  return ['| | |', '|---|---|', ...rows.map(([k, v]) => `| ${escapeMarkdown(k)} | ${escapeMarkdown(v)} |`)];
}

/** A report as Markdown for a change ticket: header, app facts, findings by severity with their fixes and links. */
export function renderReportMarkdown(report: VerifyReport): string {
  const lines: string[] = [
    `# ${escapeMarkdown(reportTitle(report))}`,
    '',
    ...rowsTable(headerRows(report)),
    '',
    `**${escapeMarkdown(reportVerdict(report))}**`,
    '',
  ];
  for (const section of severitySections) {
    const findings = report.findings.filter((f) => f.severity === section.severity);
    if (findings.length === 0) continue;
    lines.push(`## ${section.title} (${findings.length})`, '');
    findings.forEach((f, i) => {
      lines.push(
        `### ${i + 1}. \`${f.code}\`${report.apps.length > 1 && f.appName ? ` — ${escapeMarkdown(f.appName)}` : ''}`,
        '',
      );
      lines.push(escapeMarkdown(f.message), '');
      lines.push(`**Fix:** ${escapeMarkdown(f.fix)}`, '');
      if (f.link.startsWith('https://'))
        lines.push(`[Open in the admin center](${f.link.replace(/[()\s]/g, encodeURIComponent)})`, '');
    });
  }
  lines.push('## App registration' + (report.apps.length === 1 ? '' : 's'), '');
  for (const app of report.apps) {
    lines.push(`### ${escapeMarkdown(appHeading(app))}`, '', ...rowsTable(appRows(app)), '');
    for (const table of appTables(app)) {
      lines.push(
        `**${table.title}**`,
        '',
        `| ${table.headings.join(' | ')} |`,
        `|${table.headings.map(() => '---').join('|')}|`,
      );
      for (const row of table.rows) lines.push(`| ${row.map(escapeMarkdown).join(' | ')} |`);
      lines.push('');
    }
  }
  lines.push(
    '_Checked offline by Graph Connection Workbench. The report holds no secrets: certificates appear as thumbprints, client secrets as their three-character hints._',
    '',
  );
  return lines.join('\n');
}
