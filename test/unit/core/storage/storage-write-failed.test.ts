// A store that cannot write says so truthfully (storage.write_failed): what was written and what was not. A data
// folder that cannot be written is refused at start with one clear message. Real file system failures: the file a
// store writes is made a directory (rename onto it fails), the folder is made read-only.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startUi } from '../../../../src/cli/ui/start-ui';
import { createAppContext } from '../../../../src/core/app/create-context';
import { isWorkbenchError, type WorkbenchError } from '../../../../src/core/errors';
import { confBackendFactory } from '../../../../src/core/storage/conf-backend';
import type { Settings } from '../../../../src/shared/settings';
import {
  MemoryClipboard,
  MemoryVault,
  RecordingNotifier,
  RecordingShell,
  ScriptedConfirm,
  ScriptedDialogs,
} from '../../../support/doubles';
import { openContractHost } from '../app/contract-host';

/** Put a directory where a file is written: the store's atomic rename onto it fails, as on a damaged or locked disk. */
function blockFile(path: string): void {
  rmSync(path, { force: true });
  mkdirSync(path);
  writeFileSync(join(path, 'keep'), 'x');
}

describe('a store that cannot write (storage.write_failed)', () => {
  it('settings.json cannot be written: the error says nothing was saved, and the old settings stay', async () => {
    const h = openContractHost();
    const before = await h.ok<Settings>('settings.get');
    blockFile(join(h.dataDirectory, 'settings.json'));
    const result = await h.call('settings.update', { clipboardClearSeconds: before.clipboardClearSeconds + 7 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('storage.write_failed');
    expect(result.error.message).toContain('settings.json could not be written');
    expect(result.error.message).toContain('Nothing was saved');
    expect(result.error.hint).toContain(h.dataDirectory);
    expect((await h.ok<Settings>('settings.get')).clipboardClearSeconds).toBe(before.clipboardClearSeconds);
  });

  it('only the backup copy cannot be written: the error says the change was saved, and it is kept after a restart', async () => {
    const h = openContractHost();
    const before = await h.ok<Settings>('settings.get');
    const wanted = before.clipboardClearSeconds + 7;
    blockFile(join(h.dataDirectory, 'settings.json.bak'));
    const result = await h.call('settings.update', { clipboardClearSeconds: wanted });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('storage.write_failed');
    expect(result.error.message).toContain('settings.json.bak');
    expect(result.error.message).toContain('The change itself was saved');
    expect(result.error.message).not.toContain('Nothing was');
    expect((await h.ok<Settings>('settings.get')).clipboardClearSeconds).toBe(wanted);
    rmSync(join(h.dataDirectory, 'settings.json.bak'), { recursive: true });
    expect((await h.restart().ok<Settings>('settings.get')).clipboardClearSeconds).toBe(wanted);
  });
});

describe('a data folder that cannot be written, at start', () => {
  const locked: string[] = [];
  afterEach(() => {
    for (const dir of locked.splice(0)) {
      if (process.platform === 'linux' && process.getuid?.() === 0) execFileSync('chattr', ['-i', dir]);
      chmodSync(dir, 0o700);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  /** A read-only folder: mode 0555, and for root (whom modes do not stop) the Linux immutable attribute. */
  function readOnlyFolder(): string {
    const dir = mkdtempSync(join(tmpdir(), 'gcw-readonly-'));
    chmodSync(dir, 0o555);
    locked.push(dir);
    if (process.platform === 'linux' && process.getuid?.() === 0) execFileSync('chattr', ['+i', dir]);
    // The precondition, so the test cannot pass by a folder that is writable after all.
    expect(() => writeFileSync(join(dir, 'probe'), '')).toThrow();
    return dir;
  }

  function expectRefusal(thrown: unknown, dir: string): void {
    expect(isWorkbenchError(thrown), String(thrown)).toBe(true);
    const error = thrown as WorkbenchError;
    expect(error.code).toBe('storage.write_failed');
    expect(error.message).toContain(`The data folder ${dir} cannot be written (permission denied`);
    expect(error.message).toContain('nothing in the folder was changed');
    expect(error.hint).toContain('writable');
  }

  it('the app (createAppContext, as Electron main calls it) refuses it with storage.write_failed, before any store opens', () => {
    const dir = readOnlyFolder();
    let thrown: unknown;
    try {
      createAppContext({
        runtime: {
          appName: 'Graph Connection Workbench',
          appVersion: '0.0.0-test',
          electronVersion: null,
          chromeVersion: null,
          nodeVersion: process.versions.node,
          platform: process.platform,
        },
        dataDirectory: dir,
        backend: confBackendFactory(dir),
        vault: new MemoryVault(),
        clipboard: new MemoryClipboard(),
        shell: new RecordingShell(),
        dialogs: new ScriptedDialogs(),
        confirm: new ScriptedConfirm(),
        notifier: new RecordingNotifier(),
        emit: () => undefined,
      });
    } catch (error) {
      thrown = error;
    }
    expectRefusal(thrown, dir);
  });

  it('gcw ui (startUi) refuses it the same way, before the keychain or the host start', async () => {
    const dir = readOnlyFolder();
    const thrown = await startUi({
      dataDirectory: dir,
      assets: { rendererDir: dir, clientDir: dir },
      port: 0,
      idleMs: 0,
      env: {},
    }).catch((error: unknown) => error);
    expectRefusal(thrown, dir);
  });
});
