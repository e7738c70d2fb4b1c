import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { MAX_PFX_BYTES } from '../../core/certificates/errors';
import { endpointsFor } from '../../core/connections/environments';
import { readProfileFile } from '../../core/connections/profile-file';
import { buildProfileFromFlags } from '../../core/connections/profile-from-flags';
import { WorkbenchError } from '../../core/errors';
import { certificateFromPfx } from '../../core/registration/pfx-certificate';
import { profileToVerifyTarget, type VerifiableProfile } from '../../core/registration/profile-target';
import { verifyManifestFile, verifyManyManifests } from '../../core/registration/verify-files';
import { manifestOnlyTarget, type VerifyCertificate, type VerifyTarget } from '../../core/registration/verify-target';
import { environmentIds, type EnvironmentId } from '../../shared/environments';
import { type Command, parseFlags, UsageError } from '../command';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK } from '../exit-codes';
import type { CliIo } from '../io';
import { printJson } from '../output';
import { readTextArgument } from '../read-input';
import { dirReportJson, printDirHuman, printReportHuman, reportJson, writeReportFile, writeReportsToFolder, type OutFormat } from '../verify-output';

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
  Exit: 0 no errors (warnings allowed); 1 errors found; 2 bad input (a file that is not a manifest, wrong flags).
  JSON: { "file", "format": "graph"|"aadgraph", "counts", "findings": [ { "code", "severity", "message", "fix", "link" } ] }
        with --dir: { "reports": [ { "file", "format", "counts", "findings" } or { "file", "error": { "code", "message" } } ] }`;

const flags = {
  manifest: { type: 'string' },
  dir: { type: 'string' },
  profile: { type: 'string' },
  auth: { type: 'string' },
  'client-id': { type: 'string' },
  tenant: { type: 'string' },
  domain: { type: 'string' },
  audience: { type: 'string' },
  scopes: { type: 'string' },
  'app-only-permissions': { type: 'string' },
  environment: { type: 'string' },
  'login-host': { type: 'string' },
  'graph-host': { type: 'string' },
  'app-only': { type: 'boolean', default: false },
  loopback: { type: 'boolean', default: false },
  'secret-env': { type: 'string' },
  pfx: { type: 'string' },
  'password-env': { type: 'string' },
  'password-stdin': { type: 'boolean', default: false },
  out: { type: 'string' },
  'out-format': { type: 'string' },
  force: { type: 'boolean', default: false },
} as const;

type Values = ReturnType<typeof parseFlags<typeof flags>>['values'];

/** `gcw verify`: an app manifest (or a folder of them) against a profile, a PFX, or alone. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check app registration manifests against a connection profile and certificate, offline.',
  usage,
  async run(args, io, globals) {
    const { values, positionals } = parseFlags(args, flags, true);
    if (positionals.length > 0) throw new UsageError(`Unexpected argument "${positionals[0]}". Give the manifest with --manifest or a folder with --dir.`);
    if ((values.manifest === undefined) === (values.dir === undefined)) throw new UsageError('Give either --manifest <app.json> or --dir <folder>.');
    const outFormat = checkOut(values);
    const target = await buildTarget(values, io);
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
    if (results.some((r) => !r.result.ok)) return EXIT_BAD_INPUT;
    return results.some((r) => r.result.ok && r.result.value.counts.error > 0) ? EXIT_FINDINGS : EXIT_OK;
  },
};

function checkOut(values: Values): OutFormat {
  const format = values['out-format'];
  if (format !== undefined && format !== 'md' && format !== 'html') throw new UsageError('--out-format must be md or html.');
  if (format !== undefined && values.dir === undefined) throw new UsageError('--out-format is for --dir; with --manifest the extension of --out (.md or .html) decides.');
  if (values.out !== undefined && values.manifest !== undefined && !/\.(md|markdown|html?)$/i.test(values.out)) {
    throw new UsageError('--out must end in .md or .html: the extension chooses Markdown or HTML.');
  }
  return format ?? 'md';
}

async function buildTarget(values: Values, io: CliIo): Promise<VerifyTarget> {
  const described = ['auth', 'client-id', 'tenant', 'domain', 'audience', 'scopes', 'app-only-permissions'].filter((k) => values[k as keyof Values] !== undefined);
  if (values.profile !== undefined && described.length > 0) throw new UsageError(`Give either --profile or --auth with its flags, not both (--${described[0]} was given too).`);
  if (values.auth === undefined && described.length > 0) throw new UsageError(`--${described[0]} describes a profile: add --auth certificate|client-credentials|byo-app.`);
  const certificate = await pfxCertificate(values, io);
  const secret = readEnvSecret(io, values['secret-env'], '--secret-env');
  const profile = values.profile !== undefined ? await profileFromFile(io, values.profile) : values.auth !== undefined ? profileFromFlags(values) : null;
  if (!profile) {
    const environment = environmentFromFlags(values);
    return manifestOnlyTarget(environment, { loopbackTest: values.loopback, ...(certificate ? { certificate } : {}) });
  }
  if (values.environment !== undefined && values.profile !== undefined) throw new UsageError('--environment comes from the profile file; leave it out with --profile.');
  return profileToVerifyTarget(profile, {
    loopbackTest: values.loopback,
    secretFirstChars: secret ? secret.slice(0, 3) : null,
    ...(values['app-only'] ? { appOnly: true } : {}),
    ...(certificate ? { certificate } : {}),
  });
}

async function profileFromFile(io: CliIo, path: string): Promise<VerifiableProfile> {
  const reading = readProfileFile(await readTextArgument(io, path, 1024 * 1024));
  if (!reading.ok) throw new WorkbenchError(reading.error.code, `${path}: ${reading.error.message}`, reading.error.hint ? { hint: reading.error.hint } : {});
  if (!reading.value.profile) throw new WorkbenchError('profile.invalid', `${path} names no authentication option this version knows ("auth" must be certificate, client-credentials or byo-app).`);
  return reading.value.profile;
}

function profileFromFlags(values: Values): VerifiableProfile {
  return buildProfileFromFlags({
    auth: values.auth ?? '',
    clientId: values['client-id'],
    tenant: values.tenant,
    environment: values.environment,
    loginHost: values['login-host'],
    graphHost: values['graph-host'],
    domain: values.domain,
    audience: values.audience,
    scopes: values.scopes,
    appOnlyPermissions: values['app-only-permissions'],
  }).file;
}

function environmentFromFlags(values: Values) {
  const id = values.environment ?? 'office365';
  if (!(environmentIds as readonly string[]).includes(id)) throw new UsageError(`--environment must be one of ${environmentIds.join(', ')}; "${id}" is not.`);
  return endpointsFor(id as EnvironmentId, { loginHost: values['login-host'] ?? '', graphHost: values['graph-host'] ?? '' });
}

async function pfxCertificate(values: Values, io: CliIo): Promise<VerifyCertificate | null> {
  if (values.pfx === undefined) {
    if (values['password-env'] !== undefined || values['password-stdin']) throw new UsageError('--password-env and --password-stdin go with --pfx.');
    return null;
  }
  if (values['password-env'] !== undefined && values['password-stdin']) throw new UsageError('Give the PFX password one way: --password-env VAR or --password-stdin.');
  const path = resolve(io.cwd, values.pfx);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (cause) {
    throw new WorkbenchError('file.not_found', `There is no file ${values.pfx}. Check the path of --pfx.`, { cause });
  }
  if (size > MAX_PFX_BYTES) throw new WorkbenchError('pfx.too_large', `${values.pfx} is ${(size / 1024 / 1024).toFixed(1)} MB; a PFX is at most a few KB, so this is not the right file.`);
  const bytes = readFileSync(path);
  const password = values['password-stdin'] ? (await io.readStdin()).replace(/\r?\n$/, '') : readEnvSecret(io, values['password-env'], '--password-env');
  return (await certificateFromPfx(bytes, password)).certificate;
}

/** A secret from the environment variable a flag names (never from the flag itself). */
function readEnvSecret(io: CliIo, name: string | undefined, flag: string): string | null {
  if (name === undefined) return null;
  const value = io.env[name];
  if (value === undefined || value === '') throw new UsageError(`${flag} ${name}: that environment variable is not set or empty.`);
  return value;
}
