// Process entry of `gcw`: real streams, exit code from the command.
import { runCli } from './main';
import { processIo } from './io';

process.exitCode = await runCli(process.argv.slice(2), processIo());
