// A real headless Chromium (Debian's /usr/bin/chromium via playwright-core) as the sign-in browser.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { type BrowserVisit, type DriverOptions, rewriteUrl } from './http-browser';

/** Where Debian installs Chromium. */
export const chromiumPath = '/usr/bin/chromium';

/** Why Chromium tests are skipped on this machine, or null when they can run. */
export function chromiumSkipReason(): string | null {
  return existsSync(chromiumPath)
    ? null
    : `${chromiumPath} is missing (apt-get install chromium); skipping the real-browser test.`;
}

/** A headless Chromium whose `open` drives the login and consent pages like a user would. */
export interface ChromiumBrowser extends ChromiumOpener {
  /** Another opener on the same Chromium (new tab per visit) with different user or consent choices. */
  as(options: Omit<DriverOptions, 'caPem'>): ChromiumOpener;
  close(): Promise<void>;
}

/** An opener bound to one set of driver options. */
export interface ChromiumOpener {
  /** A function property (no `this`): handed on as `openBrowser: tab.open`. */
  open: (url: string) => Promise<void>;
  visits: Array<Promise<BrowserVisit>>;
  last(): Promise<BrowserVisit>;
}

/** Launch Chromium with a fresh profile. */
export async function launchChromium(options: Omit<DriverOptions, 'caPem'>): Promise<ChromiumBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'gcw-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    ignoreHTTPSErrors: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const all: Array<Promise<BrowserVisit>> = [];
  const opener = (driverOptions: Omit<DriverOptions, 'caPem'>): ChromiumOpener => {
    const visits: Array<Promise<BrowserVisit>> = [];
    return {
      visits,
      open: async (url) => {
        const visit = drive(context, rewriteUrl(url, driverOptions.rewrite), driverOptions);
        visits.push(visit);
        all.push(visit);
      },
      last: async () => {
        const visit = visits.at(-1);
        if (!visit) throw new Error('Chromium was never opened.');
        return visit;
      },
    };
  };
  return {
    ...opener(options),
    as: opener,
    close: async () => {
      await Promise.allSettled(all);
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function isLoopback(url: string): boolean {
  const u = new URL(url);
  return u.protocol === 'http:' && (u.hostname === 'localhost' || u.hostname === '127.0.0.1');
}

async function clickAndWait(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForEvent('load', { timeout: 15_000 }), page.click(selector)]);
}

async function drive(
  context: BrowserContext,
  url: string,
  options: Omit<DriverOptions, 'caPem'>,
): Promise<BrowserVisit> {
  const visit: BrowserVisit = { startUrl: url, steps: [], finalUrl: url, finalStatus: 0, finalText: '' };
  const page = await context.newPage();
  try {
    const first = await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
    visit.steps.push({ method: 'GET', url, status: first?.status() ?? 0 });
    for (let step = 0; step < (options.maxSteps ?? 20); step += 1) {
      if (isLoopback(page.url())) break;
      if ((await page.locator('#password').count()) > 0 && options.user) {
        const username = page.locator('#username');
        if (!(await username.inputValue())) await username.fill(options.user.username);
        await page.fill('#password', options.user.password);
        await clickAndWait(page, '#submit');
      } else if ((await page.locator('#accept, #decline').count()) > 0) {
        await clickAndWait(page, options.consent === 'decline' ? '#decline' : '#accept');
      } else if ((await page.locator('#return').count()) > 0) {
        await clickAndWait(page, '#return');
      } else {
        // A form_post page submits itself; wait for the navigation it causes, if any.
        const before = page.url();
        await page.waitForURL((u) => u.toString() !== before, { timeout: 5_000 }).catch(() => undefined);
        if (page.url() === before) break;
        await page.waitForLoadState('load');
      }
      visit.steps.push({ method: 'GET', url: page.url(), status: 200 });
    }
    visit.finalUrl = page.url();
    visit.finalText = ((await page.textContent('body')) ?? '').replace(/\s+/g, ' ').trim();
    visit.finalStatus = 200;
  } catch (err) {
    visit.error = err instanceof Error ? err.message : String(err);
  } finally {
    await page.close().catch(() => undefined);
  }
  return visit;
}
