// Axe and animations: a dialog scanned while it fades in shows half-transparent text, which axe reports as low
// contrast (the flake of certificates.e2e.test.ts in a CI run). The harness emulates prefers-reduced-motion (the app
// honours it) and lets every finite animation end before axe runs; these tests hold both to that.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();

describe.skipIf(missing !== null)('axe runs after animations end', () => {
  const started: Harness[] = [];
  afterAll(async () => {
    for (const h of started) await h.close();
    await closeBrowser();
  });

  /** Generate a certificate and export it twice into one folder, so the "Replace the existing files?" dialog opens. */
  const openReplaceDialog = async (h: Harness) => {
    const page = h.page;
    const folder = mkdtempSync(join(tmpdir(), 'gcw-e2e-motion-'));
    await h.open('#/certificates');
    await page.getByRole('tab', { name: 'Generate new' }).click();
    await page.getByLabel('Subject name (CN)').fill('Motion E2E');
    await page.getByLabel('Key').selectOption('ec-p256');
    await page.getByRole('button', { name: 'Generate certificate' }).click();
    await page.getByText('New certificate, not exported yet').waitFor();
    await page.getByLabel(/^PFX password\*?$/).fill('Motion-Export-Password-1');
    h.host.dialogs.folderQueue.push(folder);
    await page.getByRole('button', { name: 'Choose folder and export…' }).click();
    await page.getByText(/^Exported 5 files to /).waitFor();
    await page.getByLabel(/^PFX password\*?$/).fill('Motion-Export-Password-2');
    h.host.dialogs.folderQueue.push(folder);
    await page.getByRole('button', { name: 'Choose folder and export…' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Replace the existing files?' });
    await dialog.getByRole('button', { name: 'Replace' }).waitFor();
    return dialog;
  };

  it('finds no contrast problem in a dialog that is still fading in (animations slowed tenfold)', async () => {
    const h = await startHarness({ shell: 'desktop', reducedMotion: 'no-preference' });
    started.push(h);
    const cdp = await h.context.newCDPSession(h.page);
    await cdp.send('Animation.enable');
    await cdp.send('Animation.setPlaybackRate', { playbackRate: 0.1 });
    await openReplaceDialog(h);
    expect(await h.seriousAxeViolations()).toEqual([]);
  });

  it('honours prefers-reduced-motion: the dialog, the progress bar and the buttons move for at most 1 ms', async () => {
    const h = await startHarness({ shell: 'desktop' });
    started.push(h);
    // Every motion the page starts: Fluent's (Web Animations) and the styles' transitions and animations.
    await h.context.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __motions: string[] }).__motions = seen;
      // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called with the element as `this`, below
      const animate = Element.prototype.animate;
      Element.prototype.animate = function (keyframes, options) {
        const duration = typeof options === 'number' ? options : Number(options?.duration ?? 0);
        seen.push(`${this.className} animate ${duration} ms`);
        return animate.call(this, keyframes, options);
      };
      const ms = (css: string) =>
        Math.max(...css.split(',').map((t) => parseFloat(t) * (t.trim().endsWith('ms') ? 1 : 1000)));
      document.addEventListener('transitionrun', (e) =>
        seen.push(
          `${(e.target as Element).className} transition ${e.propertyName} ${ms(getComputedStyle(e.target as Element).transitionDuration)} ms`,
        ),
      );
      document.addEventListener('animationstart', (e) => {
        const style = getComputedStyle(e.target as Element);
        if (style.animationIterationCount !== 'infinite')
          seen.push(
            `${(e.target as Element).className} animation ${e.animationName} ${ms(style.animationDuration)} ms`,
          );
      });
    });
    const dialog = await openReplaceDialog(h);
    await dialog.getByRole('button', { name: 'Replace' }).hover();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });
    const motions = await h.page.evaluate(() => (window as unknown as { __motions: string[] }).__motions);
    // The dialog's entry and exit motions were seen (so the recording works), and nothing lasted longer than 1 ms.
    expect(motions.filter((m) => m.includes('fui-DialogSurface')).length).toBeGreaterThanOrEqual(2);
    expect(motions.filter((m) => Number(/ ([\d.e-]+) ms$/.exec(m)?.[1]) > 1)).toEqual([]);
  });

  describe('a test that leaves a dialog open', () => {
    let h: Harness;
    beforeEach(async () => {
      h ??= await startHarness({ shell: 'desktop' });
      if (!started.includes(h)) started.push(h);
      await h.reset();
    });

    it('opens the Replace dialog and leaves it open (as a test failing midway would)', async () => {
      await openReplaceDialog(h);
    });

    it('does not hand it to the next test: that one starts on a blank page, and opening the same page shows no dialog', async () => {
      expect(h.page.url()).toBe('about:blank');
      await h.open('#/certificates');
      await h.page.getByRole('heading', { name: 'Certificates', level: 1 }).waitFor();
      expect(await h.page.getByRole('alertdialog').count()).toBe(0);
    });
  });
});
