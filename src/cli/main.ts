import pkg from '../../package.json' with { type: 'json' };
import type { CommandEntry } from './command';
import { commands as defaultCommands } from './commands';
import { EXIT_BAD_INPUT, EXIT_OK } from './exit-codes';
import type { CliIo } from './io';
import { handleFailure, printError, printJson } from './output';

/** The program's version (from package.json). */
export const version: string = pkg.version;

function help(commands: CommandEntry[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    `gcw ${version} — Graph Connection Workbench on the command line`,
    '',
    'Usage: gcw <command> [options] [--json]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  --json      print one JSON object on stdout and nothing else',
    '  --help      show help (also: gcw <command> --help, or gcw help <command>)',
    '  --version   print the version',
    '',
    'Exit codes: 0 ok, 1 a check found errors or a sign-in failed, 2 usage error or bad input.',
  ].join('\n');
}

function unknownCommand(io: CliIo, json: boolean, name: string): number {
  printError(io, json, { code: 'cli.usage', message: `Unknown command "${name}". Run gcw --help for the list.` });
  return EXIT_BAD_INPUT;
}

/** Run `gcw` with the given arguments; resolves with the exit code. */
export async function runCli(argv: string[], io: CliIo, commands: CommandEntry[] = defaultCommands): Promise<number> {
  const json = argv.includes('--json');
  const rest = argv.filter((a) => a !== '--json');
  let [name, ...args] = rest;
  // `gcw help <command>` is `gcw <command> --help`.
  if (name === 'help' && args[0] !== undefined) [name, args] = [args[0], ['--help']];
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    if (json) printJson(io, { version, commands: commands.map((c) => ({ name: c.name, summary: c.summary })) });
    else io.out(`${help(commands)}\n`);
    return name === undefined && !json ? EXIT_BAD_INPUT : EXIT_OK;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    if (json) {
      // Loaded only here: plain --version and --help load nothing but package.json.
      const { catalogInfo } = await import('../core/permissions/catalog-info');
      printJson(io, { version, permissionCatalog: { date: catalogInfo.date, entries: catalogInfo.entries } });
    } else io.out(`${version}\n`);
    return EXIT_OK;
  }
  const entry = commands.find((c) => c.name === name);
  if (!entry) return unknownCommand(io, json, name);
  const command = await entry.load();
  if (args.includes('--help') || args.includes('-h')) {
    if (json) printJson(io, { command: entry.name, summary: entry.summary, usage: command.usage });
    else io.out(`${command.usage}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(args, io, { json });
  } catch (error) {
    return handleFailure(io, json, error, command.usage);
  }
}
