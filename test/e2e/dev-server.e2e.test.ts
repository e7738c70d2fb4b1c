// What `npm start` shows: the renderer served by Vite's dev server in development mode (as Electron Forge serves it),
// under the same strict Content-Security-Policy. Nothing Vite, React or the app needs in development may be refused.
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();

describe.skipIf(missing !== null)('the development renderer (npm start) in Chromium', () => {
  let vite: ViteDevServer;
  let h: Harness;

  beforeAll(async () => {
    vite = await createServer({
      configFile: resolve(import.meta.dirname, '../../vite.renderer.config.ts'),
      mode: 'development',
      logLevel: 'warn',
      server: { port: 0 },
    });
    await vite.listen();
    const origin = vite.resolvedUrls?.local[0]?.replace(/\/$/, '');
    if (!origin) throw new Error('Vite did not say where it listens.');
    h = await startHarness({ origin });
    // Vite compiles each module on its first request: the first load takes tens of seconds on a busy machine.
    h.page.setDefaultTimeout(100_000);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await vite?.close();
    await closeBrowser();
  });

  it('loads the app and moves between pages with nothing refused by the CSP', async () => {
    await h.open();
    await expect
      .poll(() => h.page.getByRole('heading', { level: 1 }).textContent(), { timeout: 60_000 })
      .toContain('Graph Connection Workbench');
    await h.page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Connections' }).click();
    await h.page.getByRole('heading', { name: 'Connections', level: 1 }).waitFor();
    // Vite's client opens its HMR socket after load: leave it time to be refused, if it would be.
    await h.page.waitForTimeout(1000);
    expect(await h.cspViolations()).toEqual([]);
  });
});
