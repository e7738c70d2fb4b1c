import { plainBlock } from './terminal-text';
import { workingFolder } from './working-folder';

/** What a command may touch: output streams, stdin, the environment and the working directory. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readStdin(): Promise<string>;
  env: Record<string, string | undefined>;
  /** The folder relative paths are resolved from (INIT_CWD under `npm run gcw`, see workingFolder). */
  cwd: string;
  /** True when stdout is a terminal (a trailing newline is then added to raw output such as base64). */
  stdoutIsTerminal?: boolean;
}

/**
 * The real process streams. Everything gcw prints passes plainBlock: control characters that came from input (a
 * displayName holding ESC]0;…BEL, a claim, a file name, an error text) are shown as `\x1b` text, never sent to the
 * terminal. gcw's own text uses only newlines and tabs; JSON is escaped already (jsonText), so it is unchanged.
 */
export function processIo(): CliIo {
  return {
    out: (text) => process.stdout.write(plainBlock(text)),
    err: (text) => process.stderr.write(plainBlock(text)),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    env: process.env,
    cwd: workingFolder(process.env, process.cwd()),
    stdoutIsTerminal: process.stdout.isTTY === true,
  };
}
