import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readProfileFile } from '../core/connections/profile-file';
import { WorkbenchError } from '../core/errors';
import type { ClientCredential } from '../core/signin/msal-factory';
import { credentialFromPfx } from '../core/signin/service/pfx-credential';
import { type SigninTarget, signinTarget } from '../core/signin/service/signin-target';
import { environmentIds, type EnvironmentId } from '../shared/environments';
import { UsageError } from './command';
import type { CliIo } from './io';
import { readTextArgument } from './read-input';

/** Flags that name the app and cloud, shared by `gcw signin …` and `gcw consent-url`. */
export const targetFlags = {
  profile: { type: 'string' },
  'client-id': { type: 'string' },
  tenant: { type: 'string' },
  environment: { type: 'string' },
  'login-host': { type: 'string' },
  'graph-host': { type: 'string' },
} as const;

/** Flags that give the app's credential. */
export const credentialFlags = {
  'secret-env': { type: 'string' },
  pfx: { type: 'string' },
  'password-env': { type: 'string' },
} as const;

type TargetValues = Partial<Record<keyof typeof targetFlags, string>>;
type CredentialValues = Partial<Record<keyof typeof credentialFlags, string>>;

const MAX_PFX_BYTES = 10 * 1024 * 1024;

/** The app, tenant and cloud from `--profile P.json`, or from `--client-id --tenant [--environment] [--login-host --graph-host]`. */
export async function readTarget(io: CliIo, v: TargetValues): Promise<SigninTarget> {
  const flagged = (['client-id', 'tenant', 'environment', 'login-host', 'graph-host'] as const).filter(
    (k) => v[k] !== undefined,
  );
  if (v.profile !== undefined) {
    if (flagged.length) throw new UsageError(`Give either --profile or --${flagged[0]}, not both.`);
    const reading = readProfileFile(await readTextArgument(io, v.profile, 1024 * 1024));
    if (!reading.ok)
      throw new WorkbenchError(
        reading.error.code,
        reading.error.message,
        reading.error.hint ? { hint: reading.error.hint } : {},
      );
    const profile = reading.value.profile;
    if (!profile)
      throw new WorkbenchError(
        'profile.not_a_profile',
        `${v.profile} has no known "auth" option, so it cannot be tested.`,
      );
    return signinTarget(profile);
  }
  if (!v['client-id'] || !v.tenant) throw new UsageError('Give --profile P.json, or --client-id and --tenant.');
  const hostsGiven = v['login-host'] !== undefined || v['graph-host'] !== undefined;
  const environment = v.environment ?? (hostsGiven ? 'custom' : 'office365');
  if (!(environmentIds as readonly string[]).includes(environment))
    throw new UsageError(`--environment must be one of ${environmentIds.join(', ')}.`);
  if (hostsGiven && environment !== 'custom')
    throw new UsageError('--login-host and --graph-host are only for --environment custom.');
  if (environment === 'custom' && (!v['login-host'] || !v['graph-host']))
    throw new UsageError('--environment custom needs both --login-host and --graph-host.');
  return signinTarget({
    auth: 'client-credentials',
    environment: environment as EnvironmentId,
    customHosts:
      environment === 'custom' ? { loginHost: v['login-host'] ?? '', graphHost: v['graph-host'] ?? '' } : null,
    tenant: v.tenant,
    clientId: v['client-id'],
    scopes: [],
    appOnlyPermissions: [],
  });
}

function fromEnv(io: CliIo, variable: string, what: string): string {
  const value = io.env[variable];
  if (!value) {
    throw new WorkbenchError(
      'signin.credential_missing',
      `The environment variable ${variable} is not set or empty, so there is no ${what}.`,
      {
        hint: `Set ${variable} to the ${what} before running gcw (secrets are never given as flags).`,
      },
    );
  }
  return value;
}

/** The credential from `--secret-env VAR` or `--pfx F [--password-env VAR]`; null when neither is given. */
export async function readCredential(
  io: CliIo,
  v: CredentialValues,
): Promise<Exclude<ClientCredential, { kind: 'none' }> | null> {
  if (v['secret-env'] !== undefined && v.pfx !== undefined)
    throw new UsageError('Give either --secret-env or --pfx, not both.');
  if (v['password-env'] !== undefined && v.pfx === undefined) throw new UsageError('--password-env goes with --pfx.');
  if (v['secret-env'] !== undefined) return { kind: 'secret', secret: fromEnv(io, v['secret-env'], 'client secret') };
  if (v.pfx === undefined) return null;
  const path = resolve(io.cwd, v.pfx);
  let bytes: Buffer;
  try {
    if (statSync(path).size > MAX_PFX_BYTES)
      throw new WorkbenchError('pfx.too_large', `${v.pfx} is larger than 10 MB; a PFX is a few KB.`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    throw new WorkbenchError('file.not_found', `There is no readable file ${v.pfx}. Check the path.`, { cause: error });
  }
  const password = v['password-env'] !== undefined ? fromEnv(io, v['password-env'], 'PFX password') : null;
  return credentialFromPfx(bytes, password);
}
