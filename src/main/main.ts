// Composition root of the Electron main process: lifecycle, one window, the contract, the adapters.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, net, protocol, screen, session } from 'electron';
import ElectronStore from 'electron-store';
import { createAppContext } from '../core/app/create-context';
import { createDispatcher } from '../core/app/dispatcher';
import { createHandlers } from '../core/app/handlers';
import { EVENT_CHANNEL } from '../shared/contract';
import {
  electronClipboard,
  electronConfirm,
  electronDialogs,
  electronNotifier,
  electronShell,
} from './adapters/os-adapters';
import { electronStoreBackend } from './adapters/electron-store-backend';
import { electronPdfPrinter } from './adapters/pdf-printer';
import { safeStorageVault } from './adapters/safe-storage-vault';
import { APP_SCHEME, appEntryUrl } from './app-origin';
import { denyAllPermissions, guardWebContents } from './guards';
import { registerContract } from './ipc';
import { buildMenu } from './menu';
import { resolveAppFile } from './protocol';
import { runSquirrelCommand, squirrelCommand } from './squirrel';
import { startupFailureMessage } from './startup-failure';
import { confirmUnload, unloadQuestion } from './unload';
import { createSecureWindow } from './window';
import { fitBounds, type WindowBounds } from './window-state';

const isDev = !app.isPackaged;
const devServerUrl =
  typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL
    ? MAIN_WINDOW_VITE_DEV_SERVER_URL
    : undefined;
const entryUrl = appEntryUrl(devServerUrl);

/** A start-up that failed: say so in an error box and exit, so the single-instance lock is released. */
function failStartup(error: unknown): void {
  console.error('Graph Connection Workbench could not start:', error);
  let dataFolder: string | null;
  try {
    dataFolder = app.getPath('userData');
  } catch {
    dataFolder = null;
  }
  const { title, content } = startupFailureMessage(error, dataFolder);
  dialog.showErrorBox(title, content);
  app.exit(1);
}

// First thing: while Squirrel.Windows installs, updates or removes the app, do only its part and quit.
const squirrel = squirrelCommand(process.argv, process.platform, process.execPath);
if (squirrel) {
  runSquirrelCommand(squirrel, () => app.quit());
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);

  let mainWindow: BrowserWindow | null = null;
  const trustedIds = new Set<number>();

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (e) => e.preventDefault());
  });

  // Until the app's logger exists, warnings go to stderr.
  let warn: (message: string, data?: Record<string, unknown>) => void = (message, data) =>
    console.warn(message, data ?? '');

  const start = () => {
    const dataDirectory = app.getPath('userData');
    const ctx = createAppContext({
      runtime: {
        appName: app.getName(),
        appVersion: app.getVersion(),
        electronVersion: process.versions.electron ?? null,
        chromeVersion: process.versions.chrome ?? null,
        nodeVersion: process.versions.node,
        platform: `${process.platform} ${process.arch}`,
      },
      dataDirectory,
      backend: electronStoreBackend(dataDirectory),
      vault: safeStorageVault(),
      clipboard: electronClipboard,
      shell: electronShell,
      dialogs: electronDialogs(() => mainWindow),
      confirm: electronConfirm(() => mainWindow),
      notifier: electronNotifier(
        () => mainWindow,
        (message, data) => warn(message, data),
      ),
      pdf: electronPdfPrinter(),
      emit: (name, payload) => mainWindow?.webContents.send(EVENT_CHANNEL, { name, payload }),
    });
    const log = (message: string, data?: Record<string, unknown>) => ctx.log.warn(message, data);
    warn = log;
    const failed = (what: string) => (error: unknown) =>
      log(what, { error: error instanceof Error ? error.message : String(error) });

    const rendererRoot = join(__dirname, `../renderer/${MAIN_WINDOW_VITE_NAME}`);
    protocol.handle(APP_SCHEME, (request) => {
      const file = resolveAppFile(rendererRoot, request.url);
      if (!file) return new Response('Not found', { status: 404 });
      return net.fetch(pathToFileURL(file).toString());
    });

    denyAllPermissions(session.defaultSession, log);
    registerContract(createDispatcher(createHandlers(ctx), { log: ctx.log }), { trustedIds, entryUrl, log });

    const showPage = (page: string) => ctx.emit('app.navigate', { page });
    const openDataFolder = () => {
      electronShell.openPath(dataDirectory).catch(failed('The data folder could not be opened'));
    };
    Menu.setApplicationMenu(buildMenu({ isDev, showPage, openDataFolder }));

    const windowState = new ElectronStore<{ bounds?: Partial<WindowBounds> }>({
      name: 'window-state',
      cwd: dataDirectory,
      clearInvalidConfig: true,
    });
    const createWindow = () => {
      const saved = fitBounds(
        windowState.get('bounds'),
        screen.getAllDisplays().map((d) => d.workArea),
      );
      const win = createSecureWindow({
        preloadPath: join(__dirname, 'preload.cjs'),
        devTools: isDev,
        ...(saved ? { bounds: saved } : {}),
      });
      // Keep the id: webContents is destroyed by the time 'closed' fires.
      const contentsId = win.webContents.id;
      trustedIds.add(contentsId);
      guardWebContents(win.webContents, {
        entryUrl,
        canOpenExternally: (url) => ctx.links.check(url),
        // The parsed URL's href, not the string the page asked for: the OS opens exactly what the allowlist checked.
        openExternally: (url) => {
          const link = ctx.links.resolve(url);
          if ('href' in link)
            electronShell.openInBrowser(link.href).catch(failed('The link could not be opened in the browser'));
        },
        log,
      });
      confirmUnload(win.webContents, () => dialog.showMessageBoxSync(win, unloadQuestion) === 0);
      const remember = () => {
        if (win.isDestroyed() || win.isMinimized()) return;
        windowState.set('bounds', { ...win.getNormalBounds(), maximized: win.isMaximized() });
      };
      win.on('resized', remember);
      win.on('moved', remember);
      win.on('close', remember);
      win.once('ready-to-show', () => {
        if (saved?.maximized) win.maximize();
        win.show();
        ctx.reminders.start();
      });
      win.on('closed', () => {
        trustedIds.delete(contentsId);
        mainWindow = null;
        // No one is left to see a PFX that is still opening: stop its key derivation.
        ctx.certificates.cancelOpens();
      });
      win.loadURL(entryUrl).catch(failed('The window could not load the app'));
      mainWindow = win;
    };

    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length !== 0) return;
      try {
        createWindow();
      } catch (error) {
        failed('The window could not be opened')(error);
      }
    });
    // Not before-quit: a window with unsaved changes can still cancel the quit (see confirmUnload), and the app must go on working then.
    app.on('will-quit', () => {
      // Deletes can be undone only in this session: make them final so their secrets leave the vault now.
      ctx.profiles.purgeDeleted();
      // Clears a copied secret still on the clipboard, stops reminders and sign-in tests, drops held certificates (PFX bytes, passwords, keys), stops the KDF workers.
      ctx.dispose().catch(failed('Clean-up at quit failed'));
    });
  };

  // A throw during start-up (e.g. a locked or unwritable data folder) must not leave a process without a window.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => failStartup(error));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
