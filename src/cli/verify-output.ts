import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { WorkbenchError } from '../core/errors';
import { headerRows, reportVerdict, severitySections } from '../core/registration/report-content';
import { renderReportHtml } from '../core/registration/render-html';
import { renderReportMarkdown } from '../core/registration/render-markdown';
import { writeNewFile } from '../core/storage/atomic-write';
import type { VerifyReport } from '../shared/registration';
import type { AppError } from '../shared/result';
import { UsageError } from './command';
import type { CliIo } from './io';

/** The report format of `--out` with `--dir`. */
export type OutFormat = 'md' | 'html';

/** What `gcw verify --json` prints for one manifest. */
export function reportJson(report: VerifyReport) {
  return {
    file: report.fileName,
    format: report.format,
    apps: report.apps.map((a) => ({ appId: a.appId, displayName: a.displayName })),
    counts: report.counts,
    findings: report.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      fix: f.fix,
      link: f.link,
    })),
  };
}

/**
 * A file of a folder run that is not a manifest (invalid JSON, too large, not an app): one error finding of that
 * file, so it counts like any other file with errors (exit 1) and the other files' findings are still reported.
 */
export function notManifestJson(fileName: string, error: AppError) {
  return {
    file: fileName,
    format: null,
    apps: [],
    counts: { error: 1, warning: 0, info: 0 },
    findings: [
      {
        code: error.code,
        severity: 'error' as const,
        message: error.message,
        fix:
          error.hint ??
          'Save the app’s manifest as JSON (Manifest › Download, or az ad app show --id <client ID>), or move the file out of the folder.',
        link: null,
      },
    ],
  };
}

/** Human output: header, findings grouped by severity with their fixes and admin-center links, verdict. */
export function printReportHuman(io: CliIo, report: VerifyReport, outPath?: string): void {
  const lines: string[] = [];
  for (const [label, value] of headerRows(report)) lines.push(`${label}: ${value}`);
  for (const app of report.apps) lines.push(`App: ${app.displayName ?? 'unnamed'} (client ID ${app.appId ?? 'none'})`);
  for (const section of severitySections) {
    const findings = report.findings.filter((f) => f.severity === section.severity);
    if (findings.length === 0) continue;
    lines.push('', `${section.title} (${findings.length})`);
    for (const f of findings) {
      lines.push(`  [${f.code}] ${f.message}`, `    Fix: ${f.fix}`, `    Open: ${f.link}`);
    }
  }
  lines.push('', reportVerdict(report));
  if (outPath) lines.push(`Report written to ${outPath}.`);
  io.out(`${lines.join('\n')}\n`);
}

/** True when an --out path asks for HTML (.html, .htm); anything else checkOutPath let through is Markdown. */
export function isHtmlPath(path: string): boolean {
  return /\.html?$/i.test(path);
}

/** --out for one report or record: its extension chooses Markdown or HTML, so it must be one of theirs. */
export function checkOutPath(out: string | undefined): void {
  if (out !== undefined && !/\.(md|markdown|html?)$/i.test(out))
    throw new UsageError('--out must end in .md or .html: the extension chooses Markdown or HTML.');
}

/** Write one report to a .md or .html file (owner-only); an existing file is replaced only with --force. */
export function writeReportFile(path: string, report: VerifyReport, force: boolean): void {
  const html = isHtmlPath(path);
  writeOrExplain(path, html ? renderReportHtml(report) : renderReportMarkdown(report), force);
}

/** Write one report into the --out folder of a folder run: `<manifest name>.verification.md|html` (an export's app: `apps[17]`). */
export function writeReportToFolder(folder: string, report: VerifyReport, format: OutFormat, force: boolean): string {
  const name = (report.fileName ?? 'manifest').replace(/\.json(?=$|\[)/i, '').replace(/[^\w.\-[\]]+/g, '-');
  const path = join(folder, `${name}.verification.${format}`);
  writeOrExplain(path, format === 'html' ? renderReportHtml(report) : renderReportMarkdown(report), force);
  return path;
}

/** Create the --out folder of a folder run. */
export function makeOutFolder(folder: string): void {
  try {
    mkdirSync(folder, { recursive: true });
  } catch (cause) {
    throw new WorkbenchError(
      'file.write_failed',
      `The folder ${basename(folder)} for --out could not be created. Check the path and that you may write there.`,
      { cause },
    );
  }
}

/** Write a new owner-only text file for --out; an existing one only with --force, with a message that says so. */
export function writeOrExplain(path: string, text: string, force: boolean): void {
  const shown = path;
  try {
    writeNewFile(path, text, { overwrite: force });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new WorkbenchError(
        'file.exists',
        `${shown} exists already. Choose another --out, or add --force to replace it.`,
      );
    throw new WorkbenchError(
      'file.write_failed',
      `${shown} could not be written. Check that the folder exists and you may write to it.`,
      { cause: error },
    );
  }
}
