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

/** A question main asks in a native dialog (never through the page, so a script in the page cannot answer it). */
export interface ConfirmQuestion {
  title: string;
  message: string;
  detail: string;
  /** The safe answer: the dialog's default, also given by Escape or closing it. */
  cancelLabel: string;
  confirmLabel: string;
}

/** Native confirmations: Electron's message box in the app, a scripted double in tests. */
export interface ConfirmPort {
  /** True only when the user chose `confirmLabel`. */
  confirm(question: ConfirmQuestion): Promise<boolean>;
}
