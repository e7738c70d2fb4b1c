import { BrowserWindow, type Session } from 'electron';

/** Remembered or default window bounds. */
export interface InitialBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

/**
 * The one window factory: every app window is created here, with the hardened webPreferences written out — in each
 * window, not spread from a shared constant, so Electronegativity's static checks and a reviewer can read them.
 */
export function createSecureWindow(options: {
  preloadPath: string;
  devTools: boolean;
  bounds?: InitialBounds;
}): BrowserWindow {
  const position =
    options.bounds?.x !== undefined && options.bounds?.y !== undefined
      ? { x: options.bounds.x, y: options.bounds.y }
      : {};
  return new BrowserWindow({
    width: options.bounds?.width ?? 1200,
    height: options.bounds?.height ?? 820,
    ...position,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Graph Connection Workbench',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.devTools,
    },
  });
}

/**
 * The hidden window records are printed to PDF in: sandboxed, no preload, JavaScript off, its own in-memory session
 * (network refused there), never shown. It only ever loads the record's own self-contained HTML.
 */
export function createPrintWindow(options: { session: Session }): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    title: 'Print',
    webPreferences: {
      session: options.session,
      javascript: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    },
  });
}
