// What `gcw verify` and `gcw record` read from their flags: the profile (a file or described by flags), the PFX
// (with its password from an environment variable or stdin), the client secret's variable, and the cloud.
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { MAX_PFX_BYTES } from '../core/certificates/errors';
import { endpointsFor } from '../core/connections/environments';
import { readProfileFile } from '../core/connections/profile-file';
import { buildProfileFromFlags } from '../core/connections/profile-from-flags';
import { WorkbenchError } from '../core/errors';
import { certificateFromPfx, type PfxForVerify } from '../core/registration/pfx-certificate';
import { profileToVerifyTarget } from '../core/registration/profile-target';
import { manifestOnlyTarget, type VerifyTarget } from '../core/registration/verify-target';
import type { CertificateRef, ProfileFile } from '../shared/connections';
import { environmentIds, type EnvironmentId } from '../shared/environments';
import { UsageError } from './command';
import type { CliIo } from './io';
import { readTextArgument } from './read-input';

/** The flags that say what a manifest is checked against. */
export const targetFlags = {
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
} as const;

/** The parsed values of `targetFlags`. */
export interface TargetValues {
  profile?: string;
  auth?: string;
  'client-id'?: string;
  tenant?: string;
  domain?: string;
  audience?: string;
  scopes?: string;
  'app-only-permissions'?: string;
  environment?: string;
  'login-host'?: string;
  'graph-host'?: string;
  'app-only'?: boolean;
  loopback?: boolean;
  'secret-env'?: string;
  pfx?: string;
  'password-env'?: string;
  'password-stdin'?: boolean;
}

const describingFlags = [
  'auth',
  'client-id',
  'tenant',
  'domain',
  'audience',
  'scopes',
  'app-only-permissions',
] as const;

/** The profile the flags give: a profile file (--profile) or one described with --auth and its flags; null for neither. */
export async function readProfileArgument(values: TargetValues, io: CliIo): Promise<ProfileFile | null> {
  const described = describingFlags.filter((k) => values[k] !== undefined);
  if (values.profile !== undefined && described.length > 0)
    throw new UsageError(`Give either --profile or --auth with its flags, not both (--${described[0]} was given too).`);
  if (values.auth === undefined && described.length > 0)
    throw new UsageError(`--${described[0]} describes a profile: add --auth certificate|client-credentials|byo-app.`);
  if (values.environment !== undefined && values.profile !== undefined)
    throw new UsageError('--environment comes from the profile file; leave it out with --profile.');
  if (values.profile !== undefined) return profileFromFile(io, values.profile);
  return values.auth !== undefined ? profileFromFlags(values) : null;
}

/** What the manifest is checked against: the profile (file or flags) with the PFX and secret, or the manifest alone. */
export function readVerifyTarget(
  values: TargetValues,
  io: CliIo,
  given: { profile: ProfileFile | null; pfx: PfxForVerify | null },
): VerifyTarget {
  const secret = readEnvSecret(io, values['secret-env'], '--secret-env');
  const certificate = given.pfx?.certificate;
  if (!given.profile)
    return manifestOnlyTarget(environmentFromFlags(values), {
      loopbackTest: values.loopback ?? false,
      ...(certificate ? { certificate } : {}),
    });
  return profileToVerifyTarget(given.profile, {
    loopbackTest: values.loopback ?? false,
    secretFirstChars: secret ? secret.slice(0, 3) : null,
    ...(values['app-only'] ? { appOnly: true } : {}),
    ...(certificate ? { certificate } : {}),
  });
}

async function profileFromFile(io: CliIo, path: string): Promise<ProfileFile> {
  const reading = readProfileFile(await readTextArgument(io, path, 1024 * 1024));
  if (!reading.ok)
    throw new WorkbenchError(
      reading.error.code,
      `${path}: ${reading.error.message}`,
      reading.error.hint ? { hint: reading.error.hint } : {},
    );
  if (!reading.value.profile)
    throw new WorkbenchError(
      'profile.invalid',
      `${path} names no authentication option this version knows ("auth" must be certificate, client-credentials or byo-app).`,
    );
  return reading.value.profile;
}

function profileFromFlags(values: TargetValues): ProfileFile {
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

function environmentFromFlags(values: TargetValues) {
  const id = values.environment ?? 'office365';
  if (!(environmentIds as readonly string[]).includes(id))
    throw new UsageError(`--environment must be one of ${environmentIds.join(', ')}; "${id}" is not.`);
  return endpointsFor(id as EnvironmentId, {
    loginHost: values['login-host'] ?? '',
    graphHost: values['graph-host'] ?? '',
  });
}

/** The PFX given with --pfx, opened with its password (--password-env or --password-stdin); null without --pfx. */
export async function readPfxArgument(values: TargetValues, io: CliIo): Promise<PfxForVerify | null> {
  if (values.pfx === undefined) {
    if (values['password-env'] !== undefined || values['password-stdin'])
      throw new UsageError('--password-env and --password-stdin go with --pfx.');
    return null;
  }
  if (values['password-env'] !== undefined && values['password-stdin'])
    throw new UsageError('Give the PFX password one way: --password-env VAR or --password-stdin.');
  const path = resolve(io.cwd, values.pfx);
  let size: number;
  try {
    size = statSync(path).size;
  } catch (cause) {
    throw new WorkbenchError('file.not_found', `There is no file ${values.pfx}. Check the path of --pfx.`, { cause });
  }
  if (size > MAX_PFX_BYTES)
    throw new WorkbenchError(
      'pfx.too_large',
      `${values.pfx} is ${(size / 1024 / 1024).toFixed(1)} MB; a PFX is at most a few KB, so this is not the right file.`,
    );
  const bytes = readFileSync(path);
  const password = values['password-stdin']
    ? (await io.readStdin()).replace(/\r?\n$/, '')
    : readEnvSecret(io, values['password-env'], '--password-env');
  return certificateFromPfx(bytes, password);
}

/** The certificate facts a profile file and a record keep, from the PFX given with --pfx: never the key, bytes or password. */
export function certificateRefOf(pfx: PfxForVerify, path: string): CertificateRef {
  return {
    thumbprintSha1: pfx.certificate.thumbprintSha1,
    thumbprintSha256: pfx.certificate.thumbprintSha256,
    subject: pfx.subject,
    notAfter: pfx.certificate.notAfter,
    fileName: basename(path) || null,
  };
}

/** A secret from the environment variable a flag names (never from the flag itself). */
export function readEnvSecret(io: CliIo, name: string | undefined, flag: string): string | null {
  if (name === undefined) return null;
  const value = io.env[name];
  if (value === undefined || value === '')
    throw new UsageError(`${flag} ${name}: that environment variable is not set or empty.`);
  return value;
}
