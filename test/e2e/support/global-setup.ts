// Builds what `gcw ui` serves (dist/ui: the renderer with the app's Vite config in production mode, and the host's
// client scripts) when a source is newer than the last build, the way users get it from npm install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../../..');
export const uiRendererDir = resolve(root, 'dist/ui/renderer');
export const uiClientDir = resolve(root, 'dist/ui/client');

export default function setup(): void {
  if (process.env.GCW_E2E_SKIP_BUILD === '1' && existsSync(resolve(uiRendererDir, 'index.html'))) return;
  const r = spawnSync(process.execPath, ['scripts/build-ui.mjs', '--if-stale'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 300_000,
  });
  if (r.status !== 0)
    throw new Error(`Building the browser app (scripts/build-ui.mjs) failed:\n${r.stdout}\n${r.stderr}`);
}
