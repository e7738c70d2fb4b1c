import type { FindingDraft } from './findings';

/** A JSON object as read from a manifest. */
export type JsonObject = Record<string, unknown>;

/** True for a plain JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const maxNotes = 20;

/**
 * Reads manifest fields without trusting their types: a field of the wrong type becomes a
 * `manifest.unexpected_value` note and is treated as absent, so hand-edited files never crash the checks.
 */
export class FieldReader {
  readonly notes: FindingDraft[] = [];
  private skipped = 0;

  /** Text, or null when absent; anything else is noted. */
  string(obj: JsonObject, key: string, path: string): string | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'string') return value;
    this.odd(path, value, 'text in double quotes');
    return null;
  }

  /** true/false, or null when absent. */
  bool(obj: JsonObject, key: string, path: string): boolean | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'boolean') return value;
    this.odd(path, value, 'true or false');
    return null;
  }

  /** A number, or null when absent. */
  number(obj: JsonObject, key: string, path: string): number | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.odd(path, value, 'a number');
    return null;
  }

  /** An object, or null when absent. */
  object(obj: JsonObject, key: string, path: string): JsonObject | null {
    const value = obj[key];
    if (value === undefined || value === null) return null;
    if (isObject(value)) return value;
    this.odd(path, value, 'an object { … }');
    return null;
  }

  /** A list, or an empty list when absent. */
  array(obj: JsonObject, key: string, path: string): unknown[] {
    const value = obj[key];
    if (value === undefined || value === null) return [];
    if (Array.isArray(value)) return value;
    this.odd(path, value, 'a list [ … ]');
    return [];
  }

  /** A list of texts; other items are noted and left out. */
  strings(obj: JsonObject, key: string, path: string): string[] {
    const out: string[] = [];
    this.array(obj, key, path).forEach((item, i) => {
      if (typeof item === 'string') out.push(item);
      else this.odd(`${path}[${i}]`, item, 'text in double quotes');
    });
    return out;
  }

  /** A date from the first of several field names present (Graph and Azure AD Graph name them differently). */
  date(obj: JsonObject, keys: readonly string[], path: string): string | null {
    for (const key of keys) {
      const value = obj[key];
      if (value === undefined || value === null) continue;
      if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(Date.parse(value)))
        return value;
      this.odd(`${path}.${key}`, value, 'a date such as 2026-01-31T00:00:00Z');
      return null;
    }
    return null;
  }

  /** Note a field of an unexpected type or shape. */
  odd(path: string, found: unknown, expected: string): void {
    if (this.notes.length >= maxNotes) {
      this.skipped++;
      return;
    }
    this.notes.push({
      code: 'manifest.unexpected_value',
      message: `The field ${path} holds ${describeValue(found)} where ${expected} is expected; it was ignored.`,
      fix: `Compare ${path} with the manifest shown there. If this file was edited by hand, download the manifest again (Download) or correct the field.`,
      blade: 'Manifest',
    });
  }

  /** Notes plus one line for those left out once the cap was reached. */
  allNotes(): FindingDraft[] {
    if (this.skipped === 0) return this.notes;
    return [
      ...this.notes,
      {
        code: 'manifest.unexpected_value',
        message: `${this.skipped} more fields hold unexpected values; only the first ${maxNotes} are listed.`,
        fix: 'Download the manifest again (Download) rather than using a hand-edited copy.',
        blade: 'Manifest',
      },
    ];
  }
}

/** Say what a JSON value is without quoting more than a few characters of it. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `a list of ${value.length} item${value.length === 1 ? '' : 's'}`;
  switch (typeof value) {
    case 'string':
      return value.length <= 24 ? `the text "${value}"` : `a text of ${value.length} characters`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `the value ${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
