import { existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { WorkbenchError } from '../errors';
import type { FileFilter } from '../os/ports';
import { writeNewFile } from '../storage/atomic-write';
import type { AppContext } from './context';

/** Where save dialogs open: the folder from Settings, else Documents when it exists, else the home folder. */
export function defaultSaveFolder(ctx: Pick<AppContext, 'settings'>): string {
  const chosen = ctx.settings.get().defaultSaveFolder;
  if (chosen) return chosen;
  const documents = join(homedir(), 'Documents');
  return existsSync(documents) ? documents : homedir();
}

/** Ask where to save, then write owner-only (0600); the OS dialog has already confirmed replacing an existing file. */
export async function saveThroughDialog(
  ctx: Pick<AppContext, 'settings' | 'dialogs'>,
  request: { title: string; fileName: string; filters: FileFilter[]; data: string | Uint8Array },
): Promise<string> {
  const path = await ctx.dialogs.saveFile({
    title: request.title,
    defaultPath: join(defaultSaveFolder(ctx), request.fileName),
    filters: request.filters,
  });
  if (!path) throw new WorkbenchError('dialog.cancelled', 'Nothing was saved: no file was chosen.');
  try {
    writeNewFile(path, request.data, { overwrite: true });
  } catch (cause) {
    throw new WorkbenchError(
      'file.write_failed',
      `${basename(path)} could not be written. Check that the folder exists and you may write to it, then save again.`,
      { cause },
    );
  }
  return path;
}

/** Ask for a file to open and read it as text; refuses files over `maxBytes`. */
export async function openTextThroughDialog(
  ctx: Pick<AppContext, 'dialogs'>,
  request: { title: string; filters: FileFilter[]; maxBytes: number },
): Promise<string> {
  const path = await ctx.dialogs.openFile({ title: request.title, filters: request.filters });
  if (!path) throw new WorkbenchError('dialog.cancelled', 'No file was chosen.');
  let size: number;
  try {
    size = statSync(path).size;
  } catch (cause) {
    throw new WorkbenchError('file.not_found', `${basename(path)} is not there any more. Choose the file again.`, {
      cause,
    });
  }
  if (size > request.maxBytes) {
    throw new WorkbenchError(
      'file.too_large',
      `${basename(path)} is ${Math.ceil(size / 1024)} KB; a file of this kind is at most ${Math.round(request.maxBytes / 1024)} KB. Check that you picked the right file.`,
    );
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new WorkbenchError(
      'file.read_failed',
      `${basename(path)} could not be read. Check that you may open it, then try again.`,
      { cause },
    );
  }
}
