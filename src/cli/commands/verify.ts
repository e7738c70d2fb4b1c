import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { WorkbenchError } from '../../core/errors';
import { verifyManifestFile } from '../../core/registration/verify-files';
import { verifyExportFile, verifyFolderStream } from '../../core/registration/verify-stream';
import { type Command, parseFlags, UsageError } from '../command';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes';
import { printJson } from '../output';
import { reportFolderRun } from '../verify-dir';
import { readPfxArgument, readProfileArgument, readVerifyTarget, targetFlags } from '../verify-input';
import { checkOutPath, printReportHuman, reportJson, writeReportFile, type OutFormat } from '../verify-output';

const usage = `Usage:
  gcw verify --manifest <app.json> | --dir <folder> | --export <apps.json>
      [--profile <profile.json> | --auth certificate|client-credentials|byo-app --client-id ID --tenant T
         [--domain D] [--audience single-tenant|multi-tenant] [--scopes "A B"] [--app-only-permissions "A B"]
         [--environment office365|usgov-l4|usgov-l5|china|custom [--login-host H --graph-host G]]]
      [--app-only] [--loopback] [--secret-env VAR]
      [--pfx <cert.pfx> [--password-env VAR | --password-stdin]]
      [--out <report.md|report.html> [--force]]   (with --dir/--export: --out <folder> [--out-format md|html])
      [--json]
  Check an app registration's manifest (Entra admin center › App registrations › the app › Manifest › Download,
  or \`az ad app show --id <client ID>\`, or Graph GET /applications) against a connection profile, a PFX, or alone.
  --profile       a profile file (Export on the Connections page, or gcw profile new); or describe one with --auth …
  --app-only      app-only access is wanted: application permissions must be listed (the profile's, else the
                  application forms of its scopes)
  --loopback      the Workbench's sign-in test will run: http://localhost must be registered under Web
  --secret-env    environment variable holding the client secret: only its first three characters are compared
                  with the registered secrets' hints; it is never printed
  --dir           verify every .json file of a folder against the same profile, one report each, printed as each
                  is finished (an export in the folder gives one report per app)
  --export        a whole tenant's app registrations in one file of any size: Graph GET /applications
                  ({ "value": [ … ] }) or az ad app list ([ … ]); one report per app, streamed
  Exit: 0 no errors (warnings allowed); 1 errors found (with --dir/--export: in any file or app; one that is not a
        manifest is an error of its own); 2 bad input (wrong flags, a --manifest that is not a manifest, a folder or
        export that cannot be read).
  JSON: { "file", "format": "graph"|"aadgraph", "apps", "counts", "findings": [ { "code", "severity", "message", "fix", "link" } ] }
        with --dir/--export: JSON Lines, one such object per file or app as it is finished ("file": "apps.json[17]"
        for an export's app; one that is not a manifest: "format" null and one error finding), then a last line
        { "summary": { "files", "checked", "withErrors", "notManifests", "findings", "reportsWritten", "partialExports" } }`;

const flags = {
  manifest: { type: 'string' },
  dir: { type: 'string' },
  export: { type: 'string' },
  ...targetFlags,
  out: { type: 'string' },
  'out-format': { type: 'string' },
  force: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseFlags<typeof flags>>['values'];

/** `gcw verify`: an app manifest (or a folder of them) against a profile, a PFX, or alone. */
export const verifyCommand: Command = {
  usage,
  async run(args, io, globals) {
    const { values, positionals } = parseFlags(args, flags, true);
    if (positionals.length > 0)
      throw new UsageError(
        `Unexpected argument "${positionals[0]}". Give the manifest with --manifest or a folder with --dir.`,
      );
    const inputs = [values.manifest, values.dir, values.export].filter((v) => v !== undefined);
    if (inputs.length !== 1)
      throw new UsageError('Give one of --manifest <app.json>, --dir <folder> or --export <apps.json>.');
    const outFormat = checkOut(values);
    const pfx = await readPfxArgument(values, io);
    const target = readVerifyTarget(values, io, { profile: await readProfileArgument(values, io), pfx });
    if (values.manifest !== undefined) {
      const report = await verifyManifestFile(resolve(io.cwd, values.manifest), target);
      if (values.out) writeReportFile(resolve(io.cwd, values.out), report, values.force);
      if (globals.json) printJson(io, reportJson(report));
      else printReportHuman(io, report, values.out);
      return report.counts.error > 0 ? EXIT_FINDINGS : EXIT_OK;
    }
    if (values.export !== undefined && !isReadableFile(resolve(io.cwd, values.export))) {
      throw new WorkbenchError(
        'file.not_found',
        `There is no readable file ${values.export}. Check the path of --export.`,
      );
    }
    const partialExports: string[] = [];
    // gcw has nothing else to do while it reads: reading each file in turn is faster than reading ahead on threads.
    const streamOptions = { read: 'sync' as const, onPartialExport: (name: string) => partialExports.push(name) };
    const results =
      values.dir !== undefined
        ? verifyFolderStream(resolve(io.cwd, values.dir), target, streamOptions)
        : verifyExportFile(resolve(io.cwd, values.export ?? ''), target, streamOptions);
    const outFolder = values.out !== undefined ? resolve(io.cwd, values.out) : null;
    return reportFolderRun(
      io,
      results,
      { json: globals.json, outFolder, outFormat, force: values.force },
      partialExports,
    );
  },
};

function checkOut(values: Values): OutFormat {
  const format = values['out-format'];
  if (format !== undefined && format !== 'md' && format !== 'html')
    throw new UsageError('--out-format must be md or html.');
  if (format !== undefined && values.manifest !== undefined)
    throw new UsageError(
      '--out-format is for --dir and --export; with --manifest the extension of --out (.md or .html) decides.',
    );
  if (values.manifest !== undefined) checkOutPath(values.out);
  return format ?? 'md';
}

function isReadableFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
