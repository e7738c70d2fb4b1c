import { WorkbenchError } from '../errors';

/** A file system error code in words a user can act on, with the code itself for the ticket. */
export function fsProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied, ${code}`;
    case 'EROFS':
      return 'the disk is read-only, EROFS';
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk is full, ${code}`;
    case 'EBUSY':
      return 'another program holds the file, EBUSY';
    default:
      return code ?? (error instanceof Error ? error.message : 'unknown error');
  }
}

/**
 * `storage.write_failed`: what could not be written, and what is true on disk now (`outcome`, one sentence). The
 * caller knows which parts were written; the message never says "nothing was changed" when something was.
 */
export function storageWriteFailed(what: string, error: unknown, outcome: string, folder: string): WorkbenchError {
  return new WorkbenchError('storage.write_failed', `${what} could not be written (${fsProblem(error)}). ${outcome}`, {
    hint: `Check that you may write to the data folder (${folder}), that its disk is not full and that no other program (a backup or sync tool, an antivirus scan) holds its files, then try again.`,
    cause: error,
  });
}
