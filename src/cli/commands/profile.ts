import { resolve } from 'node:path';
import { buildProfileFromFlags } from '../../core/connections/profile-from-flags';
import { lintExitCode, lintProfileFile } from '../../core/connections/profile-file';
import { WorkbenchError } from '../../core/errors';
import { writeNewFile } from '../../core/storage/atomic-write';
import type { ProfileFinding } from '../../shared/connections';
import { type Command, parseFlags, UsageError } from '../command';
import { EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK } from '../exit-codes';
import type { CliIo } from '../io';
import { printError, printJson } from '../output';
import { readTextArgument } from '../read-input';
import { certificateRefOf, readPfxArgument } from '../verify-input';
import { plural } from '../../shared/wording';

const usage = `Usage:
  gcw profile lint <profile.json | -> [--json]
      Check a profile file. Exit 0: no errors (warnings allowed); 1: errors; 2: not a profile.
      JSON: { "findings": [ { "code", "severity", "field", "message" } ],
              "status": { "completeness", "errors", "warnings", "expiry" } }  (tests and verification live in the app)
  gcw profile new --auth certificate|client-credentials|byo-app --out <profile.json> [--force]
      [--client-id ID] [--tenant T] [--environment office365|usgov-l4|usgov-l5|china|custom]
      [--login-host H --graph-host G] [--upn UPN] [--domain D] [--audience single-tenant|multi-tenant]
      [--scopes "A B"] [--app-only-permissions "A B"] [--name N] [--notes TEXT] [--secret-expires YYYY-MM-DD]
      [--pfx <cert.pfx> [--password-env VAR | --password-stdin]]
      Write a profile file (never a secret). Refuses to replace a file unless --force is given.
      --pfx (certificate profiles): record the certificate's SHA-1 and SHA-256 thumbprints, subject and expiry, so
      gcw verify --profile checks that it is registered; the PFX, its key and its password are never written.
      Prints what the profile still lacks. Exit 0: written, no errors; 1: written, but the profile has errors
      (listed; fix them and write it again with --force); 2: bad input (a malformed client ID, tenant, UPN, domain
      or date names its flag), nothing written.`;

/** `gcw profile`: lint a profile file, or write one from flags. */
export const profileCommand: Command = {
  usage,
  async run(args, io, globals) {
    const [sub, ...rest] = args;
    if (sub === 'lint') return lint(rest, io, globals.json);
    if (sub === 'new') return create(rest, io, globals.json);
    throw new UsageError(
      sub
        ? `Unknown subcommand "profile ${sub}": use lint or new.`
        : 'Say what to do: gcw profile lint <file> or gcw profile new ….',
    );
  },
};

async function lint(args: string[], io: CliIo, json: boolean): Promise<number> {
  const { positionals } = parseFlags(args, {});
  if (positionals.length !== 1) throw new UsageError('Give exactly one profile file to check (or - for stdin).');
  const text = await readTextArgument(io, positionals[0] as string, 1024 * 1024);
  const result = lintProfileFile(text);
  const code = lintExitCode(result);
  if (!result.ok) {
    printError(io, json, result.error);
    return EXIT_BAD_INPUT;
  }
  if (json) printJson(io, { findings: cliWording(result.value.findings), status: result.value.status });
  else printFindings(io, result.value.findings, code === EXIT_OK ? 'No errors.' : 'The profile has errors.');
  return code;
}

async function create(args: string[], io: CliIo, json: boolean): Promise<number> {
  const { values, positionals } = parseFlags(args, {
    auth: { type: 'string' },
    'client-id': { type: 'string' },
    tenant: { type: 'string' },
    environment: { type: 'string' },
    'login-host': { type: 'string' },
    'graph-host': { type: 'string' },
    upn: { type: 'string' },
    domain: { type: 'string' },
    audience: { type: 'string' },
    scopes: { type: 'string' },
    'app-only-permissions': { type: 'string' },
    name: { type: 'string' },
    notes: { type: 'string' },
    'secret-expires': { type: 'string' },
    out: { type: 'string' },
    force: { type: 'boolean', default: false },
    pfx: { type: 'string' },
    'password-env': { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
  });
  if (positionals.length > 0)
    throw new UsageError(`Unexpected argument "${positionals[0]}". Give the file with --out.`);
  if (!values.auth) throw new UsageError('--auth is required: certificate, client-credentials or byo-app.');
  if (!values.out) throw new UsageError('--out is required: the profile file to write.');
  if (values.pfx !== undefined && values.auth !== 'certificate')
    throw new UsageError(`--pfx is for --auth certificate; a ${values.auth} profile has no certificate.`);
  const pfx = await readPfxArgument(values, io);
  const { file, text, findings } = buildProfileFromFlags({
    auth: values.auth,
    clientId: values['client-id'],
    tenant: values.tenant,
    environment: values.environment,
    loginHost: values['login-host'],
    graphHost: values['graph-host'],
    upn: values.upn,
    domain: values.domain,
    audience: values.audience,
    scopes: values.scopes,
    appOnlyPermissions: values['app-only-permissions'],
    name: values.name,
    notes: values.notes,
    secretExpiresAt: values['secret-expires'],
    ...(pfx ? { certificate: certificateRefOf(pfx, values.pfx ?? '') } : {}),
  });
  const path = resolve(io.cwd, values.out);
  try {
    writeNewFile(path, text, { overwrite: values.force });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new WorkbenchError(
        'file.exists',
        `${values.out} exists already. Choose another --out, or add --force to replace it.`,
      );
    }
    throw new WorkbenchError(
      'file.write_failed',
      `${values.out} could not be written. Check that the folder exists and you may write to it.`,
      { cause: error },
    );
  }
  const errors = findings.some((f) => f.severity === 'error');
  if (json) printJson(io, { path, profile: file, findings: cliWording(findings) });
  else
    printFindings(
      io,
      findings,
      errors ? `Wrote ${values.out}; before it can connect, fix the errors above.` : `Wrote ${values.out}.`,
    );
  return errors ? EXIT_FINDINGS : EXIT_OK;
}

/** The app's words where the command line does it differently: a certificate is recorded with --pfx, not chosen on a page. */
function cliWording(findings: ProfileFinding[]): ProfileFinding[] {
  return findings.map((f) =>
    f.code === 'certificate.missing' && f.field === 'certificate'
      ? {
          ...f,
          message:
            'No certificate is recorded. Write the profile again with --pfx <cert.pfx> [--password-env VAR | --password-stdin] --force: its thumbprints, subject and expiry are recorded, never the PFX, its key or its password.',
        }
      : f,
  );
}

function printFindings(io: CliIo, findings: ProfileFinding[], summary: string): void {
  for (const f of cliWording(findings)) io.out(`${f.severity.padEnd(7)} ${f.field.padEnd(22)} ${f.message}\n`);
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  io.out(
    `${summary} (${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('info'), 'note')})\n`,
  );
}
