import { session as electronSession, type Session } from 'electron';
import type { PdfPrinter } from '../../core/os/ports';
import { createPrintWindow } from '../window';

/** Only the page itself loads: anything it would fetch (it fetches nothing; its CSP forbids it too) is refused. */
function lockDown(printSession: Session): void {
  printSession.webRequest.onBeforeRequest((details, callback) =>
    callback({ cancel: !details.url.startsWith('data:') }),
  );
  printSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  printSession.setPermissionCheckHandler(() => false);
}

/** Electron's printToPDF on a hidden, sandboxed window without preload or JavaScript, fed the record's HTML as a data: URL. */
export function electronPdfPrinter(): PdfPrinter {
  let printSession: Session | null = null;
  return {
    async print(html) {
      if (!printSession) {
        // In memory only (no "persist:" prefix): nothing the page does outlives the print.
        printSession = electronSession.fromPartition('gcw-print');
        lockDown(printSession);
      }
      const win = createPrintWindow({ session: printSession });
      win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
      win.webContents.on('will-navigate', (event) => event.preventDefault());
      try {
        await win.loadURL(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
        const pdf = await win.webContents.printToPDF({
          printBackground: true,
          preferCSSPageSize: true,
          generateDocumentOutline: true,
        });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        win.destroy();
      }
    },
  };
}
