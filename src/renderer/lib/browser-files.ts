// Files in a browser tab served by `gcw ui`: the browser's file picker instead of main's open dialog, and downloads
// instead of main's save dialog. The desktop app keeps its OS dialogs (window.workbench.host is 'desktop' there).
import type { DownloadFile } from '../../shared/download';
import { workbench } from './workbench';

/** True in a browser tab served by gcw ui. */
export function inBrowser(): boolean {
  return workbench().host === 'browser';
}

/**
 * Ask the browser for one file; resolves null when the picker is closed without one. Call it straight from the click
 * handler, before any await: the browser opens a picker only while the click counts as the user's.
 */
export function pickFile(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}

function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Hand a file to the browser's downloads, under the name the desktop app's save dialog would suggest. */
export function downloadFile(file: DownloadFile): void {
  const data = file.base64 !== undefined ? base64ToBytes(file.base64) : (file.text ?? '');
  const url = URL.createObjectURL(new Blob([data], { type: file.mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The object URL holds the file's bytes in this tab: let go of it once the download has its copy.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Open an HTML document (the connection record) in a new tab to print: the browser's print dialog offers Save as
 * PDF. The desktop app prints PDF itself (printToPDF); a browser tab cannot, so nothing pretends to.
 */
export function openToPrint(html: string): void {
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html' }));
  window.open(url, '_blank', 'noopener');
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
