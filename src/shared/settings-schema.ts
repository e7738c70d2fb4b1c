// The zod schemas of the settings (main parses with them; the renderer imports only settings.ts).
import { z } from 'zod';
import { environmentIdSchema } from './environments-schema';
import { SETTINGS_VERSION } from './settings';

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

/** What the Settings page may change (version is the store's business). */
export const settingsPatchSchema = settingsSchema.omit({ version: true }).partial().strict();

/** A partial update of the settings. */
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
