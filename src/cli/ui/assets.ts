import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The built browser app (scripts/build-ui.mjs): the renderer and the host's client scripts. */
export interface UiAssets {
  rendererDir: string;
  clientDir: string;
}

/** Find dist/ui from the running gcw file (dist/cli/… in a clone or an npm install), walking up a few folders. */
export function findUiAssets(fromFile: string): UiAssets | null {
  let dir = dirname(fromFile);
  for (let i = 0; i < 5; i++) {
    const ui = join(dir, 'dist', 'ui');
    if (existsSync(join(ui, 'renderer', 'index.html')) && existsSync(join(ui, 'client', 'client.js'))) {
      return { rendererDir: join(ui, 'renderer'), clientDir: join(ui, 'client') };
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return null;
}
