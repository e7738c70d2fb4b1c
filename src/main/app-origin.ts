/** The custom scheme the packaged renderer is served from (a real origin instead of file://). */
export const APP_SCHEME = 'app';
/** The host part of the app's own URLs. */
export const APP_HOST = 'workbench';

/** The URL the window loads: the Vite dev server in development, app://workbench/index.html otherwise. */
export function appEntryUrl(devServerUrl: string | undefined): string {
  return devServerUrl ? devServerUrl : `${APP_SCHEME}://${APP_HOST}/index.html`;
}

/** True when a URL belongs to the app itself (same scheme, host and port as the entry URL). */
export function isAppUrl(candidate: string, entryUrl: string): boolean {
  try {
    const a = new URL(candidate);
    const b = new URL(entryUrl);
    return a.protocol === b.protocol && a.host === b.host;
  } catch {
    return false;
  }
}
