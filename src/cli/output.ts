import { isWorkbenchError } from '../core/errors';
import type { AppError } from '../shared/result';
import { UsageError } from './command';
import { EXIT_BAD_INPUT } from './exit-codes';
import type { CliIo } from './io';

/** Print one JSON object on stdout (and nothing else). */
export function printJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

/** Report a failure the way the mode asks: JSON `{ ok: false, error }` on stdout, or a message on stderr. */
export function printError(io: CliIo, json: boolean, error: AppError): void {
  if (json) printJson(io, { ok: false, error });
  else io.err(`gcw: ${error.message}${error.hint ? `\n${error.hint}` : ''}\n`);
}

/** Turn anything a command threw into output and an exit code (usage and bad input: 2). */
export function handleFailure(io: CliIo, json: boolean, error: unknown, usage?: string): number {
  if (error instanceof UsageError) {
    printError(io, json, { code: 'cli.usage', message: error.message });
    if (!json && usage) io.err(`\n${usage}\n`);
    return EXIT_BAD_INPUT;
  }
  if (isWorkbenchError(error)) {
    printError(io, json, error.toAppError());
    return EXIT_BAD_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  printError(io, json, { code: 'internal.unexpected', message: `Unexpected failure: ${message}` });
  return EXIT_BAD_INPUT;
}
