import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { ExternalLinkPolicy } from '../../../src/core/os/external-links';
import { denyAllPermissions, guardWebContents } from '../../../src/main/guards';

class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
}

function setup(entryUrl = 'app://workbench/index.html') {
  const contents = new FakeContents();
  const opened: string[] = [];
  const logs: string[] = [];
  const policy = new ExternalLinkPolicy();
  guardWebContents(contents as never, {
    entryUrl,
    canOpenExternally: (u) => policy.check(u),
    openExternally: (u) => opened.push(u),
    log: (m) => logs.push(m),
  });
  const navigate = (event: string, url: string) => {
    const e = { preventDefault: vi.fn() };
    contents.emit(event, e, url);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { contents, opened, logs, navigate };
}

describe('navigation guards', () => {
  it('lets the app navigate within its own origin', () => {
    expect(setup().navigate('will-navigate', 'app://workbench/index.html#/settings')).toBe(false);
  });

  it.each([
    'https://evil.example.com/',
    'file:///etc/passwd',
    'app://other/index.html',
    'https://login.microsoftonline.com/',
  ])('refuses to navigate the window to %s, with a logged reason', (url) => {
    const s = setup();
    expect(s.navigate('will-navigate', url)).toBe(true);
    expect(s.logs).toContain('Refused a navigation away from the app');
  });

  it('refuses redirects and webviews', () => {
    const s = setup();
    expect(s.navigate('will-redirect', 'https://evil.example.com/')).toBe(true);
    const e = { preventDefault: vi.fn() };
    s.contents.emit('will-attach-webview', e);
    expect(e.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window; allowlisted links go to the system browser instead', () => {
    const s = setup();
    expect(s.contents.openHandler?.({ url: 'https://entra.microsoft.com/' })).toEqual({ action: 'deny' });
    expect(s.contents.openHandler?.({ url: 'https://evil.example.com/' })).toEqual({ action: 'deny' });
    expect(s.opened).toEqual(['https://entra.microsoft.com/']);
    expect(s.logs).toContain('Refused to open a new window');
  });

  it('works against the dev server origin in development', () => {
    const s = setup('http://localhost:5173/');
    expect(s.navigate('will-navigate', 'http://localhost:5173/#/about')).toBe(false);
    expect(s.navigate('will-navigate', 'http://localhost:5174/')).toBe(true);
  });
});

describe('permissions', () => {
  it('denies every permission request and check', () => {
    let requestHandler: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | null = null;
    let checkHandler: (() => boolean) | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof requestHandler) => (requestHandler = h),
      setPermissionCheckHandler: (h: typeof checkHandler) => (checkHandler = h),
    };
    const logs: string[] = [];
    denyAllPermissions(session as never, (m) => logs.push(m));
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      const cb = vi.fn();
      requestHandler!(null, permission, cb);
      expect(cb).toHaveBeenCalledWith(false);
    }
    expect(checkHandler!()).toBe(false);
    expect(logs.length).toBe(5);
  });
});
