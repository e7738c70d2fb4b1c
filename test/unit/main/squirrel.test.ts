// Squirrel.Windows events: shortcuts made or removed through Update.exe, then quit; everything else starts normally.
import { describe, expect, it, vi } from 'vitest';
import { runSquirrelCommand, squirrelCommand } from '../../../src/main/squirrel';

const exe = 'C:\\Users\\ada\\AppData\\Local\\GraphConnectionWorkbench\\app-0.1.0\\graph-connection-workbench.exe';
const update = 'C:\\Users\\ada\\AppData\\Local\\GraphConnectionWorkbench\\Update.exe';

describe('squirrelCommand', () => {
  it.each([
    ['--squirrel-install', 'install', ['--createShortcut=graph-connection-workbench.exe']],
    ['--squirrel-updated', 'updated', ['--createShortcut=graph-connection-workbench.exe']],
    ['--squirrel-uninstall', 'uninstall', ['--removeShortcut=graph-connection-workbench.exe']],
  ])('%s runs Update.exe from the install root', (flag, event, args) => {
    expect(squirrelCommand([exe, flag, '0.1.0'], 'win32', exe)).toEqual({ event, run: { file: update, args } });
  });

  it('--squirrel-obsolete only quits', () => {
    expect(squirrelCommand([exe, '--squirrel-obsolete', '0.1.0'], 'win32', exe)).toEqual({
      event: 'obsolete',
      run: null,
    });
  });

  it.each([
    ['a normal start', [exe], 'win32'],
    ['the first run after install', [exe, '--squirrel-firstrun'], 'win32'],
    ['another platform', ['/usr/lib/gcw/graph-connection-workbench', '--squirrel-install'], 'linux'],
  ] as const)('starts normally on %s', (_what, argv, platform) => {
    expect(squirrelCommand(argv, platform, argv[0])).toBeNull();
  });
});

describe('runSquirrelCommand', () => {
  const fakeChild = () => {
    const listeners = new Map<string, () => void>();
    return {
      once: (event: string, fn: () => void) => listeners.set(event, fn),
      fire: (event: string) => listeners.get(event)?.(),
    };
  };

  it('quits once Update.exe has finished, not before', () => {
    const child = fakeChild();
    const spawn = vi.fn(() => child);
    const quit = vi.fn();
    runSquirrelCommand({ event: 'install', run: { file: update, args: ['--createShortcut=x.exe'] } }, quit, spawn);
    expect(spawn).toHaveBeenCalledWith(update, ['--createShortcut=x.exe'], { detached: true, stdio: 'ignore' });
    expect(quit).not.toHaveBeenCalled();
    child.fire('close');
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('still quits when Update.exe cannot be started', () => {
    const quit = vi.fn();
    const child = fakeChild();
    runSquirrelCommand({ event: 'uninstall', run: { file: update, args: [] } }, quit, () => child);
    child.fire('error');
    child.fire('close');
    expect(quit).toHaveBeenCalledTimes(1);
    const quit2 = vi.fn();
    runSquirrelCommand({ event: 'install', run: { file: update, args: [] } }, quit2, () => {
      throw new Error('ENOENT');
    });
    expect(quit2).toHaveBeenCalledTimes(1);
  });

  it('quits at once for an obsolete version', () => {
    const quit = vi.fn();
    const spawn = vi.fn();
    runSquirrelCommand({ event: 'obsolete', run: null }, quit, spawn);
    expect(spawn).not.toHaveBeenCalled();
    expect(quit).toHaveBeenCalledTimes(1);
  });
});
