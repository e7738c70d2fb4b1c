import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readProfileFile } from '../../../core/connections/profile-file';
import { WorkbenchError } from '../../../core/errors';
import type { CertificateToRegister } from '../../../core/graph-apply/credentials';
import { certificateFromPfx } from '../../../core/registration/pfx-certificate';
import { credentialFromPfx } from '../../../core/signin/service/pfx-credential';
import type { ProfileFile } from '../../../shared/connections';
import type { CliIo } from '../../io';
import { readTextArgument } from '../../read-input';

/** A profile file read for `gcw app`. */
export async function readAppProfile(io: CliIo, path: string): Promise<ProfileFile> {
  const reading = readProfileFile(await readTextArgument(io, path, 1024 * 1024));
  if (!reading.ok)
    throw new WorkbenchError(
      reading.error.code,
      reading.error.message,
      reading.error.hint ? { hint: reading.error.hint } : {},
    );
  const profile = reading.value.profile;
  if (!profile) throw new WorkbenchError('profile.not_a_profile', `${path} has no known "auth" option.`);
  return profile;
}

/** The PFX named by --pfx (password from the environment variable): its certificate to register and its signing credential. */
export async function readPfx(io: CliIo, path: string, passwordEnv: string | undefined) {
  const full = resolve(io.cwd, path);
  let bytes: Buffer;
  try {
    if (statSync(full).size > 10 * 1024 * 1024)
      throw new WorkbenchError('pfx.too_large', `${path} is larger than 10 MB; a PFX is a few KB.`);
    bytes = readFileSync(full);
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    throw new WorkbenchError('file.not_found', `There is no readable file ${path}. Check the path.`, { cause: error });
  }
  const password = passwordEnv ? (io.env[passwordEnv] ?? null) : null;
  if (passwordEnv && !password)
    throw new WorkbenchError(
      'signin.credential_missing',
      `The environment variable ${passwordEnv} is not set or empty, so there is no PFX password.`,
      { hint: `Set ${passwordEnv} before running gcw (secrets are never given as flags).` },
    );
  const read = await certificateFromPfx(bytes, password);
  const register: CertificateToRegister = { certificate: read.certificate, subject: read.subject };
  return { register, credential: () => credentialFromPfx(bytes, password) };
}

/** A Graph application JSON named by --manifest (a `gcw app fetch --json` output's app, or the admin center's Manifest download). */
export async function readManifestApp(io: CliIo, path: string): Promise<Record<string, unknown>> {
  const text = await readTextArgument(io, path, 5 * 1024 * 1024);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new WorkbenchError('manifest.invalid_json', `${path} is not valid JSON.`);
  }
  const app = value && typeof value === 'object' && 'app' in value ? value.app : value;
  if (!app || typeof app !== 'object' || typeof (app as { id?: unknown }).id !== 'string') {
    throw new WorkbenchError(
      'manifest.not_a_manifest',
      `${path} is not a Microsoft Graph application object with an "id".`,
      {
        hint: 'Save one with `gcw app fetch --profile P.json --json`, or download the Microsoft Graph manifest in the admin center.',
      },
    );
  }
  return app as Record<string, unknown>;
}
