// Builds main, preload and renderer exactly as `electron-forge start/package` would, without needing the
// Electron binary (Forge has no build-only command): spawns plugin-vite's own worker for each target.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { createJiti } from 'jiti';

const root = resolve(import.meta.dirname, '..');
const jiti = createJiti(import.meta.url);
const forgeConfig = await jiti.import(resolve(root, 'forge.config.ts'), { default: true });
const vite = forgeConfig.plugins.find((p) => p.name === 'vite');
if (!vite) throw new Error('forge.config.ts has no Vite plugin');
const pluginConfig = vite.config;
const require = createRequire(import.meta.url);
const worker = resolve(dirname(require.resolve('@electron-forge/plugin-vite')), 'subprocess-worker.js');

function run(kind, index) {
  return new Promise((ok, fail) => {
    const child = spawn(process.execPath, [worker], {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        FORGE_VITE_PROJECT_DIR: root,
        FORGE_VITE_KIND: kind,
        FORGE_VITE_INDEX: String(index),
        FORGE_VITE_CONFIG: JSON.stringify(pluginConfig),
      },
    });
    child.on('exit', (code) => (code === 0 ? ok() : fail(new Error(`${kind} #${index} build failed (exit ${code})`))));
  });
}

const started = Date.now();
await Promise.all([
  ...pluginConfig.build.map((_b, i) => run('build', i)),
  ...pluginConfig.renderer.map((_r, i) => run('renderer', i)),
]);
console.log(`Built main, preload and renderer into .vite/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);
