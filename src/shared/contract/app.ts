import { z } from 'zod';
import type { Settings } from '../settings';
import { settingsPatchSchema } from '../settings-schema';
import { method } from './define';

const empty = z.object({}).strict();

/** Something the user must be told once, e.g. a settings file that was recovered. */
export interface Notice {
  id: string;
  severity: 'info' | 'warning' | 'error';
  title: string;
  message: string;
}

/** Versions of the runtime, shown on the About page. */
export interface RuntimeInfo {
  appName: string;
  appVersion: string;
  electronVersion: string | null;
  chromeVersion: string | null;
  nodeVersion: string;
  platform: string;
}

/** Facts for the About page. */
export interface AboutInfo extends RuntimeInfo {
  secretStorage: SecretStorageStatus;
  dataDirectory: string;
  logFile: string;
}

/** Which secret-storage backend is in use and whether secrets persist across restarts. */
export interface SecretStorageStatus {
  backend: string;
  description: string;
  persistent: boolean;
  warning: string | null;
}

/** Contract methods for the app frame, settings and about. */
export const appMethods = {
  'app.about': method<AboutInfo>()(empty, 'Versions, secret-storage backend and where data is kept.'),
  'app.notices': method<Notice[]>()(
    empty,
    'Start-up notices the user has not dismissed (recovered files, keychain problems).',
  ),
  'app.dismissNotice': method<{ dismissed: boolean }>()(
    z.object({ id: z.string().min(1).max(200) }).strict(),
    'Dismiss one notice.',
  ),
  'app.openLink': method<{ opened: boolean }>()(
    z.object({ url: z.string().min(1).max(8192) }).strict(),
    'Open an https link of a Microsoft sign-in or admin-center host in the system browser.',
  ),
  'app.openDataFolder': method<{ opened: boolean }>()(
    empty,
    'Show the folder where settings, profiles and logs are kept.',
  ),
  'clipboard.copyText': method<{ clearsInSeconds: number | null }>()(
    z.object({ text: z.string().min(1).max(100_000) }).strict(),
    'Copy a non-secret value (client ID, thumbprint, redirect URI) to the clipboard.',
  ),
  'settings.get': method<Settings>()(empty, 'Read the settings.'),
  'settings.update': method<Settings>()(settingsPatchSchema, 'Change some settings; returns the settings as saved.'),
  'settings.chooseSaveFolder': method<Settings>()(
    empty,
    'Pick the default folder for saved files with the OS folder dialog.',
  ),
};
