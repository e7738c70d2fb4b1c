import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where save and folder dialogs start: the folder chosen in Settings, else Documents (when it exists), else home. */
export function defaultSaveFolder(chosen: string | null, home: string = homedir()): string {
  if (chosen && existsSync(chosen)) return chosen;
  const documents = join(home, 'Documents');
  return existsSync(documents) ? documents : home;
}
