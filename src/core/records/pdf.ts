import { WorkbenchError } from '../errors';
import type { PdfPrinter } from '../os/ports';

/** The printer of a host without a browser engine (the CLI): PDF is refused with a way out. */
export const unavailablePdfPrinter: PdfPrinter = {
  print: () =>
    Promise.reject(
      new WorkbenchError(
        'record.pdf_unavailable',
        'PDF needs the Workbench app: this host cannot print. Export the record as HTML and print that page to PDF from a browser.',
      ),
    ),
};

/** Print through the port and check the answer is a PDF; `record.pdf_failed` otherwise. */
export async function printPdf(printer: PdfPrinter, html: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await printer.print(html);
  } catch (cause) {
    if (cause instanceof WorkbenchError) throw cause;
    throw new WorkbenchError(
      'record.pdf_failed',
      'The record could not be printed to PDF. Try again, or export it as HTML and print that page from a browser.',
      { cause },
    );
  }
  if (bytes.length < 5 || Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') {
    throw new WorkbenchError(
      'record.pdf_failed',
      'Printing the record did not produce a PDF. Export it as HTML and print that page from a browser instead.',
    );
  }
  return bytes;
}
