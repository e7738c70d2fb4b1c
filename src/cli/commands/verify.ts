import { resolve } from 'node:path';
import { verifyManifestFile, verifyManyManifests } from '../../core/registration/verify-files';
import { type Command, parseFlags, UsageError } from '../command';
import { EXIT_FINDINGS, EXIT_OK } from '../exit-codes';
import { printJson } from '../output';
import { readPfxArgument, readProfileArgument, readVerifyTarget, targetFlags } from '../verify-input';
import { checkOutPath, dirReportJson, printDirHuman, printReportHuman, reportJson, writeReportFile, writeReportsToFolder, type OutFormat } from '../verify-output';

const usage = `Usage:
  gcw verify --manifest <app.json> | --dir <folder>
      [--profile <profile.json> | --auth certificate|client-credentials|byo-app --client-id ID --tenant T
         [--domain D] [--audience single-tenant|multi-tenant] [--scopes "A B"] [--app-only-permissions "A B"]
         [--environment office365|usgov-l4|usgov-l5|china|custom [--login-host H --graph-host G]]]
      [--app-only] [--loopback] [--secret-env VAR]
      [--pfx <cert.pfx> [--password-env VAR | --password-stdin]]
      [--out <report.md|report.html> [--force]]   (with --dir: --out <folder> [--out-format md|html])
      [--json]
  Check an app registration's manifest (Entra admin center › App registrations › the app › Manifest › Download,
  or \`az ad app show --id <client ID>\`, or Graph GET /applications) against a connection profile, a PFX, or alone.
  --profile       a profile file (Export on the Connections page, or gcw profile new); or describe one with --auth …
  --app-only      app-only access is wanted: application permissions must be listed (the profile's, else the
                  application forms of its scopes)
  --loopback      the Workbench's sign-in test will run: http://localhost must be registered under Web
  --secret-env    environment variable holding the client secret: only its first three characters are compared
                  with the registered secrets' hints; it is never printed
  --dir           verify every .json file of a folder against the same profile, one report each
  Exit: 0 no errors (warnings allowed); 1 errors found (with --dir: in any file; a file that is not a manifest is an
        error of that file); 2 bad input (wrong flags, a --manifest that is not a manifest, a folder that cannot be read).
  JSON: { "file", "format": "graph"|"aadgraph", "counts", "findings": [ { "code", "severity", "message", "fix", "link" } ] }
        with --dir: { "reports": [ { "file", "format", "counts", "findings" } ] } (a file that is not a manifest: "format"
        null and one error finding with the reason)`;

const flags = {
  manifest: { type: 'string' },
  dir: { type: 'string' },
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
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}". Give the manifest with --manifest or a folder with --dir.`);
    if ((values.manifest === undefined) === (values.dir === undefined)) throw new UsageError('Give either --manifest <app.json> or --dir <folder>.');
    const outFormat = checkOut(values);
    const pfx = await readPfxArgument(values, io);
    const target = await readVerifyTarget(values, io, { profile: await readProfileArgument(values, io), pfx });
    if (values.manifest !== undefined) {
      const report = await verifyManifestFile(resolve(io.cwd, values.manifest), target);
      if (values.out) writeReportFile(resolve(io.cwd, values.out), report, values.force);
      if (globals.json) printJson(io, reportJson(report));
      else printReportHuman(io, report, values.out);
      return report.counts.error > 0 ? EXIT_FINDINGS : EXIT_OK;
    }
    const results = await verifyManyManifests(resolve(io.cwd, values.dir ?? '.'), target);
    const written = values.out ? writeReportsToFolder(resolve(io.cwd, values.out), results, outFormat, values.force) : [];
    if (globals.json) printJson(io, dirReportJson(results));
    else printDirHuman(io, results, written);
    return results.some((r) => !r.result.ok || r.result.value.counts.error > 0) ? EXIT_FINDINGS : EXIT_OK;
  },
};

function checkOut(values: Values): OutFormat {
  const format = values['out-format'];
  if (format !== undefined && format !== 'md' && format !== 'html') throw new UsageError('--out-format must be md or html.');
  if (format !== undefined && values.dir === undefined) throw new UsageError('--out-format is for --dir; with --manifest the extension of --out (.md or .html) decides.');
  if (values.manifest !== undefined) checkOutPath(values.out);
  return format ?? 'md';
}
