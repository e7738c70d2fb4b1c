import { describe, expect, it, vi } from 'vitest';

const created: Array<Record<string, unknown>> = [];
vi.mock('electron', () => ({
  BrowserWindow: class {
    constructor(options: Record<string, unknown>) {
      created.push(options);
    }
  },
}));
const { createSecureWindow } = await import('../../../src/main/window');

describe('window factory', () => {
  createSecureWindow({ preloadPath: '/app/preload.cjs', devTools: false });
  const prefs = created[0]!.webPreferences as Record<string, unknown>;
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['disableBlinkFeatures', 'Auxclick'],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['safeDialogs', true],
    ['devTools', false],
    ['preload', '/app/preload.cjs'],
  ])('sets webPreferences.%s to %s', (key, value) => {
    expect(prefs[key]).toBe(value);
  });

  it('sets no other webPreferences than the reviewed ones', () => {
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'disableBlinkFeatures',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('allows DevTools only in development and restores remembered bounds', () => {
    createSecureWindow({ preloadPath: 'p', devTools: true, bounds: { x: 10, y: 20, width: 1000, height: 700 } });
    expect(created[1]).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, webPreferences: { devTools: true } });
  });
});
