// Composition root of the Electron main process: lifecycle, one window, the contract, the adapters.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, Menu, net, protocol, screen, session } from 'electron';
import ElectronStore from 'electron-store';
import { createAppContext } from '../core/app/create-context';
import { createDispatcher } from '../core/app/dispatcher';
import { createHandlers } from '../core/app/handlers';
import { EVENT_CHANNEL } from '../shared/contract';
import { electronClipboard, electronConfirm, electronDialogs, electronNotifier, electronShell } from './adapters/os-adapters';
import { electronStoreBackend } from './adapters/electron-store-backend';
import { electronPdfPrinter } from './adapters/pdf-printer';
import { safeStorageVault } from './adapters/safe-storage-vault';
import { APP_SCHEME, appEntryUrl } from './app-origin';
import { denyAllPermissions, guardWebContents } from './guards';
import { registerContract } from './ipc';
import { buildMenu } from './menu';
import { resolveAppFile } from './protocol';
import { confirmUnload, unloadQuestion } from './unload';
import { createSecureWindow } from './window';
import { fitBounds, type WindowBounds } from './window-state';

const isDev = !app.isPackaged;
const devServerUrl = typeof MAIN_WINDOW_VITE_DEV_SERVER_URL === 'string' && MAIN_WINDOW_VITE_DEV_SERVER_URL ? MAIN_WINDOW_VITE_DEV_SERVER_URL : undefined;
const entryUrl = appEntryUrl(devServerUrl);

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
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

  void app.whenReady().then(() => {
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
      notifier: electronNotifier(() => mainWindow),
      pdf: electronPdfPrinter(),
      emit: (name, payload) => mainWindow?.webContents.send(EVENT_CHANNEL, { name, payload }),
    });
    const log = (message: string, data?: Record<string, unknown>) => ctx.log.warn(message, data);

    const rendererRoot = join(__dirname, `../renderer/${MAIN_WINDOW_VITE_NAME}`);
    protocol.handle(APP_SCHEME, (request) => {
      const file = resolveAppFile(rendererRoot, request.url);
      if (!file) return new Response('Not found', { status: 404 });
      return net.fetch(pathToFileURL(file).toString());
    });

    denyAllPermissions(session.defaultSession, log);
    registerContract(createDispatcher(createHandlers(ctx), { log: ctx.log }), { trustedIds, entryUrl, log });

    const showPage = (page: string) => ctx.emit('app.navigate', { page });
    Menu.setApplicationMenu(buildMenu({ isDev, showPage, openDataFolder: () => void electronShell.openPath(dataDirectory) }));

    const windowState = new ElectronStore<{ bounds?: Partial<WindowBounds> }>({ name: 'window-state', cwd: dataDirectory, clearInvalidConfig: true });
    const createWindow = () => {
      const saved = fitBounds(windowState.get('bounds'), screen.getAllDisplays().map((d) => d.workArea));
      const win = createSecureWindow({ preloadPath: join(__dirname, 'preload.cjs'), devTools: isDev, ...(saved ? { bounds: saved } : {}) });
      // Keep the id: webContents is destroyed by the time 'closed' fires.
      const contentsId = win.webContents.id;
      trustedIds.add(contentsId);
      guardWebContents(win.webContents, {
        entryUrl,
        canOpenExternally: (url) => ctx.links.check(url),
        openExternally: (url) => {
          const link = ctx.links.resolve(url);
          if ('href' in link) void electronShell.openInBrowser(link.href);
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
      });
      void win.loadURL(entryUrl);
      mainWindow = win;
    };

    createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createWindow();
    });
    // Not before-quit: a window with unsaved changes can still cancel the quit (see confirmUnload), and the app must go on working then.
    app.on('will-quit', () => {
      // Deletes can be undone only in this session: make them final so their secrets leave the vault now.
      ctx.profiles.purgeDeleted();
      // Clears a copied secret still on the clipboard, stops reminders and sign-in tests, drops held certificates (PFX bytes, passwords, keys), stops the KDF workers.
      void ctx.dispose();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
