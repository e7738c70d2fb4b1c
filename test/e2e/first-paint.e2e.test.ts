// First contentful paint of the app, as Chromium's paint timing reports it, beside a blank page in the same run.
// A measurement, not a threshold: the figures are printed (and written to test-results/first-paint.json); the test
// fails only if the app does not paint its frame at all, or if a page's code is fetched before it is opened.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, closeBrowser, startHarness, type Harness } from './support/harness';

const missing = chromiumMissing();
const ROUNDS = 7;

/** The document's first-contentful-paint time (ms since navigation start), waiting for Chromium to report it. */
async function firstContentfulPaint(h: Harness): Promise<number> {
  return h.page.evaluate(
    () =>
      new Promise<number>((done) => {
        const seen = performance.getEntriesByName('first-contentful-paint')[0];
        if (seen) return done(seen.startTime);
        new PerformanceObserver((list, observer) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (!entry) return;
          observer.disconnect();
          done(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
      }),
  );
}

const min = (values: number[]) => Math.min(...values);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

describe.skipIf(missing !== null)('first contentful paint in Chromium', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    // The blank page: one line of text, answered by the browser's own request interception on the app's origin.
    await h.page.route(`${h.origin}/blank-paint.html`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><title>Blank</title><p>Graph Connection Workbench</p>',
      }),
    );
  });
  afterAll(async () => {
    await h?.close();
    await closeBrowser();
  });

  it('paints the app frame; only the page opened is fetched (figures beside a blank page, interleaved)', async () => {
    const app: number[] = [];
    const blank: number[] = [];
    const scripts = new Set<string>();
    h.page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.add(new URL(request.url()).pathname);
    });
    for (let round = 0; round < ROUNDS; round += 1) {
      await h.reset();
      await h.page.goto(`${h.origin}/blank-paint.html`);
      blank.push(await firstContentfulPaint(h));
      scripts.clear();
      await h.open('#/about');
      app.push(await firstContentfulPaint(h));
      await h.page.getByRole('heading', { name: 'About', level: 1 }).waitFor();
    }
    const figures = {
      what: 'first-contentful-paint (ms from navigation start, Chromium paint timing), headless Chromium, the app loaded from the gcw ui host at #/about vs a one-line page on the same origin, interleaved',
      rounds: ROUNDS,
      app: { min: min(app), median: median(app), all: app },
      blank: { min: min(blank), median: median(blank), all: blank },
      ratioOfMedians: Number((median(app) / median(blank)).toFixed(2)),
    };
    console.log(
      `First contentful paint: app min ${figures.app.min.toFixed(0)} ms, median ${figures.app.median.toFixed(0)} ms; blank page min ${figures.blank.min.toFixed(0)} ms, median ${figures.blank.median.toFixed(0)} ms (${figures.ratioOfMedians}× the blank page's median, ${ROUNDS} interleaved rounds)`,
    );
    const out = resolve(import.meta.dirname, '../../test-results');
    mkdirSync(out, { recursive: true });
    writeFileSync(resolve(out, 'first-paint.json'), `${JSON.stringify(figures, null, 2)}\n`);
    for (const value of [...app, ...blank]) expect(value).toBeGreaterThan(0);
    // What the About page needed: the first chunk and About's own, never the code of the pages not opened.
    const assets = [...scripts]
      .filter((path) => path.includes('/assets/'))
      .map((path) => path.replace(/^.*\/assets\//, '').replace(/-[\w-]{8}\.js$/, ''));
    expect(assets).toContain('about-page');
    expect(assets.filter((name) => /-page$/.test(name) && name !== 'about-page')).toEqual([]);
  });
});
