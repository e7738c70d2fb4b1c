import { statSync } from 'node:fs';
import { WorkbenchError } from '../errors';
import type { StoreBackendFactory } from '../storage/backend';
import { openJsonDocument, type JsonDocument } from '../storage/json-document';
import { defaultSettings, SETTINGS_VERSION, type Settings, type SettingsPatch } from '../../shared/settings';
import { settingsSchema } from '../../shared/settings-schema';
import type { Notice } from '../../shared/contract/app';

/** Keeps the non-secret settings: validated, migrated, recovered when damaged. */
export class SettingsService {
  private readonly doc: JsonDocument<Settings>;
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(options: { directory: string; backend: StoreBackendFactory; now?: () => Date }) {
    this.doc = openJsonDocument(
      {
        name: 'settings',
        label: 'settings',
        schema: settingsSchema,
        currentVersion: SETTINGS_VERSION,
        defaults: () => ({ ...defaultSettings }),
        repair: repairSettings,
      },
      options,
    );
  }

  /** Notices produced while opening the file. */
  get notices(): Notice[] {
    return this.doc.notices;
  }

  /** Where the settings file is. */
  get path(): string {
    return this.doc.path;
  }

  /** The current settings. */
  get(): Settings {
    return this.doc.get();
  }

  /** Apply a change; a folder that does not exist is refused. */
  update(patch: SettingsPatch): Settings {
    if (patch.defaultSaveFolder) {
      const info = statSync(patch.defaultSaveFolder, { throwIfNoEntry: false });
      if (!info?.isDirectory()) {
        throw new WorkbenchError(
          'settings.invalid',
          `The folder ${patch.defaultSaveFolder} does not exist. Choose an existing folder.`,
        );
      }
    }
    const next = settingsSchema.safeParse({ ...this.doc.get(), ...patch });
    if (!next.success) {
      const issue = next.error.issues[0];
      throw new WorkbenchError(
        'settings.invalid',
        `That setting cannot be saved: ${issue?.path.join('.') ?? 'value'} ${issue?.message ?? 'is invalid'}.`,
      );
    }
    this.doc.set(next.data);
    for (const listener of this.listeners) listener(next.data);
    return next.data;
  }

  /** Be told when the settings change. */
  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Keep each readable field, reset the rest to defaults. */
export function repairSettings(raw: Record<string, unknown>): { value: Settings; reset: string[] } {
  const value: Record<string, unknown> = { ...defaultSettings };
  const reset: string[] = [];
  const shape = settingsSchema.shape;
  for (const key of Object.keys(shape) as Array<keyof typeof shape>) {
    if (key === 'version' || !(key in raw)) continue;
    const field = shape[key].safeParse(raw[key]);
    if (field.success) value[key] = field.data;
    else reset.push(key);
  }
  return { value: value as Settings, reset };
}
