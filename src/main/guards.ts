import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** What the guards need: the app's entry URL, a link policy for the system browser, and a logger. */
export interface GuardOptions {
  entryUrl: string;
  canOpenExternally: (url: string) => string | null;
  openExternally: (url: string) => void;
  log: (message: string, data?: Record<string, unknown>) => void;
}

/** Refuse navigation away from the app, new windows, and webviews; allowlisted links go to the system browser. */
export function guardWebContents(contents: WebContents, options: GuardOptions): void {
  contents.on('will-navigate', (event, url) => {
    if (isAppUrl(url, options.entryUrl)) return;
    event.preventDefault();
    options.log('Refused a navigation away from the app', { url: url.slice(0, 200) });
  });
  contents.on('will-redirect', (event, url) => {
    if (isAppUrl(url, options.entryUrl)) return;
    event.preventDefault();
    options.log('Refused a redirect away from the app', { url: url.slice(0, 200) });
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.log('Refused to attach a webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const refusal = options.canOpenExternally(url);
    if (refusal === null) options.openExternally(url);
    else options.log('Refused to open a new window', { url: url.slice(0, 200), reason: refusal });
    return { action: 'deny' };
  });
}

/** Deny every permission request (camera, notifications from the page, clipboard-read, …) and every check. */
export function denyAllPermissions(session: Session, log: GuardOptions['log']): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log('Refused a permission request', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}
