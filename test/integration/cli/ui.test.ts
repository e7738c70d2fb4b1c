// `gcw ui` as a user runs it: a real process serving dist/ui. It prints (or opens) a one-time link, serves the app's
// contract to whoever used the link, opens the browser without putting the token on a command line, and stops on
// Ctrl+C or after the idle time.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { gcwBin, runGcw } from '../../support/gcw';
import { rawRequest } from '../../support/raw-http';

interface Running {
  child: ChildProcess;
  out: () => string;
  err: () => string;
  exited: Promise<number | null>;
}

/** No session bus: the keychain is out of reach, so secrets stay in memory (the Secret Service test is elsewhere). */
const noKeychain = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/gcw-test-bus' };

function startGcw(args: string[], env: Record<string, string> = {}): Running {
  const child = spawn(process.execPath, [gcwBin, ...args], {
    env: { ...process.env, ...noKeychain, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, out: () => out, err: () => err, exited };
}

async function until<T>(read: () => T | undefined, what: string, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = read();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

interface Started {
  link: string;
  origin: string;
  addresses: string[];
  dataDirectory: string;
  idleMinutes: number;
  secretStorage: { persistent: boolean; warning: string | null; keychainFailure: string | null };
}

const jsonOf = (run: Running) => () => {
  try {
    return JSON.parse(run.out()) as Started;
  } catch {
    return undefined;
  }
};

async function signIn(started: Started): Promise<Record<string, string>> {
  const port = Number(new URL(started.origin).port);
  const token = new URL(started.link).hash.replace('#gcw-token=', '');
  const r = await rawRequest(port, {
    method: 'POST',
    path: '/gcw/session',
    headers: { origin: started.origin, 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });
  expect(r.status).toBe(200);
  return {
    cookie: String(r.headers['set-cookie']).split(';')[0]!,
    'x-workbench-key': (JSON.parse(r.body) as { key: string }).key,
    origin: started.origin,
    'content-type': 'application/json',
  };
}

describe('gcw ui', () => {
  it('prints the one-time link with --no-open, serves the real app host to the session, and stops on Ctrl+C', async () => {
    const data = join(mkdtempSync(join(tmpdir(), 'gcw-ui-')), 'data');
    const run = startGcw(['ui', '--no-open', '--json', '--data-dir', data]);
    const started = await until(jsonOf(run), 'gcw ui to print where it listens');
    expect(started).toMatchObject({ dataDirectory: data, idleMinutes: 60 });
    expect(started.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#gcw-token=[A-Za-z0-9_-]{43}$/);
    // No keychain reachable: secrets stay in memory, with the warning the desktop app shows.
    expect(started.secretStorage).toMatchObject({
      persistent: false,
      warning: expect.stringContaining('No OS keychain is available'),
    });
    expect(started.secretStorage.keychainFailure).toBeTruthy();
    expect(statSync(data).mode & 0o777).toBe(0o700);

    const port = Number(new URL(started.origin).port);
    const headers = await signIn(started);
    const about = await rawRequest(port, { method: 'POST', path: '/api/app.about', headers, body: '{}' });
    expect(JSON.parse(about.body)).toMatchObject({
      result: {
        ok: true,
        value: {
          dataDirectory: data,
          electronVersion: null,
          secretStorage: { backend: 'unavailable', persistent: false },
        },
      },
    });
    // The real handlers and stores: a setting saved through the host is in the data folder.
    const update = await rawRequest(port, {
      method: 'POST',
      path: '/api/settings.update',
      headers,
      body: JSON.stringify({ clipboardClearSeconds: 45 }),
    });
    expect(JSON.parse(update.body)).toMatchObject({ result: { ok: true } });
    expect(JSON.parse(readFileSync(join(data, 'settings.json'), 'utf8'))).toMatchObject({ clipboardClearSeconds: 45 });
    // An OS dialog is refused with words that say what to use instead.
    const dialog = await rawRequest(port, {
      method: 'POST',
      path: '/api/settings.chooseSaveFolder',
      headers,
      body: '{}',
    });
    expect(JSON.parse(dialog.body)).toMatchObject({ result: { ok: false, error: { code: 'dialog.unavailable' } } });

    run.child.kill('SIGINT');
    expect(await run.exited).toBe(0);
    expect(run.err()).toContain('gcw ui stopped.');
    await expect(rawRequest(port, {})).rejects.toThrow();
  });

  it('opens the browser on an owner-only redirect file, so the token is never on a command line, and removes it once used', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gcw-ui-open-'));
    const calls = join(dir, 'opener-calls.txt');
    // The opener gcw uses on Linux, recording how it was called (ps would show the same to every user).
    writeFileSync(join(dir, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$*" >> '${calls}'\n`);
    chmodSync(join(dir, 'xdg-open'), 0o755);
    const run = startGcw(['ui', '--json', '--data-dir', join(dir, 'data')], {
      PATH: `${dir}:${process.env.PATH ?? ''}`,
    });
    const started = await until(jsonOf(run), 'gcw ui to start');
    const opened = await until(
      () => (existsSync(calls) ? readFileSync(calls, 'utf8').trim() : undefined),
      'the browser opener',
    );
    const token = new URL(started.link).hash.replace('#gcw-token=', '');
    expect(opened).toMatch(/^file:\/\/.*\/open-[0-9a-f]{12}\.html$/);
    expect(opened).not.toContain(token);
    const file = fileURLToPath(opened);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toContain(`<meta http-equiv="refresh" content="0;url=${started.link}">`);
    await signIn(started);
    await until(() => (existsSync(file) ? undefined : true), 'the redirect file to be removed');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('stops by itself after --idle-minutes without use', async () => {
    const run = startGcw([
      'ui',
      '--no-open',
      '--idle-minutes',
      '0.01',
      '--data-dir',
      join(mkdtempSync(join(tmpdir(), 'gcw-ui-idle-')), 'data'),
    ]);
    expect(await run.exited).toBe(0);
    expect(run.out()).toContain('Stops after 0.01 minutes without use, or press Ctrl+C.');
    expect(run.err()).toContain('gcw ui stopped after 0.01 minutes without use.');
  });

  it('says so when the port is taken, and refuses malformed flags (exit 2)', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const taken = runGcw(
      [
        'ui',
        '--no-open',
        '--port',
        String(port),
        '--data-dir',
        join(mkdtempSync(join(tmpdir(), 'gcw-ui-port-')), 'data'),
      ],
      { env: noKeychain },
    );
    server.close();
    expect(taken.code).toBe(2);
    expect(taken.stderr).toContain(`Port ${port} is in use`);
    for (const args of [['--port', 'abc'], ['--port', '70000'], ['--idle-minutes', '-1'], ['extra']]) {
      const r = runGcw(['ui', '--no-open', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
    }
  });
});
