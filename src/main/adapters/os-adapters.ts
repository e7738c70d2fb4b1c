import { type BrowserWindow, clipboard, dialog, Notification, shell } from 'electron';
import type { ClipboardPort, ConfirmPort, DialogPort, NotifierPort, ShellPort } from '../../core/os/ports';

/** The OS clipboard. */
export const electronClipboard: ClipboardPort = {
  writeText: (text) => clipboard.writeText(text),
  readText: () => clipboard.readText(),
  clear: () => clipboard.clear(),
};

/** The system browser and file manager (the allowlist is checked in core before this is called). */
export const electronShell: ShellPort = {
  // The only shell.openExternal call: every caller has passed ExternalLinkPolicy.check (https, allowlisted host).
  openInBrowser: (url) => shell.openExternal(url, { activate: true }),
  openPath: async (path) => {
    const error = await shell.openPath(path);
    if (error) throw new Error(error);
  },
};

/** OS file dialogs attached to the main window. */
export function electronDialogs(getWindow: () => BrowserWindow | null): DialogPort {
  return {
    async openFile({ title, filters }) {
      const win = getWindow();
      const options = { title, filters, properties: ['openFile' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseFolder({ title, defaultPath }) {
      const win = getWindow();
      const options = {
        title,
        properties: ['openDirectory' as const, 'createDirectory' as const],
        ...(defaultPath ? { defaultPath } : {}),
      };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async saveFile({ title, defaultPath, filters }) {
      const win = getWindow();
      const options = {
        title,
        defaultPath,
        filters,
        properties: ['showOverwriteConfirmation' as const, 'createDirectory' as const],
      };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}

/** Native confirmations in a message box attached to the main window; the safe answer is the default and what Escape gives. */
export function electronConfirm(getWindow: () => BrowserWindow | null): ConfirmPort {
  return {
    async confirm({ title, message, detail, cancelLabel, confirmLabel }) {
      const win = getWindow();
      const options = {
        type: 'warning' as const,
        title,
        message,
        detail,
        buttons: [cancelLabel, confirmLabel],
        defaultId: 0,
        cancelId: 0,
        noLink: true,
      };
      const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      return response === 1;
    },
  };
}

/**
 * OS notifications; clicking one brings the window forward and runs its action (e.g. show the profile). Each is held
 * until it is clicked, closed or has failed: a notification the garbage collector takes loses its click. A failure
 * (e.g. an unsigned macOS build, or Windows without the Start menu shortcut) is logged.
 */
export function electronNotifier(
  getWindow: () => BrowserWindow | null,
  log: (message: string, data?: Record<string, unknown>) => void,
): NotifierPort {
  const shown = new Set<Notification>();
  return {
    notify({ title, body, onClick }) {
      if (!Notification.isSupported()) return;
      const note = new Notification({ title, body });
      shown.add(note);
      const release = () => shown.delete(note);
      note.on('click', () => {
        release();
        const win = getWindow();
        if (win) {
          if (win.isMinimized()) win.restore();
          win.focus();
        }
        onClick?.();
      });
      note.on('close', release);
      note.on('failed', (_event, error) => {
        release();
        log('A notification could not be shown', { title, error });
      });
      note.show();
    },
  };
}
