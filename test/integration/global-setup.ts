// Integration tests run `gcw` as users do, from the compiled CLI in dist/cli, and `gcw ui` serves dist/ui: build
// each first when any of its sources is newer than its last build (scripts/build-cli.mjs and scripts/build-ui.mjs
// with --if-stale; a fresh CLI build takes about a second, the browser app a few seconds more).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export default function setup(): void {
  const root = resolve(import.meta.dirname, '../..');
  for (const script of ['scripts/build-cli.mjs', 'scripts/build-ui.mjs']) {
    const r = spawnSync(process.execPath, [script, '--if-stale'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    if (r.status !== 0) throw new Error(`Building (${script}) failed:\n${r.stdout}\n${r.stderr}`);
  }
}
