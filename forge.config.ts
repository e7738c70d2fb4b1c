// Electron Forge: Vite builds for main, preload and renderer; Fuses hardened; installers per OS, signed when the
// signing variables are set (forge.signing.ts). `npm run make` for Linux needs dpkg (deb) and rpmbuild (rpm).
import { MakerDeb } from '@electron-forge/maker-deb';
import { MakerRpm } from '@electron-forge/maker-rpm';
import { MakerSquirrel } from '@electron-forge/maker-squirrel';
import { MakerZIP } from '@electron-forge/maker-zip';
import { FusesPlugin } from '@electron-forge/plugin-fuses';
import { VitePlugin } from '@electron-forge/plugin-vite';
import type { ForgeConfig } from '@electron-forge/shared-types';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { signingFromEnv } from './forge.signing';

/** package.json's author: Squirrel's (NuGet's) required authors and Debian's required Maintainer ("Name <email>"). */
const author = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, 'package.json'), 'utf8')) as {
    author: { name: string; email: string };
  }
).author;

const signing = signingFromEnv();

/** Only what Vite built goes into app.asar (plugin-vite's own rule), and no source maps. */
export function packagedFile(file: string): boolean {
  if (!file) return true;
  return file.startsWith('/.vite') && !file.endsWith('.map');
}

const config: ForgeConfig = {
  packagerConfig: {
    asar: true,
    name: 'Graph Connection Workbench',
    executableName: 'graph-connection-workbench',
    ignore: (file: string) => !packagedFile(file),
    // The packaging test points Forge at a stand-in Electron zip (test/support/electron-standin.ts); releases download Electron.
    ...(process.env.GCW_ELECTRON_ZIP_DIR ? { electronZipDir: process.env.GCW_ELECTRON_ZIP_DIR } : {}),
    ...signing.packager,
  },
  rebuildConfig: {},
  makers: [
    new MakerSquirrel({ name: 'GraphConnectionWorkbench', authors: author.name, ...signing.squirrel }),
    new MakerZIP({}, ['darwin']),
    new MakerDeb({
      options: {
        name: 'graph-connection-workbench',
        productName: 'Graph Connection Workbench',
        genericName: 'Microsoft Graph connection workbench',
        maintainer: `${author.name} <${author.email}>`,
        section: 'utils',
        priority: 'optional',
        categories: ['Utility'],
      },
    }),
    new MakerRpm({
      options: {
        name: 'graph-connection-workbench',
        productName: 'Graph Connection Workbench',
        genericName: 'Microsoft Graph connection workbench',
        license: 'MIT',
        categories: ['Utility'],
      },
    }),
  ],
  hooks: {
    // Say which signing steps this build skips, so an unsigned installer is never mistaken for a signed one.
    // eslint-disable-next-line @typescript-eslint/require-await -- Forge's hook type is async-only; this one only prints.
    preMake: async () => {
      const relevant = signing.skipped.filter((line) =>
        process.platform === 'darwin'
          ? line.startsWith('macOS')
          : process.platform === 'win32'
            ? line.startsWith('Windows')
            : false,
      );
      for (const line of relevant) console.warn(`Unsigned build: ${line}.`);
    },
  },
  plugins: [
    new VitePlugin({
      build: [
        { entry: 'src/main/main.ts', config: 'vite.main.config.ts', target: 'main' },
        { entry: 'src/preload/preload.ts', config: 'vite.preload.config.ts', target: 'preload' },
      ],
      renderer: [{ name: 'main_window', config: 'vite.renderer.config.ts' }],
    }),
    new FusesPlugin({
      version: FuseVersion.V1,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
      // Also makes Electron remove NODE_EXTRA_CA_CERTS from the environment at start (electron/shell/common/node_bindings.cc).
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      // No page is loaded from file:// (the app is served from app://), so file:// pages need no extra privileges. The
      // app:// handler's net.fetch of file:// URLs in app.asar keeps working: main's net.fetch reads file:// through
      // Electron's asar loader whatever this fuse says (electron/shell/common/api/electron_api_url_loader.cc).
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
    }),
  ],
};

export default config;
