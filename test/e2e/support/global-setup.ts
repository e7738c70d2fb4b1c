// Builds the renderer once for the end-to-end run (the same Vite config the app uses).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'vite';

export const rendererDir = resolve(import.meta.dirname, '../../../.vite/renderer/main_window');

export default async function setup(): Promise<void> {
  if (process.env.GCW_E2E_SKIP_BUILD === '1' && existsSync(resolve(rendererDir, 'index.html'))) return;
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build; test what ships.
  const previous = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: resolve(import.meta.dirname, '../../../vite.renderer.config.ts'), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = previous;
  }
}
