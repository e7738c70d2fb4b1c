// Loads a built main.cjs under plain Node with the recording `electron` stand-in, plays one scenario and writes what
// happened as JSON. Run in its own process: `node --import tsx run-main.ts <main.cjs> <scenario> <out.json> <userData>`.
import { EventEmitter } from 'node:events';
import { existsSync, writeFileSync } from 'node:fs';
import childProcess from 'node:child_process';
import Module, { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { createFakeElectron } from './fake-electron';

export type Scenario = 'start' | 'second-instance' | 'squirrel-install' | 'startup-throws';

export interface MainRun {
  calls: ReturnType<typeof createFakeElectron>['calls'];
  spawned: Array<{ file: string; args: string[] }>;
  ipcChannels: string[];
  /** start: the app:// handler asked for these paths (what net.fetch got, or the status for a refusal). */
  protocol: Array<{ url: string; status: number; fetched: string | null; fileExists: boolean | null }>;
  /** start: each window's preload path and whether that file exists. */
  preloads: Array<{ path: string; exists: boolean }>;
  errors: string[];
}

const [mainCjs, scenario, outFile, userData] = process.argv.slice(2) as [string, Scenario, string, string];
const errors: string[] = [];
process.on('uncaughtException', (e) => errors.push(`uncaught: ${e.stack ?? String(e)}`));
process.on('unhandledRejection', (e) =>
  errors.push(`unhandled rejection: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
);

const fake = createFakeElectron({ userData, lock: scenario !== 'second-instance', isPackaged: true });

// Squirrel hands the app its event as the first argument; Update.exe cannot run here, so spawn is recorded instead.
const spawned: MainRun['spawned'] = [];
if (scenario === 'squirrel-install') {
  Object.defineProperty(process, 'platform', { value: 'win32' });
  Object.defineProperty(process, 'execPath', {
    value: 'C:\\Users\\ada\\AppData\\Local\\GraphConnectionWorkbench\\app-0.1.0\\graph-connection-workbench.exe',
  });
  process.argv = [process.execPath, '--squirrel-install', '0.1.0'];
  (childProcess as { spawn: unknown }).spawn = (file: string, args: string[]) => {
    spawned.push({ file, args });
    const child = new EventEmitter();
    setTimeout(() => child.emit('close', 0), 20);
    return child;
  };
} else {
  process.argv = [process.execPath];
}

const moduleWithLoad = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const load = moduleWithLoad._load;
moduleWithLoad._load = function (request: string, ...rest: unknown[]) {
  if (request === 'electron') return fake.module;
  return load.call(this, request, ...rest);
};

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(done: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done() && Date.now() < end) await wait(10);
}
const called = (api: string) => fake.calls.some((c) => c.api === api);

const result: MainRun = { calls: fake.calls, spawned, ipcChannels: [], protocol: [], preloads: [], errors };
try {
  createRequire(import.meta.url)(mainCjs);
  fake.calls.push({ phase: 'before-ready', api: '(main.cjs loaded)', args: [] });
  if (scenario === 'start' || scenario === 'startup-throws') {
    // Electron is ready a moment after main.cjs ran; main's whenReady handler then starts the app.
    await wait(20);
    fake.ready();
    await until(() => fake.windows.length > 0 || called('app.exit'));
    await wait(50);
  } else {
    await until(() => called('app.quit'), 10_000);
  }
  result.ipcChannels = [...fake.ipcHandlers.keys()];
  result.preloads = fake.windows.map((w) => {
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- webPreferences.preload is a path string when set
    const path = String((w.options.webPreferences as Record<string, unknown> | undefined)?.preload ?? '');
    return { path, exists: path !== '' && existsSync(path) };
  });
  const handler = fake.protocolHandlers.get('app');
  if (handler) {
    for (const url of ['app://workbench/index.html', 'app://workbench/', 'app://workbench/..%5c..%5cpackage.json']) {
      const before = fake.calls.length;
      const response = await handler(new Request(url));
      const fetch = fake.calls.slice(before).find((c) => c.api === 'net.fetch');
      const fetched = fetch ? String(fetch.args[0]) : null;
      result.protocol.push({
        url,
        status: response.status,
        fetched,
        fileExists: fetched ? existsSync(fileURLToPath(fetched)) : null,
      });
    }
  }
  if (scenario === 'start') {
    // Quitting: will-quit purges deleted profiles and disposes the context (workers, timers); it must not throw.
    fake.app.emit('will-quit');
    await wait(200);
  }
} catch (e) {
  errors.push(`threw: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
}
writeFileSync(outFile, JSON.stringify(result, null, 2));
process.exit(0);
