// forge.config.ts as Forge loads it: installer metadata the makers require, what goes into app.asar, and signing that
// comes only from named environment variables.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createJiti } from 'jiti';
import { describe, expect, it } from 'vitest';
import { signingFromEnv } from '../../../forge.signing';

const root = resolve(import.meta.dirname, '../../..');

interface Maker {
  name: string;
  /** The config as written in forge.config.ts (Forge resolves `config` from it at make time). */
  configOrConfigFetcher: Record<string, unknown> & { options?: Record<string, unknown> };
}
interface LoadedConfig {
  packagerConfig: Record<string, unknown> & { ignore: (file: string) => boolean };
  makers: Maker[];
}

async function load(): Promise<{ config: LoadedConfig; packagedFile: (f: string) => boolean }> {
  const jiti = createJiti(import.meta.url, { moduleCache: false });
  const mod = await jiti.import<{ default: LoadedConfig; packagedFile: (f: string) => boolean }>(
    resolve(root, 'forge.config.ts'),
  );
  return { config: mod.default, packagedFile: mod.packagedFile };
}

const maker = (config: LoadedConfig, name: string) => config.makers.find((m) => m.name === name)!.configOrConfigFetcher;

describe('forge.config.ts', () => {
  it('gives Squirrel the authors NuGet requires, from package.json', async () => {
    const { config } = await load();
    const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
      author?: { name?: string; email?: string };
    };
    expect(pkg.author?.name).toBeTruthy();
    expect(maker(config, 'squirrel').authors).toBe(pkg.author!.name);
  }, 20_000);

  it('gives the deb a Maintainer in Debian\'s "Name <email>" form', async () => {
    const { config } = await load();
    expect(maker(config, 'deb').options?.maintainer).toMatch(/^[^<>]+ <[^<>\s]+@[^<>\s]+>$/);
  }, 20_000);

  it('packages what Vite built, without source maps', async () => {
    const { config, packagedFile } = await load();
    const ignored = (f: string) => config.packagerConfig.ignore(f);
    for (const kept of [
      '/.vite',
      '/.vite/build/main.cjs',
      '/.vite/build/preload.cjs',
      '/.vite/renderer/main_window/index.html',
    ])
      expect(ignored(kept), kept).toBe(false);
    for (const left of [
      '/.vite/build/main.cjs.map',
      '/.vite/build/preload.cjs.map',
      '/src/main/main.ts',
      '/test/unit/main/fuses.test.ts',
      '/node_modules/zod/package.json',
      '/forge.config.ts',
    ]) {
      expect(ignored(left), left).toBe(true);
    }
    expect(packagedFile('')).toBe(true);
  }, 20_000);

  it('reads the stand-in Electron zip folder only when GCW_ELECTRON_ZIP_DIR is set', async () => {
    const before = process.env.GCW_ELECTRON_ZIP_DIR;
    try {
      delete process.env.GCW_ELECTRON_ZIP_DIR;
      expect((await load()).config.packagerConfig.electronZipDir).toBeUndefined();
      process.env.GCW_ELECTRON_ZIP_DIR = '/tmp/standin';
      expect((await load()).config.packagerConfig.electronZipDir).toBe('/tmp/standin');
    } finally {
      if (before === undefined) delete process.env.GCW_ELECTRON_ZIP_DIR;
      else process.env.GCW_ELECTRON_ZIP_DIR = before;
    }
  }, 40_000);
});

describe('signing from the environment', () => {
  it('signs nothing without the variables, and names what each skipped step lacks', () => {
    const s = signingFromEnv({});
    expect(s.packager).toEqual({});
    expect(s.squirrel).toEqual({});
    expect(s.skipped).toEqual([
      'macOS signing skipped (MACOS_SIGN_IDENTITY not set)',
      'macOS notarisation skipped (APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID, MACOS_SIGN_IDENTITY not set)',
      'Windows signing skipped (WINDOWS_CERTIFICATE_FILE, WINDOWS_CERTIFICATE_PASSWORD not set)',
    ]);
  });

  it('signs and notarises macOS builds when all their variables are set, failing the build if signing fails', () => {
    const s = signingFromEnv({
      MACOS_SIGN_IDENTITY: 'Developer ID Application: Contoso (TEAM123456)',
      APPLE_ID: 'a@contoso.com',
      APPLE_APP_SPECIFIC_PASSWORD: 'p',
      APPLE_TEAM_ID: 'TEAM123456',
    });
    expect(s.packager.osxSign).toEqual({
      identity: 'Developer ID Application: Contoso (TEAM123456)',
      continueOnError: false,
    });
    expect(s.packager.osxNotarize).toEqual({ appleId: 'a@contoso.com', appleIdPassword: 'p', teamId: 'TEAM123456' });
    expect(s.skipped).toEqual([
      'Windows signing skipped (WINDOWS_CERTIFICATE_FILE, WINDOWS_CERTIFICATE_PASSWORD not set)',
    ]);
  });

  it('does not notarise an unsigned app, nor sign with half the Windows variables', () => {
    const s = signingFromEnv({
      APPLE_ID: 'a@contoso.com',
      APPLE_APP_SPECIFIC_PASSWORD: 'p',
      APPLE_TEAM_ID: 'T',
      WINDOWS_CERTIFICATE_FILE: 'C:\\cert.pfx',
    });
    expect(s.packager).toEqual({});
    expect(s.skipped).toContain('macOS notarisation skipped (MACOS_SIGN_IDENTITY not set)');
    expect(s.skipped).toContain('Windows signing skipped (WINDOWS_CERTIFICATE_PASSWORD not set)');
  });

  it('signs the Windows app and its Squirrel installer with the same certificate', () => {
    const s = signingFromEnv({ WINDOWS_CERTIFICATE_FILE: 'C:\\cert.pfx', WINDOWS_CERTIFICATE_PASSWORD: 'pw' });
    expect(s.packager.windowsSign).toEqual({ certificateFile: 'C:\\cert.pfx', certificatePassword: 'pw' });
    expect(s.squirrel.windowsSign).toEqual({ certificateFile: 'C:\\cert.pfx', certificatePassword: 'pw' });
  });
});
