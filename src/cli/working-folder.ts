import { isAbsolute } from 'node:path';
import pkg from '../../package.json' with { type: 'json' };

/**
 * The folder relative paths (inputs and --out) are resolved from: where the user is. `npm run gcw -- …` runs in the
 * repository root, but npm keeps the folder it was started in as INIT_CWD, so under our own `gcw` script that is
 * used. Anywhere else (gcw on the PATH, npx, another project's script) the process's working folder is.
 */
export function workingFolder(env: Record<string, string | undefined>, cwd: string): string {
  const underNpmRunGcw = env.npm_lifecycle_event === 'gcw' && env.npm_package_name === pkg.name;
  const started = env.INIT_CWD;
  return underNpmRunGcw && started && isAbsolute(started) ? started : cwd;
}
