import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { tooLargeError } from '../../../core/certificates';
import { isWorkbenchError, WorkbenchError } from '../../../core/errors';
import { writeNewFile } from '../../../core/storage/atomic-write';
import { UsageError } from '../../command';
import type { CliIo } from '../../io';

/** Read a file given on the command line, refusing anything larger than `limit` before reading it. */
export function readInputFile(io: CliIo, path: string, limit: number): { path: string; name: string; bytes: Buffer } {
  const full = resolve(io.cwd, path);
  try {
    const size = statSync(full).size;
    if (size > limit) throw tooLargeError(size, limit);
    return { path: full, name: basename(full), bytes: readFileSync(full) };
  } catch (error) {
    if (isWorkbenchError(error)) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new WorkbenchError('file.not_found', `There is no file ${path}.`, {
        hint: 'Check the path and try again.',
      });
    throw new WorkbenchError('file.read_failed', `${path} could not be read (${code ?? 'error'}).`, {
      hint: 'Check that the path is a file you may read.',
    });
  }
}

/** Write an output file owner-only; never replaces an existing file. */
export function writeOutputFile(io: CliIo, path: string, data: string | Uint8Array): string {
  const full = resolve(io.cwd, path);
  try {
    writeNewFile(full, data);
    return full;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST')
      throw new WorkbenchError('file.exists', `${path} already exists; nothing was written.`, {
        hint: 'Choose another output path, or delete the file first.',
      });
    throw new WorkbenchError('file.write_failed', `${path} could not be written (${code ?? 'error'}).`, {
      hint: 'Choose a folder you can write to.',
    });
  }
}

/** Password options: `--password-env VAR` or `--password-stdin`; null when neither is given. */
export async function readPassword(
  io: CliIo,
  values: { 'password-env'?: string | undefined; 'password-stdin'?: boolean | undefined },
): Promise<string | null> {
  const env = values['password-env'];
  if (env !== undefined && values['password-stdin'])
    throw new UsageError('Give either --password-env or --password-stdin, not both.');
  if (env !== undefined) {
    const value = io.env[env];
    if (value === undefined) throw new UsageError(`The environment variable ${env} (from --password-env) is not set.`);
    return value;
  }
  if (values['password-stdin']) return (await io.readStdin()).replace(/\r?\n$/, '');
  return null;
}

/** The flags every password-taking subcommand accepts. */
export const passwordFlags = {
  'password-env': { type: 'string' },
  'password-stdin': { type: 'boolean' },
} as const;
