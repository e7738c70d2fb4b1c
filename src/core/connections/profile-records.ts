import { redirectUriFor, type AuthKind, type Profile, type ProfileEntryStatus } from '../../shared/connections';
import { profileSchema } from '../../shared/connections-schema';
import { readTolerantly, variantsOf } from './tolerant-parse';

const storedVariants = variantsOf(profileSchema);

/** What one entry of profiles.json holds, read without losing anything. */
export interface RecordReading {
  status: ProfileEntryStatus;
  profile: Profile | null;
  /** Fields this version does not know, written back unchanged when the profile is saved. */
  extras: Record<string, unknown>;
  name: string;
  auth: AuthKind | null;
  id: string | null;
  problems: string[];
}

/** Read one stored entry: ok, written by a newer version (shown, not editable) or damaged (kept as it is, reported). */
export function readRecord(raw: unknown): RecordReading {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      status: 'damaged',
      profile: null,
      extras: {},
      name: 'Unreadable profile',
      auth: null,
      id: null,
      problems: [
        `This entry of profiles.json is ${Array.isArray(raw) ? 'a list' : raw === null ? 'null' : `a ${typeof raw}`}, not a profile. It is kept in the file; delete it here if you no longer need it.`,
      ],
    };
  }
  const record = raw as Record<string, unknown>;
  const read = readTolerantly<Profile>(record, storedVariants);
  const profile =
    read.value && read.value.auth === 'byo-app'
      ? { ...read.value, redirectUri: redirectUriFor(read.value.domain) }
      : read.value;
  const problems: string[] = [];
  const unknown = Object.keys(read.unknownFields);
  const damage = read.findings
    .filter((f) => f.code === 'file.wrong_type' || f.code === 'auth.invalid')
    .map((f) => f.message);
  let status: ProfileEntryStatus = 'ok';
  if (!profile || read.repaired) {
    status = 'damaged';
    problems.push(
      `This profile cannot be fully read: ${damage.join(' ')} It is kept unchanged in profiles.json. ${profile ? 'Duplicate it for an editable copy (unreadable fields get their defaults), or delete it.' : 'Correct the file by hand or delete the entry.'}`,
    );
  } else if (read.newerVersion !== null) {
    status = 'newer-version';
    problems.push(
      `Saved by a newer version of the Workbench (schema version ${read.newerVersion}). It is shown but cannot be edited here; duplicate it to edit a copy, or open it with the newer version.`,
    );
  }
  if (unknown.length > 0 && status !== 'newer-version')
    problems.push(`Fields this version does not know are kept as they are: ${unknown.join(', ')}.`);
  return {
    status,
    profile,
    extras: read.unknownFields,
    name: typeof record.name === 'string' && record.name.trim() !== '' ? record.name : 'Unnamed profile',
    auth: read.auth,
    id: typeof record.id === 'string' ? record.id : null,
    problems,
  };
}

/** The entry written to profiles.json: unknown fields first, then the profile, so nothing the admin added is lost. */
export function toRecord(profile: Profile, extras: Record<string, unknown>): Record<string, unknown> {
  return { ...extras, ...profile };
}
