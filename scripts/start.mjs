// `npm start`: electron-forge start, once the Electron runtime is there. When it is missing and cannot be downloaded,
// three lines say what failed, how to fix it and what to use meanwhile, instead of Forge's stack trace.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { downloadElectron, electronPackage, explainMissingElectron, installedElectron } from './electron-runtime.mjs';

const electron = electronPackage();
if (!installedElectron(electron.dir)) {
  console.log(`Downloading the Electron ${electron.version} runtime (once)…`);
  const result = downloadElectron(electron.dir);
  if (!result.ok || !installedElectron(electron.dir)) {
    const reason = result.ok ? 'the download finished but no Electron executable is there' : result.reason;
    console.error(
      explainMissingElectron({ version: electron.version, url: result.ok ? null : result.url, reason }).join('\n'),
    );
    process.exit(1);
  }
}

const require = createRequire(import.meta.url);
const forge = join(dirname(require.resolve('@electron-forge/cli/package.json')), 'dist/electron-forge.js');
const child = spawn(process.execPath, [forge, 'start', ...process.argv.slice(2)], { stdio: 'inherit' });
// Ctrl+C reaches Forge too (same process group): let it stop, then pass on its exit code. SIGTERM is sent to this process only.
process.on('SIGINT', () => undefined);
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
