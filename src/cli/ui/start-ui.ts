// The composition root of `gcw ui` (as src/main/main.ts is Electron's): the real app context over Node adapters,
// the contract's dispatcher and handlers, and the HTTP host that serves them to a browser tab.
import pkg from '../../../package.json' with { type: 'json' };
import type { AppContext } from '../../core/app/context';
import { createAppContext } from '../../core/app/create-context';
import { createDispatcher } from '../../core/app/dispatcher';
import { createHandlers } from '../../core/app/handlers';
import { confBackendFactory } from '../../core/storage/conf-backend';
import { ensureWritableDataFolder } from '../../core/storage/data-folder';
import type { Notice } from '../../shared/contract/app';
import { browserDialogs } from '../../web-host/adapters/browser-dialogs';
import { openSystemKeychain } from '../../web-host/adapters/keyring-vault';
import { pageClipboard } from '../../web-host/adapters/page-clipboard';
import { pageNotifier } from '../../web-host/adapters/page-notifier';
import { startWebHost, type WebHost } from '../../web-host/server';
import type { UiAssets } from './assets';
import { systemShell } from './system-shell';
import { terminalConfirm } from './terminal-confirm';

export interface UiOptions {
  dataDirectory: string;
  assets: UiAssets;
  /** 0 for a random free port. */
  port: number;
  /** 0: no idle stop. */
  idleMs: number;
  env: Record<string, string | undefined>;
  /** Called once the link has been used. */
  onSession?: () => void;
}

export interface RunningUi {
  host: WebHost;
  ctx: AppContext;
  /** Why secrets stay in memory for this session (no keychain), or null when the OS keychain holds the vault key. */
  keychainFailure: string | null;
  /** Resolves once the host has stopped and the context is released. */
  finished: Promise<'idle' | 'stopped'>;
}

/** Open the stores, the keychain and the host. */
export async function startUi(options: UiOptions): Promise<RunningUi> {
  ensureWritableDataFolder(options.dataDirectory);
  const vault = await openSystemKeychain(options.dataDirectory);
  let host: WebHost | null = null;
  let show: (notice: Notice) => void = () => undefined;
  const ctx = createAppContext({
    runtime: {
      appName: 'Graph Connection Workbench',
      appVersion: pkg.version,
      electronVersion: null,
      chromeVersion: null,
      nodeVersion: process.versions.node,
      platform: `${process.platform} ${process.arch} (gcw ui, in the browser)`,
    },
    dataDirectory: options.dataDirectory,
    backend: confBackendFactory(options.dataDirectory),
    vault,
    clipboard: pageClipboard,
    shell: systemShell(options.env),
    dialogs: browserDialogs,
    confirm: terminalConfirm({
      input: process.stdin,
      output: process.stderr,
      announce: (question) =>
        show({
          id: 'confirm.terminal',
          severity: 'warning',
          title: `${question.title}: answer in the terminal`,
          message:
            'gcw ui asks this in the terminal it runs in, not in the page, so that no script in the page can answer it.',
        }),
    }),
    notifier: pageNotifier((notice) => show(notice)),
    emit: (name, payload) => host?.emit(name, payload),
  });
  show = (notice) => {
    ctx.notices.add(notice);
    ctx.emit('app.notice', notice);
  };
  if (vault.failure)
    ctx.log.warn('gcw ui: the OS keychain could not be used; secrets stay in memory for this session', {
      reason: vault.failure,
    });
  try {
    host = await startWebHost({
      dispatcher: createDispatcher(createHandlers(ctx), { log: ctx.log }),
      rendererDir: options.assets.rendererDir,
      clientDir: options.assets.clientDir,
      log: ctx.log,
      port: options.port,
      idleMs: options.idleMs,
      ...(options.onSession ? { onSession: options.onSession } : {}),
    });
  } catch (error) {
    await ctx.dispose();
    throw error;
  }
  ctx.log.info('gcw ui listening', { origin: host.origin, addresses: host.addresses });
  ctx.reminders.start();
  const finished = host.stopped.then(async (reason) => {
    // As Electron's will-quit: deletes become final (their secrets leave the vault), held certificates are dropped.
    ctx.profiles.purgeDeleted();
    await ctx.dispose();
    ctx.log.info('gcw ui stopped', { reason });
    return reason;
  });
  return { host, ctx, keychainFailure: vault.failure, finished };
}
