// The settings' version and defaults. The zod schemas (and the types inferred from them) are in settings-schema.ts.
import type { Settings } from './settings-schema';

export type { Settings, SettingsPatch } from './settings-schema';

/** The settings schema version this build writes. */
export const SETTINGS_VERSION = 1;

/** Defaults used on first start and for any field that cannot be read. */
export const defaultSettings: Settings = {
  version: SETTINGS_VERSION,
  theme: 'system',
  defaultEnvironment: 'office365',
  clipboardClearSeconds: 60,
  defaultSaveFolder: null,
  allowPlainTextSecrets: false,
};
