import { describe, expect, it } from 'vitest';
import { isAppUrl } from '../../../src/main/app-origin';
import { resolveAppFile } from '../../../src/main/protocol';
import { fitBounds } from '../../../src/main/window-state';

describe('app:// protocol', () => {
  const root = '/opt/gcw/renderer';
  it.each([
    ['app://workbench/', '/opt/gcw/renderer/index.html'],
    ['app://workbench/index.html', '/opt/gcw/renderer/index.html'],
    ['app://workbench/assets/index-abc.js', '/opt/gcw/renderer/assets/index-abc.js'],
  ])('serves %s from the renderer folder', (url, file) => expect(resolveAppFile(root, url)).toBe(file));

  // The URL parser folds dot segments before the path is read, so they stay inside the folder (a file that does not
  // exist there: a 404); a NUL byte or a backslash (a separator on Windows) is refused outright.
  it.each([
    ['app://workbench/../../etc/passwd', '/opt/gcw/renderer/etc/passwd'],
    ['app://workbench/%2e%2e/%2e%2e/etc/passwd', '/opt/gcw/renderer/etc/passwd'],
    ['app://workbench/a%00.js', null],
    ['app://workbench/..%5c..%5cwin.ini', null],
  ])('keeps %s inside the renderer folder or refuses it', (url, expected) => {
    expect(resolveAppFile(root, url)).toBe(expected);
  });

  it('recognises only its own origin', () => {
    expect(isAppUrl('app://workbench/index.html#/x', 'app://workbench/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html', 'app://workbench/index.html')).toBe(false);
    expect(isAppUrl('not a url', 'app://workbench/index.html')).toBe(false);
  });
});

describe('window position', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1080 };
  it('keeps bounds on a visible display', () => {
    expect(fitBounds({ x: 100, y: 100, width: 1200, height: 800, maximized: true }, [display])).toEqual({
      x: 100,
      y: 100,
      width: 1200,
      height: 800,
      maximized: true,
    });
  });
  it('drops bounds on a display that is gone', () => {
    expect(fitBounds({ x: 3000, y: 100, width: 1200, height: 800 }, [display])).toBeNull();
  });
  it('ignores damaged values', () => {
    expect(fitBounds({ width: 'x' as never, height: 3 }, [display])).toBeNull();
    expect(fitBounds(undefined, [display])).toBeNull();
  });
});
