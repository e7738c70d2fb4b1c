// Builds what `gcw ui` serves into dist/ui/: the renderer (Vite, the same config and production mode the Electron
// app's renderer is built with) in dist/ui/renderer, and the host's two browser scripts (esbuild) in dist/ui/client:
// client.js (window.workbench over HTTP) and login.js (the one-time token exchange).
//
//   node scripts/build-ui.mjs              build (npm run build:ui; also run by `prepare` on npm install / npm ci)
//   node scripts/build-ui.mjs --if-stale   build only when a file under src/renderer, src/shared or src/web-host/client,
//                                          the Vite config, package.json, the lock file or this script is newer
//                                          (the e2e run's global setup uses this)
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
export const uiDir = join(root, 'dist/ui');
const stampFile = join(uiDir, 'build-inputs.json');
const sourceFolders = ['src/renderer', 'src/shared', 'src/web-host/client'];
const sourceFiles = ['vite.renderer.config.ts', 'package.json', 'package-lock.json', 'scripts/build-ui.mjs'];

function filesUnder(folder) {
  const out = [];
  for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** Every file the build reads from the project (besides node_modules). */
function inputs() {
  return [...sourceFolders.flatMap(filesUnder), ...sourceFiles];
}

/** True when dist/ui is missing, or a source is newer than it, or a source was added or removed since. */
export function isStale() {
  if (!existsSync(stampFile)) return true;
  const { builtAt, inputs: before } = JSON.parse(readFileSync(stampFile, 'utf8'));
  const now = inputs();
  if (now.length !== before.length || now.some((file, i) => file !== before[i])) return true;
  return now.some((file) => statSync(join(root, file)).mtimeMs > builtAt);
}

/** Build into a fresh folder, then swap it in, so a gcw ui started meanwhile never sees half a build. */
export async function buildUi() {
  let vite;
  let esbuild;
  try {
    vite = await import('vite');
    esbuild = await import('esbuild');
  } catch {
    throw new Error(
      'vite and esbuild are not installed. Run npm install (or npm ci) with dev dependencies, then npm run build:ui.',
    );
  }
  const started = Date.now();
  const staging = join(root, `dist/.ui-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  const files = inputs();
  // Vitest and some shells set NODE_ENV; the renderer must be React's production build, as the app ships it.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await vite.build({
      configFile: join(root, 'vite.renderer.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir: join(staging, 'renderer'), emptyOutDir: true },
    });
  } finally {
    if (previous === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = previous;
  }
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: { client: 'src/web-host/client/workbench-client.ts', login: 'src/web-host/client/login.ts' },
    outdir: join(staging, 'client'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox121', 'safari17'],
    minify: true,
    legalComments: 'none',
    logLevel: 'warning',
  });
  writeFileSync(
    join(staging, 'build-inputs.json'),
    `${JSON.stringify({ builtAt: started, inputs: files }, null, 1)}\n`,
  );
  mkdirSync(dirname(uiDir), { recursive: true });
  const old = join(root, `dist/.ui-old-${process.pid}`);
  if (existsSync(uiDir)) renameSync(uiDir, old);
  renameSync(staging, uiDir);
  rmSync(old, { recursive: true, force: true });
  return { ms: Date.now() - started, dir: relative(root, uiDir) };
}

if (resolve(process.argv[1] ?? '') === import.meta.filename) {
  if (process.argv.includes('--if-stale') && !isStale()) {
    console.log('gcw ui: dist/ui is up to date.');
  } else {
    const { ms, dir } = await buildUi();
    console.log(`Built the browser app for gcw ui into ${dir}/ in ${(ms / 1000).toFixed(1)} s.`);
  }
}
