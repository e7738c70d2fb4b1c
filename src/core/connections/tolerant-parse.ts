import type { z } from 'zod';
import {
  authKinds,
  authLabels,
  PROFILE_SCHEMA_VERSION,
  type AuthKind,
  type ProfileFinding,
} from '../../shared/connections';
import { valueText } from '../value-text';
import { quote } from './formats';
import { finding } from './validation/types';

/** A zod object schema per option (the variants of a discriminated union). */
export type VariantsByAuth = Record<AuthKind, z.ZodObject>;

/** What a tolerant read of one profile object found. */
export interface TolerantRead<T> {
  /** The profile with defaults for missing or unreadable fields; null when it cannot be read at all. */
  value: T | null;
  auth: AuthKind | null;
  /** file.* and auth.invalid findings. */
  findings: ProfileFinding[];
  /** Fields this version does not know, with their values (kept, never silently dropped). */
  unknownFields: Record<string, unknown>;
  /** The schema version when it is newer than this build's, else null. */
  newerVersion: number | null;
  /** True when some field had the wrong type and was replaced by its default. */
  repaired: boolean;
}

/** The variants of a discriminated union on `auth`, by option. */
export function variantsOf(union: { options: readonly z.ZodObject[] }): VariantsByAuth {
  const out: Partial<VariantsByAuth> = {};
  for (const option of union.options) {
    const auth = (option.shape.auth as z.ZodLiteral<AuthKind>).value;
    out[auth] = option;
  }
  return out as VariantsByAuth;
}

/**
 * Read a hand-edited or older/newer profile object field by field: unknown fields are set aside and reported,
 * fields of the wrong type fall back to their defaults and are reported, so one bad field never hides the rest.
 */
export function readTolerantly<T>(raw: Record<string, unknown>, variants: VariantsByAuth): TolerantRead<T> {
  const result: TolerantRead<T> = {
    value: null,
    auth: null,
    findings: [],
    unknownFields: {},
    newerVersion: null,
    repaired: false,
  };
  if (typeof raw.schemaVersion === 'number' && raw.schemaVersion > PROFILE_SCHEMA_VERSION) {
    result.newerVersion = raw.schemaVersion;
    result.findings.push(
      finding(
        'file.newer_version',
        'warning',
        'schemaVersion',
        `This profile was written by a newer version of the Workbench (schema version ${raw.schemaVersion}; this version reads ${PROFILE_SCHEMA_VERSION}). Fields this version does not know are not checked.`,
      ),
    );
  }
  const auth = raw.auth;
  if (typeof auth !== 'string' || !(authKinds as readonly string[]).includes(auth)) {
    const choices = authKinds.map((a) => `“${a}” (${authLabels[a]})`).join(', ');
    result.findings.push(
      finding(
        'auth.invalid',
        'error',
        'auth',
        auth === undefined
          ? `The profile has no “auth” field. Set it to one of ${choices}.`
          : `“auth” must be one of ${choices}; ${quote(valueText(auth))} is not.`,
      ),
    );
    return result;
  }
  result.auth = auth as AuthKind;
  const schema = variants[result.auth];
  const known = new Set(Object.keys(schema.shape));
  const candidate: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (known.has(key)) candidate[key] = value;
    else {
      result.unknownFields[key] = value;
      result.findings.push(
        finding(
          'file.unknown_field',
          'warning',
          key,
          `“${key}” is not a field of a ${authLabels[result.auth].toLowerCase()} profile in this version; it is ignored but kept.`,
        ),
      );
    }
  }
  for (let attempt = 0; attempt < 40; attempt++) {
    const parsed = schema.safeParse(candidate);
    if (parsed.success) {
      result.value = parsed.data as T;
      return result;
    }
    let progressed = false;
    for (const issue of parsed.error.issues) {
      const key = issue.path[0];
      if (typeof key !== 'string') continue;
      const field = issue.path.join('.');
      if (!result.findings.some((f) => f.code === 'file.wrong_type' && f.field === field)) {
        result.findings.push(
          finding(
            'file.wrong_type',
            'error',
            field,
            describeIssue(field, issue, valueAt(candidate, issue.path) !== undefined),
          ),
        );
      }
      if (
        key in candidate &&
        !(schema.shape as Record<string, z.ZodType | undefined>)[key]?.safeParse(undefined).success
      )
        continue;
      if (key in candidate) {
        delete candidate[key];
        progressed = true;
        result.repaired = true;
      }
    }
    if (!progressed) return result;
  }
  return result;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let here = data;
  for (const key of path)
    here = typeof here === 'object' && here !== null ? (here as Record<PropertyKey, unknown>)[key] : undefined;
  return here;
}

function describeIssue(field: string, issue: z.core.$ZodIssue, present: boolean): string {
  switch (issue.code) {
    case 'invalid_type':
      return !present
        ? `“${field}” is required.`
        : `“${field}” must be ${expected(issue.expected)}; the default is used instead.`;
    case 'invalid_value':
      return `“${field}” must be one of ${issue.values.map((v) => `“${String(v)}”`).join(', ')}; the default is used instead.`;
    case 'too_big':
      return `“${field}” is too long (at most ${String(issue.maximum)}); the default is used instead.`;
    case 'too_small':
      return `“${field}” is too small (at least ${String(issue.minimum)}).`;
    case 'invalid_format':
      return `“${field}” is not a valid ${issue.format === 'guid' ? 'GUID' : issue.format === 'datetime' ? 'ISO date-time (e.g. 2026-01-31T12:00:00Z)' : issue.format}.`;
    default:
      return `“${field}” cannot be read (${issue.message}).`;
  }
}

function expected(type: string): string {
  const words: Record<string, string> = {
    string: 'text',
    number: 'a number',
    boolean: 'true or false',
    array: 'a list',
    object: 'an object',
    null: 'null',
  };
  return words[type] ?? type;
}
