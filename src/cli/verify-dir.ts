// `gcw verify --dir` and `--export`: every manifest of a folder (or every app of a tenant's export) checked against
// one target and reported as it is finished: a line per file (text), one JSON object per line (--json, JSON Lines,
// then a summary line), a report file per manifest (--out DIR). Nothing is kept but counters, so memory stays flat.
import type { StreamedResult } from '../core/registration/verify-stream';
import { plural } from '../shared/wording';
import { EXIT_FINDINGS, EXIT_OK } from './exit-codes';
import type { CliIo } from './io';
import { jsonLine } from './output';
import { makeOutFolder, notManifestJson, reportJson, writeReportToFolder, type OutFormat } from './verify-output';

export interface FolderRunOptions {
  json: boolean;
  /** Folder for one report per manifest. */
  outFolder: string | null;
  outFormat: OutFormat;
  force: boolean;
}

/** What the last line of a --json run says. */
export interface FolderSummary {
  files: number;
  checked: number;
  withErrors: number;
  notManifests: number;
  findings: { error: number; warning: number; info: number };
  reportsWritten: number;
  partialExports: string[];
}

/** Output gathered into writes of about 64 KB (one system call per ~30 manifests, not one each), and at least every 200 ms. */
function batchedOut(io: CliIo): { out(text: string): void; flush(): void } {
  let parts: string[] = [];
  let size = 0;
  let last = performance.now();
  const flush = () => {
    if (parts.length > 0) io.out(parts.join(''));
    parts = [];
    size = 0;
    last = performance.now();
  };
  return {
    out(text) {
      parts.push(text);
      size += text.length;
      if (size >= 64 * 1024 || performance.now() - last >= 200) flush();
    },
    flush,
  };
}

/** Report each result as it arrives; resolves with the exit code (1 when any file has errors or is not a manifest). */
export async function reportFolderRun(
  cliIo: CliIo,
  results: AsyncIterable<StreamedResult>,
  options: FolderRunOptions,
  partialExports: string[],
): Promise<number> {
  const io = batchedOut(cliIo);
  const summary: FolderSummary = {
    files: 0,
    checked: 0,
    withErrors: 0,
    notManifests: 0,
    findings: { error: 0, warning: 0, info: 0 },
    reportsWritten: 0,
    partialExports,
  };
  if (options.outFolder) makeOutFolder(options.outFolder);
  try {
    await reportEach(io, results, options, summary);
  } finally {
    io.flush(); // what was found before a failure (a report that could not be written) is still shown
  }
  if (options.json) io.out(jsonLine({ summary }));
  else {
    io.out(
      `\n${plural(summary.files, 'file')}: ${summary.checked} checked (${summary.withErrors} with errors), ${plural(summary.notManifests, 'file')} not an app manifest.\n`,
    );
    if (summary.reportsWritten > 0)
      io.out(`${plural(summary.reportsWritten, 'report')} written to ${options.outFolder}.\n`);
  }
  io.flush();
  for (const name of partialExports) {
    cliIo.err(
      `gcw: warning: ${name} names a next page (@odata.nextLink): it holds only part of the tenant's apps. Export all pages (az rest … --paginate, or Get-MgApplication -All) and check again.\n`,
    );
  }
  return summary.withErrors + summary.notManifests > 0 ? EXIT_FINDINGS : EXIT_OK;
}

async function reportEach(
  io: { out(text: string): void },
  results: AsyncIterable<StreamedResult>,
  options: FolderRunOptions,
  summary: FolderSummary,
): Promise<void> {
  for await (const r of results) {
    summary.files += 1;
    if (!r.result.ok) {
      summary.notManifests += 1;
      summary.findings.error += 1;
      if (options.json) io.out(jsonLine(notManifestJson(r.fileName, r.result.error)));
      else
        io.out(
          `${r.fileName}: 1 error — not an app manifest\n  error   [${r.result.error.code}] ${r.result.error.message}\n`,
        );
      continue;
    }
    const report = r.result.value;
    const { counts } = report;
    summary.checked += 1;
    if (counts.error > 0) summary.withErrors += 1;
    summary.findings.error += counts.error;
    summary.findings.warning += counts.warning;
    summary.findings.info += counts.info;
    if (options.outFolder) {
      writeReportToFolder(options.outFolder, report, options.outFormat, options.force);
      summary.reportsWritten += 1;
    }
    if (options.json) {
      io.out(jsonLine(reportJson(report)));
      continue;
    }
    const lines = [
      `${r.fileName}: ${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'note')}`,
    ];
    for (const f of report.findings)
      if (f.severity !== 'info')
        lines.push(`  ${f.severity.padEnd(7)} [${f.code}] ${f.message}`, `          Fix: ${f.fix}`);
    io.out(`${lines.join('\n')}\n`);
  }
}
