// Integration tests run `gcw` as users do, from the compiled CLI in dist/cli: build it first when any of its
// sources is newer than the last build (scripts/build-cli.mjs --if-stale; a fresh build takes about a second).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  const r = spawnSync(process.execPath, ['scripts/build-cli.mjs', '--if-stale'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`Building gcw (scripts/build-cli.mjs) failed:\n${r.stdout}\n${r.stderr}`);
}
