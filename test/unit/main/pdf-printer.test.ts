// The PDF printer of the app with electron mocked: a hidden, sandboxed window without preload or JavaScript, in its own
// session that refuses every request but the data: URL, fed the HTML as a data: URL, destroyed after printing.
import { describe, expect, it, vi } from 'vitest';

const windows: Array<{
  options: Record<string, unknown>;
  loaded: string[];
  destroyed: boolean;
  openHandler: (() => unknown) | null;
  navigate: ((e: { preventDefault(): void }) => void) | null;
}> = [];
const requestFilters: Array<(details: { url: string }, callback: (r: { cancel: boolean }) => void) => void> = [];
const permissionChecks: Array<() => boolean> = [];
const partitions: string[] = [];
let failPrint = false;

vi.mock('electron', () => ({
  session: {
    fromPartition: (name: string) => {
      partitions.push(name);
      return {
        webRequest: { onBeforeRequest: (f: (typeof requestFilters)[number]) => requestFilters.push(f) },
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: (f: () => boolean) => permissionChecks.push(f),
      };
    },
  },
  BrowserWindow: class {
    private readonly record: (typeof windows)[number];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], destroyed: false, openHandler: null, navigate: null };
      windows.push(this.record);
      const record = this.record;
      this.webContents = {
        setWindowOpenHandler: (h: () => unknown) => (record.openHandler = h),
        on: (event: string, h: (e: { preventDefault(): void }) => void) =>
          event === 'will-navigate' && (record.navigate = h),
        printToPDF: async () => {
          if (failPrint) throw new Error('print failed');
          return Buffer.from('%PDF-1.7 printed');
        },
      };
    }
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
    destroy() {
      this.record.destroyed = true;
    }
  },
}));
const { electronPdfPrinter } = await import('../../../src/main/adapters/pdf-printer');

describe('PDF printer (Electron)', () => {
  it('prints in a hidden, locked-down window fed a data: URL, and destroys it', async () => {
    const printer = electronPdfPrinter();
    const pdf = await printer.print('<!doctype html><title>Record</title><p>Robot</p>');
    expect(Buffer.from(pdf).toString('latin1')).toBe('%PDF-1.7 printed');
    const w = windows[0]!;
    const prefs = w.options.webPreferences as Record<string, unknown>;
    expect(w.options.show).toBe(false);
    expect(prefs).toMatchObject({
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      devTools: false,
      webviewTag: false,
    });
    expect(prefs.preload).toBeUndefined();
    expect(w.loaded).toHaveLength(1);
    expect(w.loaded[0]).toMatch(/^data:text\/html;charset=utf-8;base64,/);
    expect(Buffer.from(w.loaded[0]!.split(',')[1]!, 'base64').toString('utf8')).toContain('<p>Robot</p>');
    expect(w.destroyed).toBe(true);
    expect(w.openHandler?.()).toEqual({ action: 'deny' });
    const prevent = vi.fn();
    w.navigate?.({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
  });

  it('uses one in-memory session that refuses every request but data: and every permission', async () => {
    expect(partitions).toEqual(['gcw-print']);
    const answers: boolean[] = [];
    for (const url of ['data:text/html,x', 'https://evil.example.com/x.png', 'file:///etc/passwd'])
      requestFilters[0]!({ url }, (r) => answers.push(r.cancel));
    expect(answers).toEqual([false, true, true]);
    expect(permissionChecks[0]!()).toBe(false);
  });

  it('destroys the window when printing fails', async () => {
    failPrint = true;
    await expect(electronPdfPrinter().print('<p>x</p>')).rejects.toThrow('print failed');
    expect(windows.at(-1)?.destroyed).toBe(true);
  });
});
