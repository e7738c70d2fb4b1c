// Builds the real AppContext over a temporary data folder and the test doubles.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAppContext } from '../../src/core/app/create-context';
import type { AppContext } from '../../src/core/app/context';
import type { Timers } from '../../src/core/os/clipboard-service';
import type { PdfPrinter } from '../../src/core/os/ports';
import type { CertificateSessionOptions } from '../../src/core/certificates/session';
import { createLogger } from '../../src/core/log/logger';
import type { NetworkClientOptions } from '../../src/core/signin/network-client';
import type { RetryPolicy } from '../../src/core/graph-apply/graph-client';
import { confBackendFactory } from '../../src/core/storage/conf-backend';
import type { EventName, EventPayload } from '../../src/shared/contract';
import type { Notice } from '../../src/shared/contract/app';
import { pageClipboard } from '../../src/web-host/adapters/page-clipboard';
import { pageNotifier } from '../../src/web-host/adapters/page-notifier';
import {
  MemoryClipboard,
  MemoryVault,
  RecordingNotifier,
  RecordingShell,
  ScriptedConfirm,
  ScriptedDialogs,
} from './doubles';

/** A context plus handles on its doubles. */
export interface TestHost {
  ctx: AppContext;
  dataDirectory: string;
  vault: MemoryVault;
  clipboard: MemoryClipboard;
  shell: RecordingShell;
  dialogs: ScriptedDialogs;
  /** Stands for main's native message box: answers from `answers`, records `asked`. */
  confirm: ScriptedConfirm;
  notifier: RecordingNotifier;
  events: Array<{ name: string; payload: unknown }>;
  logLines: string[];
  /** Where emitted events also go (the e2e harness forwards them to the page). */
  forward: ((name: string, payload: unknown) => void) | null;
}

/** Create a test host; pass a directory to reopen existing data. */
/** `signinNetwork` lets sign-in tests trust the test CA of an identity provider started by the test. */
export function createTestHost(
  options: {
    dataDirectory?: string;
    vault?: MemoryVault;
    timers?: Timers;
    now?: () => Date;
    certificateSession?: Omit<CertificateSessionOptions, 'redactor'>;
    signinNetwork?: NetworkClientOptions;
    /** Graph request waits (tests record instead of sleeping). */
    graphRetry?: RetryPolicy;
    /** Prints records to PDF (the e2e run prints with Chromium); without it PDF export is refused as in the CLI. */
    pdf?: PdfPrinter;
    /** gcw ui's page adapters instead of the clipboard and notifier doubles: copies go to the page, notifications into it. */
    pageAdapters?: boolean;
  } = {},
): TestHost {
  const dataDirectory = options.dataDirectory ?? mkdtempSync(join(tmpdir(), 'gcw-test-'));
  const vault = options.vault ?? new MemoryVault();
  const clipboard = new MemoryClipboard();
  const shell = new RecordingShell();
  const dialogs = new ScriptedDialogs();
  const confirm = new ScriptedConfirm();
  const notifier = new RecordingNotifier();
  const events: Array<{ name: string; payload: unknown }> = [];
  const logLines: string[] = [];
  const relay: { forward: TestHost['forward'] } = { forward: null };
  const logger = createLogger({
    file: join(dataDirectory, 'logs', 'workbench.log'),
    sink: (line) => logLines.push(line),
  });
  let showInPage: (notice: Notice) => void = () => undefined;
  const ctx = createAppContext({
    runtime: {
      appName: 'Graph Connection Workbench',
      appVersion: '0.0.0-test',
      electronVersion: null,
      chromeVersion: null,
      nodeVersion: process.versions.node,
      platform: process.platform,
    },
    dataDirectory,
    backend: confBackendFactory(dataDirectory),
    vault,
    clipboard: options.pageAdapters ? pageClipboard : clipboard,
    shell,
    dialogs,
    confirm,
    notifier: options.pageAdapters ? pageNotifier((notice) => showInPage(notice)) : notifier,
    logger,
    ...(options.timers ? { timers: options.timers } : {}),
    ...(options.now ? { now: options.now } : {}),
    ...(options.certificateSession ? { certificateSession: options.certificateSession } : {}),
    ...(options.signinNetwork ? { signinNetwork: options.signinNetwork } : {}),
    ...(options.pdf ? { pdf: options.pdf } : {}),
    ...(options.graphRetry ? { graphRetry: options.graphRetry } : {}),
    emit: <E extends EventName>(name: E, payload: EventPayload<E>) => {
      events.push({ name, payload });
      relay.forward?.(name, payload);
    },
  });
  showInPage = (notice) => {
    ctx.notices.add(notice);
    ctx.emit('app.notice', notice);
  };
  return {
    ctx,
    dataDirectory,
    vault,
    clipboard,
    shell,
    dialogs,
    confirm,
    notifier,
    events,
    logLines,
    get forward() {
      return relay.forward;
    },
    set forward(f) {
      relay.forward = f;
    },
  };
}
