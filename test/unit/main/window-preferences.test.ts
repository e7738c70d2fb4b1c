// Every webPreferences value of both windows, exactly: a value flipped (spellcheck on, so typed secrets go through
// the spellchecker and Electron fetches dictionaries over the network; JavaScript on in the print window) or a key
// added fails here.
import { describe, expect, it, vi } from 'vitest';

const created: Array<Record<string, unknown>> = [];
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: Record<string, unknown>) {
      created.push(options);
    }
  },
}));
const { createPrintWindow, createSecureWindow } = await import('../../../src/main/window');

const hardened = {
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
};

describe('webPreferences, value by value', () => {
  it('the app window: the hardened set, safe dialogs, the preload, DevTools as asked and nothing else', () => {
    createSecureWindow({ preloadPath: '/app/preload.cjs', devTools: false });
    expect(created.at(-1)!.webPreferences).toEqual({
      ...hardened,
      safeDialogs: true,
      preload: '/app/preload.cjs',
      devTools: false,
    });
    createSecureWindow({ preloadPath: '/app/preload.cjs', devTools: true });
    expect(created.at(-1)!.webPreferences).toEqual({
      ...hardened,
      safeDialogs: true,
      preload: '/app/preload.cjs',
      devTools: true,
    });
  });

  it('the print window: the hardened set, its own session, JavaScript and DevTools off, no preload, never shown', () => {
    const session = { name: 'print-session' };
    createPrintWindow({ session: session as never });
    expect(created.at(-1)).toMatchObject({ show: false });
    expect(created.at(-1)!.webPreferences).toEqual({ ...hardened, session, javascript: false, devTools: false });
  });

  it('opens hidden (shown once ready), titled, at a remembered position only when both x and y are known', () => {
    createSecureWindow({ preloadPath: 'p', devTools: false, bounds: { x: 10, width: 900, height: 600 } });
    const onlyX = created.at(-1)!;
    expect(onlyX).toMatchObject({ show: false, title: 'Graph Connection Workbench', width: 900, height: 600 });
    expect('x' in onlyX || 'y' in onlyX).toBe(false);
    createSecureWindow({ preloadPath: 'p', devTools: false, bounds: { y: 20, width: 900, height: 600 } });
    expect('x' in created.at(-1)! || 'y' in created.at(-1)!).toBe(false);
    createSecureWindow({ preloadPath: 'p', devTools: false });
    expect(created.at(-1)).toMatchObject({ width: 1200, height: 820, minWidth: 800, minHeight: 560 });
    createPrintWindow({ session: {} as never });
    expect(created.at(-1)).toMatchObject({ show: false, title: 'Print' });
  });
});
