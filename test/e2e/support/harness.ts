// The end-to-end harness: the app as `gcw ui` serves it (src/web-host: the built renderer, window.workbench over
// HTTP, the one-time link and session cookie) in real Chromium, over the same dispatcher and handlers main uses;
// only the OS adapters are test doubles (test/support/doubles.ts). Vite's dev server (what `npm start` shows in
// Electron) has no such host: there window.workbench is bound as the preload gives it, with Playwright's exposeBinding.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { build } from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createDispatcher, type CallRecord } from '../../../src/core/app/dispatcher';
import { createHandlers } from '../../../src/core/app/handlers';
import type { WorkbenchHost } from '../../../src/shared/contract/build-api';
import { startWebHost, type WebHost } from '../../../src/web-host/server';
import { CHROMIUM_PATH, skipWithout } from '../../support/reference-tools';
import { createTestHost, type TestHost } from '../../support/test-context';
import { uiClientDir, uiRendererDir } from './global-setup';

export const chromiumPath = CHROMIUM_PATH;
export const screenshotDir = resolve(import.meta.dirname, '../../../test-results/screenshots');

/** Why the e2e run cannot happen here (printed), or null; under CI=true a missing Chromium fails instead. */
export function chromiumMissing(): string | null {
  return skipWithout('chromium', 'the end-to-end tests in Chromium');
}

/** A running harness: the host, the browser page, and the recorded contract traffic. */
export interface Harness {
  host: TestHost;
  page: Page;
  context: BrowserContext;
  calls: CallRecord[];
  origin: string;
  /** The `gcw ui` host the page talks to (null under Vite's dev server). */
  web: WebHost | null;
  /** Every time the page held back an unload (reload, close) and Chromium asked; Electron's main asks in its place. */
  unloadQuestions: number;
  /** How those questions are answered: leave (the default, so a dirty form never blocks the next test) or stay. */
  answerUnload: 'leave' | 'stay';
  /** The suite's viewport; every open() and reset() goes back to it. */
  viewport: { width: number; height: number };
  /** A fresh document: whatever a test left open (a dialog, a dirty form, a tall viewport) does not reach the next one. */
  reset(): Promise<void>;
  /** Load the app at `path` in a fresh document (never a same-document hash change), after reset(). */
  open(path?: string): Promise<void>;
  emit(name: string, payload: unknown): Promise<void>;
  screenshot(name: string): Promise<string>;
  /** What the page's Content-Security-Policy refused so far (the documents seen by this harness). */
  cspViolations(): Promise<string[]>;
  /** Axe's serious and critical findings, scanned once every finite animation and transition has ended. */
  seriousAxeViolations(): Promise<
    Array<{ id: string; impact: string | null | undefined; help: string; nodes: string[] }>
  >;
  close(): Promise<void>;
}

let sharedBrowser: Browser | null = null;
let clientScript: Promise<string> | null = null;

/** workbench-client.ts bundled for the page: window.workbench made by the preload's own buildApi (the dev-server stand-in). */
function workbenchClientScript(): Promise<string> {
  clientScript ??= build({
    entryPoints: [resolve(import.meta.dirname, 'workbench-client.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0]!.text);
  return clientScript;
}

async function browser(): Promise<Browser> {
  sharedBrowser ??= await chromium.launch({
    executablePath: chromiumPath,
    headless: process.env.HEADED !== '1',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return sharedBrowser;
}

/** Close the shared browser (call in afterAll of the last suite). */
export async function closeBrowser(): Promise<void> {
  await sharedBrowser?.close();
  sharedBrowser = null;
}

/**
 * Wait until every finite animation and transition on the page has ended (a spinner's endless one is left alone).
 * Axe reads colours as painted: a dialog scanned while it fades in has half-transparent text and fails color-contrast.
 */
export async function animationsSettled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    // Two frames first, so a motion a just-rendered element starts in an effect has started; repeat while one motion leads to another.
    for (let round = 0; round < 10; round++) {
      await frame();
      await frame();
      const running = document
        .getAnimations()
        .filter(
          (a) =>
            (a.playState === 'running' || a.pending) &&
            Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity),
        );
      if (running.length === 0) return;
      await Promise.all(running.map((a) => a.finished.catch(() => undefined)));
    }
  });
}

export interface HarnessOptions {
  host?: TestHost;
  colorScheme?: 'light' | 'dark';
  /** Reduce by default, as a test wants no motion; the app honours it (Fluent's motions shorten to 1 ms, styles.css ends transitions). */
  reducedMotion?: 'reduce' | 'no-preference';
  viewport?: { width: number; height: number };
  /** A running renderer server (Vite's dev server, as `npm start` uses) instead of the `gcw ui` host. */
  origin?: string;
  /**
   * What window.workbench.host says. `browser` (gcw ui) by default: files through file inputs and downloads, and an OS
   * dialog asked for is refused. `desktop`: the Electron app's paths, whose OS dialogs the test answers (ScriptedDialogs).
   */
  shell?: WorkbenchHost;
}

/** Resolve once `check` holds (polled every 20 ms), or fail after `ms` with `what`. */
async function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** window.workbench as Electron's preload gives it, bound to the dispatcher in this process (Vite's dev server only). */
async function bindPreloadStandIn(
  context: BrowserContext,
  dispatcher: ReturnType<typeof createDispatcher>,
): Promise<void> {
  await context.exposeBinding('__workbenchCall', (_source, name: string, input: unknown) =>
    dispatcher.call(name, input),
  );
  await context.addInitScript({ content: await workbenchClientScript() });
}

/** Start the renderer against a fresh (or given) host. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const host = options.host ?? createTestHost();
  const calls: CallRecord[] = [];
  const dispatcher = createDispatcher(createHandlers(host.ctx), { log: host.ctx.log, onCall: (r) => calls.push(r) });
  const shell = options.shell ?? 'browser';
  host.dialogs.unavailable = shell === 'browser';
  const web = options.origin
    ? null
    : await startWebHost({
        dispatcher,
        rendererDir: uiRendererDir,
        clientDir: uiClientDir,
        log: host.ctx.log,
        host: shell,
      });
  const origin = web?.origin ?? options.origin!;
  const viewport = options.viewport ?? { width: 1280, height: 860 };
  const context = await (
    await browser()
  ).newContext({
    viewport,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: options.reducedMotion ?? 'reduce',
    acceptDownloads: true,
  });
  if (!web) await bindPreloadStandIn(context, dispatcher);
  // Every page reports what its Content-Security-Policy refused; close() fails the suite if anything was.
  const violations: string[] = [];
  await context.exposeBinding('__cspReport', (_source, text: string) => void violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __cspReport: (t: string) => Promise<void> }).__cspReport(
        `${e.violatedDirective} ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  host.forward = web
    ? (name, payload) => web.emit(name, payload)
    : (name, payload) => {
        void page
          .evaluate(
            ([n, p]) =>
              (window as unknown as { __workbenchEmit: (n: string, p: unknown) => void }).__workbenchEmit(n, p),
            [name, payload] as const,
          )
          .catch(() => undefined);
      };
  if (web) {
    // Sign in as a user does: open the one-time link; the page trades its token for the session cookie and loads the app.
    await page.goto(web.link);
    await page.locator('[data-app-state="loaded"]').waitFor();
  }
  mkdirSync(screenshotDir, { recursive: true });
  const harness: Harness = {
    host,
    page,
    context,
    calls,
    origin,
    web,
    unloadQuestions: 0,
    answerUnload: 'leave',
    viewport,
    async reset() {
      harness.answerUnload = 'leave';
      await page.goto('about:blank');
      await page.setViewportSize(harness.viewport);
    },
    async open(path = '') {
      await harness.reset();
      const streams = web?.streams().opened ?? 0;
      await page.goto(`${origin}/index.html${path}`);
      await page.locator('[data-app-state="loaded"]').waitFor();
      // Events reach a page over its event stream: wait until this document's is open.
      if (web) await until(() => web.streams().opened > streams, 'the page to open its event stream');
    },
    async emit(name, payload) {
      if (web) {
        await until(() => web.streams().open > 0, 'a page listening for events');
        web.emit(name, payload);
        return;
      }
      await page.evaluate(
        ([n, p]) => (window as unknown as { __workbenchEmit: (n: string, p: unknown) => void }).__workbenchEmit(n, p),
        [name, payload] as const,
      );
    },
    async screenshot(name) {
      const file = resolve(screenshotDir, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      return file;
    },
    async seriousAxeViolations() {
      // Tabster's focus-redirect elements (Fluent TabList, Dialog) are aria-hidden and focusable by design:
      // they hand focus on at once and are not announced (microsoft/tabster#288, microsoft/fluentui#27517).
      await animationsSettled(page);
      const result = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
    },
    async cspViolations() {
      return [...violations];
    },
    async close() {
      if (errors.length > 0) console.warn('Page errors:', errors);
      await context.close();
      await web?.stop();
      if (violations.length > 0)
        throw new Error(`The Content-Security-Policy refused something during this suite: ${violations.join('; ')}`);
    },
  };
  page.on('dialog', (dialog) => {
    if (dialog.type() !== 'beforeunload') return void dialog.dismiss();
    harness.unloadQuestions += 1;
    void (harness.answerUnload === 'leave' ? dialog.accept() : dialog.dismiss());
  });
  return harness;
}
