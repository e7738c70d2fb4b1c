import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { WorkbenchError } from '../core/errors';
import type { CliIo } from './io';

/** Read a text file named on the command line (`-` reads stdin); refuses files over `maxBytes`. */
export async function readTextArgument(io: CliIo, path: string, maxBytes: number): Promise<string> {
  if (path === '-') return io.readStdin();
  const full = resolve(io.cwd, path);
  let size: number;
  try {
    const stat = statSync(full);
    if (!stat.isFile()) throw new WorkbenchError('file.read_failed', `${path} is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof WorkbenchError) throw error;
    throw new WorkbenchError('file.not_found', `There is no file ${path}. Check the path.`, { cause: error });
  }
  if (size > maxBytes)
    throw new WorkbenchError(
      'file.too_large',
      `${path} is ${Math.ceil(size / 1024)} KB; a file of this kind is at most ${Math.round(maxBytes / 1024)} KB.`,
    );
  try {
    return readFileSync(full, 'utf8');
  } catch (cause) {
    throw new WorkbenchError('file.read_failed', `${path} could not be read. Check that you may open it.`, { cause });
  }
}
