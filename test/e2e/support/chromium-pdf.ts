// The PdfPrinter port in tests: the record's HTML printed to PDF by Chromium (what Electron's printToPDF does in the app).
import type { Browser } from 'playwright-core';
import type { PdfPrinter } from '../../../src/core/os/ports';

/** Print with the browser `getBrowser` returns (JavaScript off, the page loaded from a data: URL, as the app's print window does). */
export function chromiumPdfPrinter(getBrowser: () => Browser | null): PdfPrinter & { printed: number } {
  const printer = {
    printed: 0,
    async print(html: string): Promise<Uint8Array> {
      const browser = getBrowser();
      if (!browser) throw new Error('The browser for printing is not running.');
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        await page.goto(`data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`);
        const pdf = await page.pdf({ printBackground: true, preferCSSPageSize: true, tagged: true });
        printer.printed += 1;
        return new Uint8Array(pdf);
      } finally {
        await context.close();
      }
    },
  };
  return printer;
}
