import { randomUUID } from 'node:crypto';
import {
  PROFILE_FILE_FORMAT,
  PROFILE_SCHEMA_VERSION,
  redirectUriFor,
  secretNamesFor,
  type Profile,
  type ProfileFile,
  type ProfileFinding,
} from '../../shared/connections';
import { profileSchema } from '../../shared/connections-schema';
import { WorkbenchError } from '../errors';
import { readProfileFile } from './profile-file';
import type { ValidationContext } from './validation/types';
import { validateProfile } from './validation/validate-profile';

/** The redacted file of a profile: every field but the id, never a secret, a private key or PFX bytes. */
export function exportProfile(profile: Profile, options: { now?: Date } = {}): ProfileFile {
  const head = {
    format: PROFILE_FILE_FORMAT,
    schemaVersion: PROFILE_SCHEMA_VERSION,
    exportedAt: (options.now ?? new Date()).toISOString(),
    name: profile.name,
    notes: profile.notes,
    environment: profile.environment,
    customHosts: profile.customHosts,
    tenant: profile.tenant,
    clientId: profile.clientId,
  } as const;
  const tail = {
    scopes: profile.scopes,
    appOnlyPermissions: profile.appOnlyPermissions,
    secretExpiresAt: profile.secretExpiresAt,
    secretsNotIncluded: [...secretNamesFor[profile.auth]],
    createdAt: profile.createdAt,
    updatedAt: profile.updatedAt,
  };
  switch (profile.auth) {
    case 'certificate':
      return { auth: 'certificate', ...head, upn: profile.upn, certificate: profile.certificate, ...tail };
    case 'client-credentials':
      return { auth: 'client-credentials', ...head, ...tail };
    case 'byo-app':
      return {
        auth: 'byo-app',
        ...head,
        audience: profile.audience,
        domain: profile.domain,
        redirectUri: redirectUriFor(profile.domain),
        ...tail,
      };
  }
}

/** The export as the text written to disk. */
export function exportProfileText(profile: Profile, options: { now?: Date } = {}): string {
  return `${JSON.stringify(exportProfile(profile, options), null, 2)}\n`;
}

/** A profile built from a file, with what was found on the way in. */
export interface ImportedProfile {
  profile: Profile;
  /** The file's own findings (unknown fields, newer version, wrong types) and the validation of its values. */
  findings: ProfileFinding[];
}

/**
 * Turn a profile file into a new profile (new id, new timestamps). Unknown fields are reported and left out;
 * a newer version is kept with a message when this version can read it, refused (`profile.newer_version`) when not.
 */
export function importProfileText(
  text: string,
  options: { now?: Date; newId?: () => string; context?: ValidationContext } = {},
): ImportedProfile {
  const reading = readProfileFile(text);
  if (!reading.ok) throw new WorkbenchError('profile.not_a_profile', reading.error.message);
  const { profile: file, findings, newerVersion } = reading.value;
  if (!file) {
    if (newerVersion !== null) {
      throw new WorkbenchError(
        'profile.newer_version',
        `This profile was written by a newer version of the Workbench (schema version ${newerVersion}) and this version cannot read it. Update the Workbench, then import it again.`,
      );
    }
    const first = findings.find((f) => f.severity === 'error');
    throw new WorkbenchError(
      'profile.invalid',
      `The profile cannot be imported: ${first?.message ?? 'it cannot be read.'}`,
      { details: { field: first?.field ?? null } },
    );
  }
  const now = (options.now ?? new Date()).toISOString();
  const {
    format: _format,
    exportedAt: _exportedAt,
    secretsNotIncluded: _secrets,
    createdAt: _createdAt,
    updatedAt: _updatedAt,
    ...fields
  } = file;
  const profile = profileSchema.parse({
    ...fields,
    ...(fields.auth === 'byo-app' ? { redirectUri: redirectUriFor(fields.domain) } : {}),
    id: (options.newId ?? randomUUID)(),
    schemaVersion: PROFILE_SCHEMA_VERSION,
    createdAt: now,
    updatedAt: now,
  });
  return { profile, findings: [...findings, ...validateProfile(file, { now: options.now, ...options.context })] };
}
