import { join } from 'node:path';

/** The folder name: the desktop app's own (its `userData`) is `Graph Connection Workbench`; gcw ui keeps its data apart. */
export const UI_FOLDER_NAME = 'Graph Connection Workbench (browser)';

/**
 * Where `gcw ui` keeps settings, profiles, the vault file and logs unless --data-dir says otherwise: the OS's
 * per-user configuration folder, beside the desktop app's. Not the desktop app's folder itself: its vault holds
 * secrets encrypted by Electron's safeStorage, which gcw ui cannot decrypt, and the two would write the same files.
 */
export function defaultUiDataFolder(
  env: Record<string, string | undefined>,
  home: string,
  platform: NodeJS.Platform = process.platform,
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), UI_FOLDER_NAME);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', UI_FOLDER_NAME);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), UI_FOLDER_NAME);
}
