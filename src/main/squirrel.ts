// Squirrel.Windows runs the app with --squirrel-* flags while it installs, updates and uninstalls it. The app must then
// do its part (Start menu and desktop shortcuts, which Windows also needs to show toast notifications) and quit at
// once, before it takes the single-instance lock or opens a window.
import { spawn } from 'node:child_process';
import { win32 } from 'node:path';

/** What a Squirrel event asks for: run Update.exe with these arguments (or nothing), then quit. */
export interface SquirrelCommand {
  event: 'install' | 'updated' | 'uninstall' | 'obsolete';
  /** Update.exe and its arguments; null when the app only has to quit. */
  run: { file: string; args: string[] } | null;
}

/** The Squirrel event in argv (Windows only), or null for a normal start (including --squirrel-firstrun). */
export function squirrelCommand(
  argv: readonly string[],
  platform: NodeJS.Platform,
  execPath: string,
): SquirrelCommand | null {
  if (platform !== 'win32') return null;
  const flag = argv[1];
  // The app lives in <install root>\app-<version>\<exe>; Update.exe sits in the install root.
  const updateExe = win32.resolve(win32.dirname(execPath), '..', 'Update.exe');
  const exe = win32.basename(execPath);
  switch (flag) {
    case '--squirrel-install':
      return { event: 'install', run: { file: updateExe, args: [`--createShortcut=${exe}`] } };
    case '--squirrel-updated':
      return { event: 'updated', run: { file: updateExe, args: [`--createShortcut=${exe}`] } };
    case '--squirrel-uninstall':
      return { event: 'uninstall', run: { file: updateExe, args: [`--removeShortcut=${exe}`] } };
    case '--squirrel-obsolete':
      return { event: 'obsolete', run: null };
    default:
      return null;
  }
}

type Spawn = (
  file: string,
  args: string[],
  options: { detached: boolean; stdio: 'ignore' },
) => { once(event: 'close' | 'error', listener: () => void): unknown };

/** Run Update.exe for the event (Squirrel waits up to 15 s for the app) and call `quit` when it is done or failed. */
export function runSquirrelCommand(command: SquirrelCommand, quit: () => void, run: Spawn = spawn): void {
  if (!command.run) {
    quit();
    return;
  }
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    quit();
  };
  try {
    const child = run(command.run.file, command.run.args, { detached: true, stdio: 'ignore' });
    child.once('close', finish);
    child.once('error', finish);
  } catch {
    finish();
  }
}
