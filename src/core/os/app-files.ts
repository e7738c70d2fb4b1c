import { normalize, resolve, sep } from 'node:path';

/** Map a request URL (app:// in Electron, http:// in `gcw ui`) onto a file inside the renderer folder; null when it would escape the folder. */
export function resolveAppFile(rendererRoot: string, requestUrl: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return null;
  }
  // Backslashes are separators on Windows: refuse them everywhere so no platform can be walked out of the folder.
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const relative = normalize(pathname === '/' ? '/index.html' : pathname).replace(/^([/\\])+/, '');
  const root = resolve(rendererRoot);
  const full = resolve(root, relative);
  return full === root || full.startsWith(root + sep) ? full : null;
}
