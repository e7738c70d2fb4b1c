import {
  PROFILE_SCHEMA_VERSION,
  redirectUriFor,
  type CertificateRef,
  type Profile,
  type ProfileFile,
} from '../../shared/connections';
import { profileSchema } from '../../shared/connections-schema';
import type { ConnectionRecord, RecordVerification } from '../../shared/records';
import { buildConnectionRecord } from './build-record';

/** A file's profile has no id of its own; its record names none (the nil GUID). */
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** What `gcw record` builds a record from: a profile file, the PFX's certificate facts, a manifest check. */
export interface FileRecordSources {
  file: ProfileFile;
  /** Facts from the PFX given alongside (they replace the file's own certificate facts). */
  certificate: CertificateRef | null;
  verification: RecordVerification | null;
  now: Date;
  generator: string;
}

/** The profile a file describes, as the store would keep it (no secrets: a profile file has none). */
export function profileOfFile(file: ProfileFile, certificate: CertificateRef | null, now: Date): Profile {
  const { format: _format, exportedAt: _exportedAt, secretsNotIncluded: _left, createdAt, updatedAt, ...fields } = file;
  const at = now.toISOString();
  return profileSchema.parse({
    ...fields,
    ...(fields.auth === 'certificate' && certificate ? { certificate } : {}),
    ...(fields.auth === 'byo-app' ? { redirectUri: redirectUriFor(fields.domain) } : {}),
    id: NO_ID,
    schemaVersion: PROFILE_SCHEMA_VERSION,
    createdAt: createdAt ?? at,
    updatedAt: updatedAt ?? at,
  });
}

/**
 * The connection record of a profile file. It has no test history (tests run in the app keep theirs there) and
 * says nothing about stored secrets: a file holds none, and where the admin keeps them is not this tool's to say.
 */
export function recordOfProfileFile(sources: FileRecordSources): ConnectionRecord {
  const profile = profileOfFile(sources.file, sources.certificate, sources.now);
  return buildConnectionRecord({
    entry: {
      id: profile.id,
      status: 'ok',
      editable: true,
      name: profile.name,
      auth: profile.auth,
      profile,
      secrets: {},
      secretsUnreadable: false,
      unknownFields: [],
      problems: [],
    },
    history: [],
    verification: sources.verification,
    now: sources.now,
    generator: sources.generator,
  });
}
