import { parseArgs, type ParseArgsConfig } from 'node:util';
import { flagFormatProblem } from './flag-formats';
import type { CliIo } from './io';

/** Options every command understands. */
export interface GlobalOptions {
  json: boolean;
}

/** One `gcw` command (or subcommand group): its help and what it does. */
export interface Command {
  /** Full help text shown by `gcw <name> --help` and `gcw help <name>`. */
  usage: string;
  /** The exit code; a command with nothing to wait for (e.g. `gcw environments`) returns it at once. */
  run(args: string[], io: CliIo, globals: GlobalOptions): number | Promise<number>;
}

/**
 * A command as the top level knows it: name and summary for `gcw --help`, and `load`, which imports the command's
 * modules only when it runs (each command is its own chunk of the built CLI, so `gcw --version` loads none of them).
 */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}

/** A usage mistake: wrong flags, missing arguments; exits 2 with the command's usage. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Parse a command's flags strictly: unknown flags and missing values are usage errors, and so is a malformed client
 * ID, tenant, UPN, domain or date (flag-formats.ts), in every command alike.
 */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  allowPositionals = true,
) {
  let parsed;
  try {
    parsed = parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError(
      error instanceof Error ? error.message.replace(/^TypeError \[[A-Z_]+\]: /, '') : String(error),
    );
  }
  const problem = flagFormatProblem(parsed.values);
  if (problem) throw new UsageError(problem);
  return parsed;
}
