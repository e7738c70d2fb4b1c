// The Fuses flipped into the packaged Electron binary: Electron Forge's vite-typescript template set, plus
// GrantFileProtocolExtraPrivileges off (the app is served from app://, never file://).
import { resolve } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { createJiti } from 'jiti';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

interface ForgePlugin {
  name: string;
  fusesConfig?: Record<string, unknown>;
}

/** forge.config.ts as Forge itself loads it (through jiti), so the test sees the real plugin objects. */
async function loadForgeConfig(): Promise<{ plugins: ForgePlugin[]; packagerConfig: Record<string, unknown> }> {
  const jiti = createJiti(import.meta.url);
  return jiti.import(resolve(root, 'forge.config.ts'), { default: true });
}

/** Fuse settings by their names (the plugin keys them by wire index). */
function byName(config: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [FuseV1Options[Number(key)] ?? key, value]));
}

describe('Electron Fuses in forge.config.ts', () => {
  it('flips the fuses of the Forge vite-typescript template to the template values, and takes file:// its extra privileges', async () => {
    const config = await loadForgeConfig();
    const fuses = config.plugins.filter((p) => p.name === 'fuses');
    expect(fuses).toHaveLength(1);
    expect(byName(fuses[0]!.fusesConfig ?? {})).toEqual({
      version: FuseVersion.V1,
      RunAsNode: false,
      EnableCookieEncryption: true,
      EnableNodeOptionsEnvironmentVariable: false,
      EnableNodeCliInspectArguments: false,
      EnableEmbeddedAsarIntegrityValidation: true,
      OnlyLoadAppFromAsar: true,
      GrantFileProtocolExtraPrivileges: false,
    });
  }, 20_000);

  it('packages the app as an ASAR archive (the integrity and only-from-ASAR fuses need one)', async () => {
    const config = await loadForgeConfig();
    expect(config.packagerConfig.asar).toBe(true);
  }, 20_000);
});
