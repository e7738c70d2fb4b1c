import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { WorkbenchError } from '../errors';
import { fsProblem } from './write-failure';

/**
 * Make sure the data folder exists and can be written, before any store opens: a read-only folder (or a full disk,
 * or no permission) is refused at start with one clear message, not as the raw error of whichever file came first.
 */
export function ensureWritableDataFolder(directory: string): void {
  const probe = join(directory, `.write-check-${randomBytes(6).toString('hex')}`);
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    writeFileSync(probe, '', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    throw new WorkbenchError(
      'storage.write_failed',
      `The data folder ${directory} cannot be written (${fsProblem(error)}). The Workbench keeps its settings, connection profiles, secrets and log there and cannot start without it; nothing in the folder was changed.`,
      {
        hint: 'Make the folder writable for your account (or free space on its disk, or close the program that holds it), then start again.',
        cause: error,
      },
    );
  }
  rmSync(probe, { force: true });
}
