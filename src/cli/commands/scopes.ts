import { scopeSet } from '../../core/permissions/scope-set';
import { authKinds } from '../../shared/connections';
import { environmentIds, type EnvironmentId } from '../../shared/environments';
import { triggerKinds } from '../../shared/permissions';
import { type Command, parseFlags, UsageError } from '../command';
import { EXIT_OK } from '../exit-codes';
import { printJson } from '../output';

const usage = `Usage: gcw scopes --auth certificate|client-credentials|byo-app [--full] [--triggers sites,groups,files] [--app-only]
                  [--environment office365|usgov-l4|usgov-l5|china|custom [--login-host H --graph-host G]] [--json]
  The connector's delegated scopes for an option: the minimum, plus what the chosen triggers need, or --full.
  --app-only lists the corresponding application permissions instead, and those that have none.
  JSON: { "scopes": [ { "value", "kind", "id", "adminConsentRequired" } ], "scopeString", "notAvailable": [...], "alternatives": [...] }`;

/** `gcw scopes`: the scope set of an option, delegated or (with --app-only) the application counterparts. */
export const scopesCommand: Command = {
  usage,
  run(args, io, globals) {
    const { values } = parseFlags(
      args,
      {
        auth: { type: 'string' },
        full: { type: 'boolean', default: false },
        triggers: { type: 'string' },
        'app-only': { type: 'boolean', default: false },
        environment: { type: 'string' },
        'login-host': { type: 'string' },
        'graph-host': { type: 'string' },
      },
      false,
    );
    const auth = oneOf('auth', values.auth, authKinds);
    const environment: EnvironmentId =
      values.environment === undefined ? 'office365' : oneOf('environment', values.environment, environmentIds);
    const triggers = (values.triggers ?? '')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((t) => oneOf('triggers', t, triggerKinds));
    const hosts =
      values['login-host'] !== undefined || values['graph-host'] !== undefined
        ? { loginHost: values['login-host'] ?? '', graphHost: values['graph-host'] ?? '' }
        : null;
    if (environment === 'custom' && (!hosts?.loginHost || !hosts.graphHost))
      throw new UsageError('--environment custom needs --login-host and --graph-host.');
    const result = scopeSet({
      auth,
      full: values.full,
      triggers,
      appOnly: values['app-only'],
      environment,
      customHosts: hosts,
    });
    if (globals.json) {
      printJson(io, result);
      return EXIT_OK;
    }
    for (const s of result.scopes)
      io.out(
        `${s.value.padEnd(24)} ${s.kind.padEnd(11)} ${s.id}  ${s.adminConsentRequired ? 'admin consent required' : 'user consent'}\n`,
      );
    for (const n of result.notAvailable) io.out(`${n.value.padEnd(24)} no application form: ${n.message}\n`);
    for (const a of result.alternatives) io.out(`note: ${a.message}\n`);
    io.out(
      `\n${values['app-only'] ? 'Scope for the app-only token request' : 'Scope string'}: ${result.scopeString}\n`,
    );
    return EXIT_OK;
  },
};

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) throw new UsageError(`--${flag} is required: ${allowed.join(', ')}.`);
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${flag} must be one of ${allowed.join(', ')}; "${value}" is not.`);
}
