// The app frame, Settings and About in real Chromium against the real contract implementation.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();

describe.skipIf(missing !== null)('app frame in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ shell: 'desktop' });
  });
  // Each test starts from a blank page (and opens its own), so one that fails midway cannot leave the next in its dialog.
  beforeEach(async () => {
    await h?.reset();
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('shows the start page with navigation and no serious accessibility violations', async () => {
    await h.open();
    await expect
      .poll(() => h.page.getByRole('heading', { level: 1 }).textContent())
      .toContain('Graph Connection Workbench');
    const nav = h.page.getByRole('navigation', { name: 'Pages' });
    await expect.poll(() => nav.getByRole('button').count()).toBeGreaterThanOrEqual(3);
    await h.screenshot('start');
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('says an address that names no page is not found, with a way back to Start (no other page shown in its place)', async () => {
    await h.open('#/conections?edit=1');
    await h.page.getByRole('heading', { name: 'Page not found', level: 1 }).waitFor();
    await h.page.getByText('The Workbench has no page called “conections”. Nothing was changed.').waitFor();
    expect(await h.page.title()).toBe('Page not found — Graph Connection Workbench');
    expect(await h.page.getByRole('navigation', { name: 'Pages' }).locator('[aria-current="page"]').count()).toBe(0);
    expect(await h.seriousAxeViolations()).toEqual([]);
    await h.page.getByRole('button', { name: 'Go to Start' }).click();
    await h.page.getByRole('heading', { name: 'Graph Connection Workbench', level: 1 }).waitFor();
    expect(new URL(h.page.url()).hash).toBe('#/start');
  });

  it('changes a setting, reloads and finds it kept', async () => {
    await h.open('#/settings');
    await h.page.getByRole('heading', { name: 'Settings' }).waitFor();
    await h.page.getByRole('radio', { name: 'Dark' }).click();
    await h.page.getByText('Theme saved.').waitFor();
    const seconds = h.page.getByRole('spinbutton', { name: /Clear copied secrets/ });
    await seconds.fill('2');
    await h.page.getByText('Enter a whole number of seconds from 5 to 3600.').waitFor();
    await seconds.fill('45');
    await h.page.getByRole('button', { name: 'Save', exact: true }).click();
    await h.page.getByText('Clipboard timeout saved.').waitFor();
    await h.page.reload();
    await h.page.locator('[data-app-state="loaded"]').waitFor();
    expect(await h.page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
    expect(await h.page.getByRole('spinbutton', { name: /Clear copied secrets/ }).inputValue()).toBe('45');
    expect(h.host.ctx.settings.get()).toMatchObject({ theme: 'dark', clipboardClearSeconds: 45 });
    const background = await h.page.locator('main').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).not.toBe('rgb(255, 255, 255)');
    await h.screenshot('settings-dark');
    expect(await h.seriousAxeViolations()).toEqual([]);
    await h.page.getByRole('radio', { name: 'Light' }).click();
    await h.page.getByText('Theme saved.').waitFor();
  });

  it('chooses a default folder through the OS dialog double', async () => {
    h.host.dialogs.folderQueue.push(h.host.dataDirectory);
    await h.open('#/settings');
    await h.page.getByRole('button', { name: 'Choose folder…' }).click();
    await h.page.getByText(h.host.dataDirectory, { exact: true }).waitFor();
    expect(h.host.ctx.settings.get().defaultSaveFolder).toBe(h.host.dataDirectory);
  });

  it('shows About with versions, secret storage and the data folder', async () => {
    await h.open('#/about');
    await h.page.getByRole('heading', { name: /About/ }).waitFor();
    await h.page.getByRole('cell', { name: `${h.host.dataDirectory} Copy data folder`, exact: true }).waitFor();
    await h.page.getByText('In-memory test vault').waitFor();
    await h.page.getByRole('button', { name: 'Copy data folder' }).click();
    await expect.poll(() => h.host.clipboard.text).toBe(h.host.dataDirectory);
    await h.screenshot('about');
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('is keyboard navigable: Tab reaches the navigation and Enter opens a page', async () => {
    await h.open();
    await h.page.keyboard.press('Tab');
    expect(await h.page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    let reached = false;
    for (let i = 0; i < 20 && !reached; i++) {
      await h.page.keyboard.press('Tab');
      reached = await h.page.evaluate(
        () => document.activeElement?.closest('nav') !== null && document.activeElement?.textContent === 'About',
      );
    }
    expect(reached).toBe(true);
    await h.page.keyboard.press('Enter');
    await h.page.getByRole('heading', { name: /About/ }).waitFor();
    expect(await h.page.evaluate(() => document.activeElement?.id)).toBe('page-title');
  });

  it('shows notices from main, e.g. the clipboard being cleared', async () => {
    await h.open();
    await h.emit('app.notice', {
      id: 'clipboard.cleared',
      severity: 'info',
      title: 'Clipboard cleared',
      message: 'The copied secret was removed from the clipboard.',
    });
    await h.page.getByText('Clipboard cleared').waitFor();
  });
});
