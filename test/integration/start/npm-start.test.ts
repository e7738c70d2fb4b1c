// `npm start` without the Electron runtime: three lines (what failed and where, how to fix it, what to use meanwhile)
// instead of a stack trace; and each fix it names really works. Runs in a copy of the project whose electron package
// has no runtime (symlinks to the other packages), with a mirror and a proxy on 127.0.0.1: nothing reaches the internet.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cacheFolder } from '../../../scripts/electron-runtime.mjs';
import { writeStandinElectron } from '../../support/electron-standin';

const root = resolve(import.meta.dirname, '../../..');
const electronVersion = (
  JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }
).version;
const zipName = `electron-v${electronVersion}-${process.platform}-${process.arch}.zip`;

let work: string;
let project: string;

/** A project copy: package.json and scripts/, node_modules linked entry by entry, electron copied without its runtime. */
function makeProject(dir: string): void {
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  cpSync(join(root, 'scripts'), join(dir, 'scripts'), { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === 'electron' || entry === '.bin') continue;
    symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
  }
  const electron = join(dir, 'node_modules/electron');
  mkdirSync(electron);
  const { files } = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')) as {
    files: string[];
  };
  for (const file of ['package.json', ...files])
    cpSync(join(root, 'node_modules/electron', file), join(electron, file));
}

/** The environment without the machine's own proxy, mirror or cache settings, plus `env`. */
function cleanEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !/^(https?_proxy|no_proxy|electron_|npm_config_electron|node_use_env_proxy|debug$)/i.test(k),
    ),
  );
  return { ...clean, electron_config_cache: join(work, 'cache'), ...env };
}

/** Run a process without blocking this one (the mirror and proxy answer from here). */
function runAsync(
  cmd: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((ok, fail) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('error', fail);
    child.on('close', (status) => {
      clearTimeout(timer);
      ok({ status, stdout, stderr });
    });
  });
}

/** `npm start` in the copy, with only the variables given (no proxy or mirror of the machine running the test). */
async function npmStart(env: Record<string, string>, args: string[] = []) {
  const r = await runAsync('npm', ['start', '--silent', ...(args.length ? ['--', ...args] : [])], {
    cwd: project,
    env: cleanEnv(env),
  });
  return { ...r, lines: r.stderr.split('\n').filter((l) => l.trim() !== '') };
}

interface Recorder {
  server: Server;
  url: string;
  seen: string[];
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

/** A mirror on 127.0.0.1 that records each request and answers from `files` (404 otherwise). */
async function mirror(files: Record<string, Buffer> = {}): Promise<Recorder> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const body = files[req.url ?? ''];
    if (body) res.writeHead(200, { 'content-length': body.length }).end(body);
    else res.writeHead(404).end('not here');
  });
  return { server, url: `${await listen(server)}/`, seen };
}

/** A proxy on 127.0.0.1 that records each CONNECT and refuses it. */
async function refusingProxy(): Promise<Recorder> {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, socket) => {
    seen.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  return { server, url: await listen(server), seen };
}

const servers: Server[] = [];
async function track<T extends Recorder>(r: Promise<T>): Promise<T> {
  const value = await r;
  servers.push(value.server);
  return value;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'gcw-start-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeEach(() => {
  project = mkdtempSync(join(work, 'project-'));
  makeProject(project);
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((ok) => s.close(ok))));
});

describe('npm start without the Electron runtime', () => {
  it('runs scripts/start.mjs', () => {
    expect(
      (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts
        .start,
    ).toBe('node scripts/start.mjs');
  });

  it('prints three lines — what failed and where, how to fix it, what to use meanwhile — and no stack trace', async () => {
    const m = await track(mirror());
    const r = await npmStart({ ELECTRON_MIRROR: m.url });
    expect(r.status).toBe(1);
    expect(m.seen).toEqual([`GET /v${electronVersion}/${zipName}`]);
    expect(r.lines).toHaveLength(3);
    const [what, fix, meanwhile] = r.lines as [string, string, string];
    expect(what).toContain(`Electron ${electronVersion} runtime is not installed`);
    expect(what).toContain(`from ${new URL(m.url).host}`);
    expect(what).toMatch(/404/);
    for (const word of ['HTTPS_PROXY', 'ELECTRON_MIRROR', zipName, join(work, 'cache'), 'npm start again'])
      expect(fix).toContain(word);
    expect(meanwhile).toBe('Meanwhile the whole app runs in your browser, without Electron: npx gcw ui');
    expect(r.stderr).not.toMatch(/^\s+at /m);
  }, 60_000);

  it('names the host and the network error when the default host cannot be reached, and goes through HTTPS_PROXY when it is set', async () => {
    const proxy = await track(refusingProxy());
    const r = await npmStart({ HTTPS_PROXY: proxy.url });
    expect(r.status).toBe(1);
    // The download really went to the proxy (Node's fetch needs NODE_USE_ENV_PROXY=1 for that; npm start sets it).
    expect(proxy.seen).toContain('CONNECT github.com:443');
    expect(r.lines).toHaveLength(3);
    expect(r.lines[0]).toContain(`downloading ${zipName} from github.com through HTTPS_PROXY failed (fetch failed: `);
  }, 60_000);

  it('names the folder @electron/get really reads a pre-downloaded zip from', async () => {
    const m = await track(mirror());
    const url = `${m.url}v${electronVersion}/${zipName}`;
    const folder = cacheFolder(url, { electron_config_cache: join(work, 'cache') }, process.platform);
    expect((await npmStart({ ELECTRON_MIRROR: m.url })).lines[1]).toContain(folder);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, zipName), 'not the real zip');
    const r = await runAsync(process.execPath, [join(project, 'node_modules/electron/install.js')], {
      cwd: project,
      env: cleanEnv({ ELECTRON_MIRROR: m.url, DEBUG: '@electron/get:index' }),
    });
    // Found there, then refused: the stand-in file does not match Electron's checksum.
    expect(r.stderr).toContain('Cache hit');
    expect(r.stderr).toMatch(/didn't match checksums|did not match/);
  }, 60_000);

  it('downloads the runtime from ELECTRON_MIRROR and hands over to electron-forge start', async () => {
    // The mirror serves the stand-in Electron (a script, never run here) with its checksum file.
    const { zipDir } = writeStandinElectron(join(work, 'standin'), electronVersion, process.arch);
    const zip = readFileSync(join(zipDir, `electron-v${electronVersion}-linux-${process.arch}.zip`));
    const sums = Buffer.from(`${createHash('sha256').update(zip).digest('hex')} *${zipName}\n`);
    const m = await track(
      mirror({ [`/v${electronVersion}/${zipName}`]: zip, [`/v${electronVersion}/SHASUMS256.txt`]: sums }),
    );
    const log = join(work, 'standin-calls.log');
    const r = await npmStart({ ELECTRON_MIRROR: m.url, electron_use_remote_checksums: '1', GCW_STANDIN_LOG: log }, [
      '--help',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`Downloading the Electron ${electronVersion} runtime`);
    expect(r.stdout).toMatch(/Usage: electron-forge-start/);
    expect(readFileSync(join(project, 'node_modules/electron/path.txt'), 'utf8')).toBe('electron');
    expect(existsSync(join(project, 'node_modules/electron/dist/electron'))).toBe(true);
    expect(existsSync(log)).toBe(false);
  }, 120_000);
});
