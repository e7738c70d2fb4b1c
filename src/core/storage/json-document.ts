import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import type { Notice } from '../../shared/contract/app';
import { writeFileAtomic } from './atomic-write';
import type { StoreBackendFactory } from './backend';
import { storageWriteFailed } from './write-failure';

/** How a stored JSON document is validated, migrated and repaired. */
export interface DocumentSpec<T extends { version: number }> {
  /** File name without `.json`, e.g. `settings`. */
  name: string;
  /** What a user would call it in a message: "settings", "connection profiles". */
  label: string;
  schema: z.ZodType<T>;
  currentVersion: number;
  defaults: () => T;
  /** `migrations[n]` turns a version-n document into version n+1. */
  migrations?: Record<number, (old: Record<string, unknown>) => Record<string, unknown>>;
  /** Keep what is valid of a document the schema refuses; returns the value and the fields that were reset. */
  repair?: (raw: Record<string, unknown>) => { value: T; reset: string[] };
}

/** An opened document: read it, replace it, and the notices its opening produced. */
export interface JsonDocument<T> {
  readonly path: string;
  readonly notices: Notice[];
  get(): T;
  set(value: T): void;
}

/** Open (or create) a JSON document: corrupt files are moved aside and recovered from `.bak`, old versions migrated. */
export function openJsonDocument<T extends { version: number }>(
  spec: DocumentSpec<T>,
  options: { directory: string; backend: StoreBackendFactory; now?: () => Date },
): JsonDocument<T> {
  const now = options.now ?? (() => new Date());
  const path = join(options.directory, `${spec.name}.json`);
  const backupPath = `${path}.bak`;
  const notices: Notice[] = [];
  const stamp = () => now().toISOString().replace(/[:.]/g, '-');

  const fileProblem = preflight(path);
  if (fileProblem) {
    const aside = join(options.directory, `${spec.name}.corrupt-${stamp()}.json`);
    renameSync(path, aside);
    const restored = backupIsUsable(backupPath, spec);
    if (restored) copyFileSync(backupPath, path);
    notices.push({
      id: `storage.recovered.${spec.name}`,
      severity: 'warning',
      title: `The ${spec.label} file could not be read`,
      message: restored
        ? `It was ${fileProblem}. The last good copy was restored; the unreadable file was kept as ${aside}.`
        : `It was ${fileProblem}. Defaults are used; the unreadable file was kept as ${aside}.`,
    });
  }

  const backend = options.backend(spec.name);
  /** Write the main file; on failure say so, and that it still holds what it held (the backend writes atomically). */
  const writeMain = (data: T, outcome: string) => {
    try {
      backend.write(data);
    } catch (error) {
      throw storageWriteFailed(`The ${spec.label} file ${backend.path}`, error, outcome, options.directory);
    }
  };
  /** Write the backup copy after the main file was written: a failure says that the main file holds the change. */
  const writeBackup = (data: T, outcome: string) => {
    try {
      writeFileAtomic(backupPath, JSON.stringify(data, null, '\t'));
    } catch (error) {
      throw storageWriteFailed(
        `The backup copy ${basename(backupPath)} of the ${spec.label}`,
        error,
        outcome,
        options.directory,
      );
    }
  };
  let raw = backend.read();
  let value: T;
  if (Object.keys(raw).length === 0) {
    value = spec.defaults();
    writeMain(value, 'It could not be created; nothing was written.');
  } else {
    const version = typeof raw.version === 'number' ? raw.version : 0;
    if (version > spec.currentVersion) {
      const aside = join(options.directory, `${spec.name}.newer-v${version}-${stamp()}.json`);
      copyFileSync(backend.path, aside);
      notices.push({
        id: `storage.newer.${spec.name}`,
        severity: 'warning',
        title: `The ${spec.label} were written by a newer version`,
        message: `This version understands version ${spec.currentVersion}; a copy of the newer file was kept as ${aside}. Fields this version does not know are not used.`,
      });
      raw = { ...raw, version: spec.currentVersion };
    }
    for (let v = Math.min(version, spec.currentVersion); v < spec.currentVersion; v++) {
      const migrate = spec.migrations?.[v];
      raw = migrate ? migrate(raw) : raw;
      raw.version = v + 1;
    }
    const parsed = spec.schema.safeParse(raw);
    if (parsed.success) {
      value = parsed.data;
    } else if (spec.repair) {
      const repaired = spec.repair(raw);
      value = repaired.value;
      if (repaired.reset.length > 0) {
        const aside = join(options.directory, `${spec.name}.invalid-${stamp()}.json`);
        copyFileSync(backend.path, aside);
        notices.push({
          id: `storage.repaired.${spec.name}`,
          severity: 'warning',
          title: `Some ${spec.label} could not be read`,
          message: `These were reset to their defaults: ${repaired.reset.join(', ')}. The original file was kept as ${aside}.`,
        });
      }
    } else {
      throw new Error(`The ${spec.label} file does not match its schema and no repair is defined.`);
    }
    writeMain(value, 'It was read but could not be written back; the file is as it was.');
  }
  writeBackup(
    value,
    `The ${spec.label} file itself (${backend.path}) was written; only its backup copy is missing or old.`,
  );

  return {
    path: backend.path,
    notices,
    get: () => structuredClone(value),
    set: (next: T) => {
      const checked = spec.schema.parse(next);
      writeMain(checked, `Nothing was saved: the ${spec.label} file is as it was before this change.`);
      value = checked;
      writeBackup(
        checked,
        `The change itself was saved to ${backend.path} and is kept; only the backup copy is old, so a damaged file could not be restored to this change.`,
      );
    },
  };
}

/** Why a file cannot be read as a JSON object, or null when it can (or does not exist). */
function preflight(path: string): string | null {
  if (!existsSync(path)) return null;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return 'unreadable';
  }
  if (text.trim() === '') return 'empty';
  try {
    const data: unknown = JSON.parse(text);
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'not a JSON object';
    return null;
  } catch {
    return 'not valid JSON (damaged or cut short)';
  }
}

function backupIsUsable<T extends { version: number }>(backupPath: string, spec: DocumentSpec<T>): boolean {
  if (preflight(backupPath) !== null || !existsSync(backupPath)) return false;
  try {
    return spec.schema.safeParse(JSON.parse(readFileSync(backupPath, 'utf8'))).success;
  } catch {
    return false;
  }
}
