// Is the Electron runtime installed, and if not, can it be downloaded? Uses the electron package's own install.js (the
// same download `require('electron')` would start), and turns a failure into three lines a person can act on.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join, posix, win32 } from 'node:path';

const require = createRequire(import.meta.url);

/** The electron package next to this project: its folder and version. */
export function electronPackage() {
  const dir = dirname(require.resolve('electron/package.json'));
  const { version } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return { dir, version };
}

/** The Electron executable `require('electron')` would return, or null when it is not there (electron/index.js's rules). */
export function installedElectron(dir, env = process.env) {
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8') : null;
  const executable = env.ELECTRON_OVERRIDE_DIST_PATH
    ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron')
    : relative
      ? join(dir, 'dist', relative)
      : null;
  return executable && existsSync(executable) ? executable : null;
}

/** The environment of the download: behind a proxy, Node's fetch uses HTTPS_PROXY only with NODE_USE_ENV_PROXY=1. */
export function downloadEnv(env = process.env) {
  const proxy = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  return {
    ...env,
    ...(proxy && !env.NODE_USE_ENV_PROXY ? { NODE_USE_ENV_PROXY: '1' } : {}),
    DEBUG: [env.DEBUG, '@electron/get:index'].filter(Boolean).join(','),
  };
}

/** Where @electron/get looks for a downloaded zip: <cache root>/<sha256 of the URL's folder>/<file> (its Cache.getCacheDirectory). */
export function cacheFolder(url, env = process.env, platform = process.platform) {
  const parsed = new URL(url);
  parsed.hash = '';
  parsed.search = '';
  parsed.pathname = posix.dirname(parsed.pathname);
  return (platform === 'win32' ? win32 : posix).join(
    cacheRoot(env, platform),
    createHash('sha256').update(parsed.toString()).digest('hex'),
  );
}

/** electron_config_cache, or env-paths' cache folder for "electron" (what @electron/get uses by default). */
export function cacheRoot(env = process.env, platform = process.platform) {
  if (env.electron_config_cache) return env.electron_config_cache;
  if (platform === 'darwin') return posix.join(homedir(), 'Library', 'Caches', 'electron');
  if (platform === 'win32')
    return win32.join(env.LOCALAPPDATA || win32.join(homedir(), 'AppData', 'Local'), 'electron', 'Cache');
  return posix.join(env.XDG_CACHE_HOME || posix.join(homedir(), '.cache'), 'electron');
}

/** Run electron/install.js; on failure, what it tried (from @electron/get's debug lines) and why it failed. */
export function downloadElectron(dir, env = process.env) {
  const r = spawnSync(process.execPath, [join(dir, 'install.js')], {
    encoding: 'utf8',
    env: downloadEnv(env),
    timeout: 15 * 60_000,
  });
  if (r.status === 0) return { ok: true };
  const output = `${r.stderr ?? ''}\n${r.stdout ?? ''}`;
  const url = /Downloading (\S+) to /.exec(output)?.[1] ?? /for \S+ \((\S+)\)/.exec(output)?.[1] ?? null;
  const errorLine = output.split('\n').find((line) => /^\w*Error\b/.test(line.trim()));
  let reason = errorLine
    ? errorLine.trim().replace(/^\w*Error: /, '')
    : r.error
      ? r.error.message
      : `install.js exited with ${r.status ?? r.signal}`;
  if (reason === 'fetch failed' && url) reason = `fetch failed: ${probe(url, env)}`;
  return { ok: false, url, reason };
}

/** Why a request to `url` fails, in the network's words (e.g. "getaddrinfo ENOTFOUND github.com"). */
function probe(url, env) {
  const code =
    'fetch(process.argv[1], { method: "HEAD", signal: AbortSignal.timeout(15000) })' +
    '.then((r) => console.log("HTTP " + r.status))' +
    '.catch((e) => console.log(e.cause ? (e.cause.message || e.cause.code) : e.message))';
  const r = spawnSync(process.execPath, ['-e', code, url], {
    encoding: 'utf8',
    env: downloadEnv(env),
    timeout: 30_000,
  });
  return (r.stdout || '').trim() || 'no answer';
}

/** The three lines `npm start` prints when Electron is missing and the download failed. */
export function explainMissingElectron({
  version,
  url,
  reason,
  env = process.env,
  platform = process.platform,
  arch = process.arch,
}) {
  const file = url ? decodeURIComponent(url.split('/').pop()) : `electron-v${version}-${platform}-${arch}.zip`;
  const where = url ? new URL(url).host : 'github.com';
  const folder = url ? cacheFolder(url, env, platform) : null;
  const proxied = Boolean(env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy);
  return [
    `npm start: the Electron ${version} runtime is not installed, and downloading ${file} from ${where}${proxied ? ' through HTTPS_PROXY' : ''} failed (${reason}).`,
    `To fix it: behind a proxy, set HTTPS_PROXY=http://<proxy>:<port>; or set ELECTRON_MIRROR to a mirror of https://github.com/electron/electron/releases/download/; ` +
      `or copy ${file} from a machine that has it into ${folder ?? 'the folder electron_config_cache names'}${env.electron_config_cache ? '' : ' (set electron_config_cache to use another cache folder)'}. Then run npm start again.`,
    'Meanwhile the whole app runs in your browser, without Electron: npx gcw ui',
  ];
}
