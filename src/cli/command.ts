import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

/** Options every command understands. */
export interface GlobalOptions {
  json: boolean;
}

/** One `gcw` command (or subcommand group). */
export interface Command {
  name: string;
  summary: string;
  /** Full help text shown by `gcw <name> --help`. */
  usage: string;
  run(args: string[], io: CliIo, globals: GlobalOptions): Promise<number>;
}

/** A usage mistake: wrong flags, missing arguments; exits 2 with the command's usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parse a command's flags strictly: unknown flags and missing values are usage errors. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/^TypeError \[[A-Z_]+\]: /, '') : String(error));
  }
}
