import { isWorkbenchError } from '../core/errors';
import type { AppError } from '../shared/result';
import { UsageError } from './command';
import { EXIT_BAD_INPUT } from './exit-codes';
import type { CliIo } from './io';

// JSON.stringify writes C0 controls (ESC too) as \u escapes but leaves DEL, C1 controls, line separators and bidi
// controls as they are; inside JSON they can only be in strings, where \uXXXX means the same character.
const rawInJson = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Pretty JSON with every control character escaped: the same data, and safe to show on a terminal. */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    rawInJson,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** One JSON object on one line, control characters escaped (JSON Lines: `verify --dir --json`). */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value).replace(rawInJson, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** Print one JSON object on stdout (and nothing else). */
export function printJson(io: CliIo, value: unknown): void {
  io.out(`${jsonText(value)}\n`);
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
