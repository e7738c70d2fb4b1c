import { z } from 'zod';
import { environmentIdSchema } from './environments';

/** The settings schema version this build writes. */
export const SETTINGS_VERSION = 1;

/** Colour theme choice. */
export const themeSchema = z.enum(['system', 'light', 'dark']);

/** Non-secret user settings, kept in the settings store (never secrets). */
export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  theme: themeSchema,
  defaultEnvironment: environmentIdSchema,
  clipboardClearSeconds: z.number().int().min(5).max(3600),
  defaultSaveFolder: z.string().min(1).max(4096).nullable(),
  allowPlainTextSecrets: z.boolean(),
});

/** Settings as stored and shown. */
export type Settings = z.infer<typeof settingsSchema>;

/** Defaults used on first start and for any field that cannot be read. */
export const defaultSettings: Settings = {
  version: SETTINGS_VERSION,
  theme: 'system',
  defaultEnvironment: 'office365',
  clipboardClearSeconds: 60,
  defaultSaveFolder: null,
  allowPlainTextSecrets: false,
};

/** What the Settings page may change (version is the store's business). */
export const settingsPatchSchema = settingsSchema.omit({ version: true }).partial().strict();

/** A partial update of the settings. */
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
