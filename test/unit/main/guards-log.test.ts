// What the guards log and let through, exactly: each refusal is logged with its URL cut to 200 characters (a
// hostile page can make URLs of any length) and the reason; in-app redirects pass; permission refusals name the permission.
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

const ENTRY = 'app://workbench/index.html';
const long = `https://evil.example.com/${'a'.repeat(300)}`;

function setup() {
  const contents = new FakeContents();
  const logged: Array<[string, Record<string, unknown> | undefined]> = [];
  const policy = new ExternalLinkPolicy();
  guardWebContents(contents as never, {
    entryUrl: ENTRY,
    canOpenExternally: (u) => policy.check(u),
    openExternally: () => undefined,
    log: (m, d) => logged.push([m, d]),
  });
  const emit = (event: string, url?: string) => {
    const e = { preventDefault: vi.fn() };
    contents.emit(event, e, url);
    return e.preventDefault.mock.calls.length > 0;
  };
  return { contents, logged, emit };
}

describe('guard logs', () => {
  it.each([
    ['will-navigate', 'Refused a navigation away from the app'],
    ['will-redirect', 'Refused a redirect away from the app'],
  ])('%s away from the app: prevented and logged with the URL cut to 200 characters', (event, message) => {
    const s = setup();
    expect(s.emit(event, long)).toBe(true);
    expect(s.logged).toEqual([[message, { url: long.slice(0, 200) }]]);
  });

  it('lets a redirect within the app through, without a log line', () => {
    const s = setup();
    expect(s.emit('will-redirect', `${ENTRY}#/settings`)).toBe(false);
    expect(s.logged).toEqual([]);
  });

  it('logs a refused webview', () => {
    const s = setup();
    expect(s.emit('will-attach-webview')).toBe(true);
    expect(s.logged).toEqual([['Refused to attach a webview', undefined]]);
  });

  it('logs a refused new window with its URL (cut) and the reason', () => {
    const s = setup();
    s.contents.openHandler?.({ url: long });
    expect(s.logged).toEqual([
      [
        'Refused to open a new window',
        { url: long.slice(0, 200), reason: 'evil.example.com is not a Microsoft sign-in or admin-center host' },
      ],
    ]);
  });

  it('logs each refused permission by name', () => {
    const logged: Array<[string, unknown]> = [];
    let request: ((c: unknown, permission: string, callback: (ok: boolean) => void) => void) | null = null;
    const session = {
      setPermissionRequestHandler: (h: typeof request) => (request = h),
      setPermissionCheckHandler: () => undefined,
    };
    denyAllPermissions(session as never, (m, d) => logged.push([m, d]));
    const answers: boolean[] = [];
    request!(null, 'media', (ok) => answers.push(ok));
    expect(answers).toEqual([false]);
    expect(logged).toEqual([['Refused a permission request', { permission: 'media' }]]);
  });
});
