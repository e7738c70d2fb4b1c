// Runs `gcw` as a user does: a real Node process on bin/gcw.mjs (the compiled CLI in dist/cli, which the
// integration project's global setup builds when a source is newer than it).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const gcwBin = resolve(import.meta.dirname, '../../bin/gcw.mjs');

export interface GcwRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run gcw with args; `env` replaces the environment when `cleanEnv` is set, else adds to it. */
export function runGcw(
  args: string[],
  options: {
    cwd?: string;
    env?: Record<string, string | undefined>;
    input?: string;
    cleanEnv?: boolean;
    bin?: string;
  } = {},
): GcwRun {
  const env = options.cleanEnv ? { ...options.env } : { ...process.env, ...options.env };
  const r = spawnSync(process.execPath, [options.bin ?? gcwBin, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    env,
    input: options.input ?? '',
    timeout: 60_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The application (client) ID the CLI tests register profiles with. */
export const TEST_APP_ID = '11111111-2222-3333-4444-555555555555';

/**
 * `gcw profile new --auth byo-app … --out <out>` with the tests' usual client ID, tenant and domain; a field set to
 * null leaves its flag out. Add further flags after it.
 */
export function byoProfileArgs(
  out: string,
  fields: { clientId?: string | null; tenant?: string | null; domain?: string | null } = {},
): string[] {
  const flags: Array<[string, string | null]> = [
    ['--client-id', fields.clientId === undefined ? TEST_APP_ID : fields.clientId],
    ['--tenant', fields.tenant === undefined ? 'contoso.onmicrosoft.com' : fields.tenant],
    ['--domain', fields.domain === undefined ? 'contoso.com' : fields.domain],
  ];
  const given = flags.flatMap(([flag, value]) => (value === null ? [] : [flag, value]));
  return ['profile', 'new', '--auth', 'byo-app', ...given, '--out', out];
}
