// Pages load their code when first opened. When that load fails — in a browser tab, gcw ui was stopped — the page
// says so in the frame (which stays usable) instead of the whole app going blank.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();

describe.skipIf(missing !== null)('a page whose code cannot be loaded', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('says it could not be opened and offers a reload, with the navigation still there', async () => {
    await h.open('#/about');
    await h.page.getByRole('heading', { name: 'About', level: 1 }).waitFor();
    await h.web!.stop();
    await h.page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Help' }).click();
    const alert = h.page.getByRole('alert').filter({ hasText: 'This page could not be opened' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('check that gcw ui is still running. Nothing was changed.');
    expect(await alert.getByRole('button', { name: 'Reload the app' }).isVisible()).toBe(true);
    expect(
      await h.page.getByRole('navigation', { name: 'Pages' }).getByRole('button', { name: 'Settings' }).isVisible(),
    ).toBe(true);
  });
});
