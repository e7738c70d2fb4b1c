// The end-to-end harness: the built renderer in real Chromium, with window.workbench bound to a Node host
// that runs the same dispatcher and handlers main uses (only Electron's adapters are test doubles).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createDispatcher, type CallRecord } from '../../../src/core/app/dispatcher';
import { createHandlers } from '../../../src/core/app/handlers';
import { eventNames, methodNames } from '../../../src/shared/contract';
import { CHROMIUM_PATH, skipWithout } from '../../support/reference-tools';
import { createTestHost, type TestHost } from '../../support/test-context';
import { rendererDir } from './global-setup';
import { startStaticServer } from './static-server';

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
  seriousAxeViolations(): Promise<Array<{ id: string; impact: string | null | undefined; help: string; nodes: string[] }>>;
  close(): Promise<void>;
}

let sharedBrowser: Browser | null = null;

async function browser(): Promise<Browser> {
  sharedBrowser ??= await chromium.launch({
    executablePath: chromiumPath,
    headless: process.env.HEADED !== '1',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
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
      const running = document.getAnimations().filter((a) => (a.playState === 'running' || a.pending) && Number.isFinite(a.effect?.getComputedTiming().endTime ?? Infinity));
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
  origin?: string;
}

/** Start the renderer against a fresh (or given) host. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const host = options.host ?? createTestHost();
  const calls: CallRecord[] = [];
  const dispatcher = createDispatcher(createHandlers(host.ctx), { log: host.ctx.log, onCall: (r) => calls.push(r) });
  // The built renderer by default; a running server (Vite's dev server, as `npm start` uses) when an origin is given.
  const server = options.origin ? { origin: options.origin, close: async () => undefined } : await startStaticServer(rendererDir);
  const viewport = options.viewport ?? { width: 1280, height: 860 };
  const context = await (await browser()).newContext({ viewport, colorScheme: options.colorScheme ?? 'light', reducedMotion: options.reducedMotion ?? 'reduce', acceptDownloads: false });
  await context.exposeBinding('__workbenchCall', (_source, name: string, input: unknown) => dispatcher.call(name, input));
  await context.addInitScript(
    ([names, events]) => {
      const listeners = new Map<string, Set<(p: unknown) => void>>();
      const w = window as unknown as Record<string, unknown>;
      w.__workbenchEmit = (name: string, payload: unknown) => listeners.get(name)?.forEach((l) => l(payload));
      const api: Record<string, unknown> = {};
      for (const name of names) {
        const [ns, member] = [name.slice(0, name.indexOf('.')), name.slice(name.indexOf('.') + 1)];
        const group = (api[ns] ??= {}) as Record<string, unknown>;
        group[member] = (input: unknown) => (w.__workbenchCall as (n: string, i: unknown) => Promise<unknown>)(name, input ?? {});
      }
      api.onEvent = (name: string, listener: (p: unknown) => void) => {
        if (!events.includes(name)) throw new Error(`Unknown event ${name}`);
        if (!listeners.has(name)) listeners.set(name, new Set());
        listeners.get(name)!.add(listener);
        return () => listeners.get(name)?.delete(listener);
      };
      Object.defineProperty(window, 'workbench', { value: Object.freeze(api), configurable: false, writable: false });
    },
    [methodNames as string[], eventNames as string[]] as const,
  );
  // Every page reports what its Content-Security-Policy refused; close() fails the suite if anything was.
  const violations: string[] = [];
  await context.exposeBinding('__cspReport', (_source, text: string) => void violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      void (window as unknown as { __cspReport: (t: string) => Promise<void> }).__cspReport(`${e.violatedDirective} ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  host.forward = (name, payload) => {
    void page.evaluate(([n, p]) => (window as unknown as { __workbenchEmit: (n: string, p: unknown) => void }).__workbenchEmit(n, p), [name, payload] as const).catch(() => undefined);
  };
  mkdirSync(screenshotDir, { recursive: true });
  const harness: Harness = {
    host,
    page,
    context,
    calls,
    origin: server.origin,
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
      await page.goto(`${server.origin}/index.html${path}`);
      await page.locator('[data-app-state="loaded"]').waitFor();
    },
    async emit(name, payload) {
      await page.evaluate(([n, p]) => (window as unknown as { __workbenchEmit: (n: string, p: unknown) => void }).__workbenchEmit(n, p), [name, payload] as const);
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
      await server.close();
      if (violations.length > 0) throw new Error(`The Content-Security-Policy refused something during this suite: ${violations.join('; ')}`);
    },
  };
  page.on('dialog', (dialog) => {
    if (dialog.type() !== 'beforeunload') return void dialog.dismiss();
    harness.unloadQuestions += 1;
    void (harness.answerUnload === 'leave' ? dialog.accept() : dialog.dismiss());
  });
  return harness;
}
