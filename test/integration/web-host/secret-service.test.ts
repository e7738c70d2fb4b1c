// gcw ui's vault on a real Secret Service: GNOME Keyring in a private D-Bus session (dbus-run-session), its login
// keyring created and unlocked for the test in a temporary home. The key @napi-rs/keyring stores there survives the
// process: a secret put by one process is read by the next. macOS Keychain and Windows Credential Manager cannot run
// here; the same code path serves them (@napi-rs/keyring's prebuilt binaries for those platforms).
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gcwBin } from '../../support/gcw';
import { skipWithout } from '../../support/reference-tools';

const root = resolve(import.meta.dirname, '../../..');
// Under CI=true a missing one fails this file naming its Debian package (dbus-daemon, gnome-keyring); outside CI it is a skip with that reason.
const needs = "gcw ui's vault on a real Secret Service";
const missing = skipWithout('dbus', needs) ?? skipWithout('gnome-keyring', needs);

/** A temporary home and the shell prelude that starts GNOME Keyring with an unlocked login keyring in it. */
function session(): { env: NodeJS.ProcessEnv; prelude: string; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gcw-keyring-'));
  for (const sub of ['home', 'data', 'config', 'runtime']) mkdirSync(join(dir, sub), { mode: 0o700 });
  const { DBUS_SESSION_BUS_ADDRESS: _bus, ...rest } = process.env;
  return {
    dir,
    env: {
      ...rest,
      HOME: join(dir, 'home'),
      XDG_DATA_HOME: join(dir, 'data'),
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_RUNTIME_DIR: join(dir, 'runtime'),
    },
    // --unlock with a password on stdin creates the login keyring (the default collection) and unlocks it.
    prelude: "printf 'gcw-test-keyring' | gnome-keyring-daemon --unlock --components=secrets >/dev/null",
  };
}

describe.skipIf(missing !== null)('gcw ui vault on the Secret Service (GNOME Keyring)', () => {
  it('keeps its key in the keyring: a secret stored by one process is read back by the next', () => {
    const s = session();
    const data = join(s.dir, 'gcw-data');
    mkdirSync(data);
    const probe = (args: string) => `node --import tsx test/support/keychain-probe.ts ${args}`;
    const r = spawnSync(
      'dbus-run-session',
      [
        '--',
        'sh',
        '-c',
        `${s.prelude} && ${probe(`put '${data}' 'abc~Secret.Value_123'`)} && ${probe(`get '${data}'`)}`,
      ],
      {
        cwd: root,
        env: s.env,
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(r.status, r.stderr).toBe(0);
    const [put, get] = r.stdout
      .trim()
      .split('\n')
      .map(
        (line) =>
          JSON.parse(line) as {
            status: { backend: string; persistent: boolean; warning: string | null };
            failure: string | null;
            read: string | null;
          },
      );
    expect(put).toMatchObject({
      failure: null,
      status: { backend: 'secret_service', persistent: true, warning: null },
    });
    expect(get).toMatchObject({ failure: null, read: 'abc~Secret.Value_123' });
    // On disk only ciphertext; the key is in the keyring file, not in the data folder.
    expect(readFileSync(join(data, 'vault.json'), 'utf8')).not.toContain('Secret.Value');
  });

  it('gcw ui reports the Secret Service as its secret storage', async () => {
    const s = session();
    const child = spawn(
      'dbus-run-session',
      [
        '--',
        'sh',
        '-c',
        `${s.prelude} && exec node '${gcwBin}' ui --no-open --json --data-dir '${join(s.dir, 'gcw-data')}'`,
      ],
      {
        cwd: s.dir,
        env: s.env,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const exited = new Promise<number | null>((r) => child.once('exit', r));
    const end = Date.now() + 30_000;
    type Started = { secretStorage: { backend: string; persistent: boolean; keychainFailure: string | null } };
    let started = null as Started | null;
    while (!started && Date.now() < end) {
      try {
        started = JSON.parse(out) as Started;
      } catch {
        await new Promise((r) => setTimeout(r, 50));
      }
    }
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
    expect(started?.secretStorage).toMatchObject({
      backend: 'secret_service',
      persistent: true,
      keychainFailure: null,
    });
  });
});
