import { PROFILE_FILE_FORMAT, type ProfileFile, type ProfileFinding } from '../../shared/connections';
import { profileFileSchema } from '../../shared/connections-schema';
import { fail, ok, type Result } from '../../shared/result';
import type { FileStatus } from '../../shared/status';
import { fileStatus } from '../status/file-status';
import { readTolerantly, variantsOf } from './tolerant-parse';
import { validateProfile } from './validation/validate-profile';

const fileVariants = variantsOf(profileFileSchema);

/** A profile file, read as far as it can be. */
export interface ProfileFileReading {
  /** The profile with defaults for fields that were missing or unreadable; null when its option is unknown. */
  profile: ProfileFile | null;
  /** file.* and auth.invalid findings (the file itself), before validation of the values. */
  findings: ProfileFinding[];
  unknownFields: string[];
  newerVersion: number | null;
}

/** What `gcw profile lint --json` prints: the findings and the status fields a file can tell (no tests, no verification). */
export interface LintReport {
  findings: ProfileFinding[];
  status: FileStatus;
}

/** Read a profile file's text; `profile.not_a_profile` when it is not JSON or not a connection profile at all. */
export function readProfileFile(text: string): Result<ProfileFileReading> {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    return fail(
      'profile.not_a_profile',
      `The file is not valid JSON${detail}. A profile file is a JSON object written by the Workbench's Export or by “gcw profile new”.`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return fail(
      'profile.not_a_profile',
      `The file holds ${Array.isArray(data) ? 'a JSON list' : data === null ? 'null' : `a JSON ${typeof data}`}, not a profile object.`,
    );
  }
  const raw = data as Record<string, unknown>;
  if (Array.isArray(raw.profiles) && 'version' in raw) {
    return fail(
      'profile.not_a_profile',
      'This is the Workbench’s own profile store (profiles.json), not a single profile. Export the profile you want from the Connections page instead.',
    );
  }
  if ('format' in raw && raw.format !== PROFILE_FILE_FORMAT) {
    return fail(
      'profile.not_a_profile',
      `The file’s format is ${JSON.stringify(raw.format)}, not a Workbench connection profile (“${PROFILE_FILE_FORMAT}”).`,
    );
  }
  if (!('format' in raw) && !('auth' in raw)) {
    return fail(
      'profile.not_a_profile',
      `The file has neither a "format": "${PROFILE_FILE_FORMAT}" marker nor an "auth" field, so it is not a connection profile.`,
    );
  }
  // A hand-written profile without the marker is still a profile; the marker and version only default.
  const candidate = { format: PROFILE_FILE_FORMAT, schemaVersion: 1, ...raw };
  const read = readTolerantly<ProfileFile>(candidate, fileVariants);
  return ok({
    profile: read.value,
    findings: read.findings,
    unknownFields: Object.keys(read.unknownFields),
    newerVersion: read.newerVersion,
  });
}

/** Lint a profile file: findings of the file and of its values, or `profile.not_a_profile`. */
export function lintProfileFile(text: string, options: { now?: Date } = {}): Result<LintReport> {
  const reading = readProfileFile(text);
  if (!reading.ok) return reading;
  const { profile, findings } = reading.value;
  const now = options.now ?? new Date();
  const all = profile ? [...findings, ...validateProfile(profile, { now })] : findings;
  return ok({ findings: all, status: fileStatus(profile, all, now) });
}

/** `gcw profile lint` exit code: 0 no errors (warnings allowed), 1 errors, 2 not a profile. */
export function lintExitCode(result: Result<LintReport>): 0 | 1 | 2 {
  if (!result.ok) return 2;
  return result.value.findings.some((f) => f.severity === 'error') ? 1 : 0;
}
