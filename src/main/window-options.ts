import type { BrowserWindowConstructorOptions } from 'electron';

/** The hardened options every app window is created with; kept pure so tests can assert each value. */
export function secureWindowOptions(options: { preloadPath: string; devTools: boolean; bounds?: { x?: number; y?: number; width: number; height: number } }): BrowserWindowConstructorOptions {
  return {
    width: options.bounds?.width ?? 1200,
    height: options.bounds?.height ?? 820,
    ...(options.bounds?.x !== undefined && options.bounds?.y !== undefined ? { x: options.bounds.x, y: options.bounds.y } : {}),
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Graph Connection Workbench',
    backgroundColor: '#00000000',
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
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: options.devTools,
    },
  };
}
