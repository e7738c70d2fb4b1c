import { describe, expect, it } from 'vitest';
import { secureWindowOptions } from '../../../src/main/window-options';

describe('window factory options', () => {
  const options = secureWindowOptions({ preloadPath: '/app/preload.cjs', devTools: false });
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['webviewTag', false],
    ['navigateOnDragDrop', false],
    ['devTools', false],
  ])('sets webPreferences.%s to %s', (key, value) => {
    expect((options.webPreferences as Record<string, unknown>)[key]).toBe(value);
  });

  it('loads only the bundled preload', () => {
    expect(options.webPreferences?.preload).toBe('/app/preload.cjs');
  });

  it('allows DevTools only when asked (development)', () => {
    expect(secureWindowOptions({ preloadPath: 'p', devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it('restores remembered bounds', () => {
    const o = secureWindowOptions({ preloadPath: 'p', devTools: false, bounds: { x: 10, y: 20, width: 1000, height: 700 } });
    expect(o).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
  });
});
