/** The OS clipboard. */
export interface ClipboardPort {
  /** False when a copied secret cannot be cleared later (a browser tab cannot read the clipboard back); default true. */
  readonly canClear?: boolean;
  writeText(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): void;
}

/** Opening links and folders with the OS. */
export interface ShellPort {
  /** Open an https URL in the system browser; callers check the allowlist first. */
  openInBrowser(url: string): Promise<void>;
  openPath(path: string): Promise<void>;
}

/** File filters for OS dialogs. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** OS file dialogs; null means the user cancelled. */
export interface DialogPort {
  openFile(options: { title: string; filters: FileFilter[] }): Promise<string | null>;
  chooseFolder(options: { title: string; defaultPath?: string }): Promise<string | null>;
  /** The OS save dialog asks before replacing an existing file. */
  saveFile(options: { title: string; defaultPath: string; filters: FileFilter[] }): Promise<string | null>;
}

/** OS notifications with one action. */
export interface NotifierPort {
  notify(options: { title: string; body: string; onClick?: () => void }): void;
}

/** Prints a self-contained HTML page to PDF: Electron's printToPDF in a hidden, sandboxed window in the app; Chromium in tests. */
export interface PdfPrinter {
  print(html: string): Promise<Uint8Array>;
}
