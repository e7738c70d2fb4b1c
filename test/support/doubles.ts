// Test doubles for the Electron adapters (safeStorage, clipboard, shell, dialogs, notifications).
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type {
  ClipboardPort,
  ConfirmPort,
  ConfirmQuestion,
  DialogPort,
  NotifierPort,
  ShellPort,
} from '../../src/core/os/ports';
import type { VaultPort } from '../../src/core/vault/vault-port';
import { browserDialogs } from '../../src/web-host/adapters/browser-dialogs';

/** A vault that really encrypts (AES-256-GCM) with a key held in memory; `backendName` can mimic Linux's basic_text. */
export class MemoryVault implements VaultPort {
  private key = randomBytes(32);
  available = true;
  constructor(public backendName = 'test-double') {}
  backend(): string {
    return this.backendName;
  }
  isEncryptionAvailable(): boolean {
    return this.available;
  }
  encrypt(plain: string): Buffer {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }
  decrypt(data: Buffer): string {
    const decipher = createDecipheriv('aes-256-gcm', this.key, data.subarray(0, 12));
    decipher.setAuthTag(data.subarray(12, 28));
    return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
  }
  /** Simulate a keychain change: old ciphertexts no longer decrypt. */
  rotateKey(): void {
    this.key = randomBytes(32);
  }
}

/** A clipboard in memory. */
export class MemoryClipboard implements ClipboardPort {
  text = '';
  async writeText(text: string): Promise<void> {
    this.text = text;
  }
  async readText(): Promise<string> {
    return this.text;
  }
  clear(): void {
    this.text = '';
  }
}

/** Records what would be opened. */
export class RecordingShell implements ShellPort {
  opened: string[] = [];
  paths: string[] = [];
  async openInBrowser(url: string): Promise<void> {
    this.opened.push(url);
  }
  async openPath(path: string): Promise<void> {
    this.paths.push(path);
  }
}

/**
 * Dialogs that answer from queues the test fills; an empty queue means the user cancelled. With `unavailable` (a
 * page served as by `gcw ui`), every dialog is refused as the browser host refuses it.
 */
export class ScriptedDialogs implements DialogPort {
  openQueue: string[] = [];
  folderQueue: string[] = [];
  saveQueue: string[] = [];
  unavailable = false;
  async openFile(options: Parameters<DialogPort['openFile']>[0]): Promise<string | null> {
    if (this.unavailable) return browserDialogs.openFile(options);
    return this.openQueue.shift() ?? null;
  }
  async chooseFolder(options: Parameters<DialogPort['chooseFolder']>[0]): Promise<string | null> {
    if (this.unavailable) return browserDialogs.chooseFolder(options);
    return this.folderQueue.shift() ?? null;
  }
  async saveFile(options: Parameters<DialogPort['saveFile']>[0]): Promise<string | null> {
    if (this.unavailable) return browserDialogs.saveFile(options);
    return this.saveQueue.shift() ?? null;
  }
}

/** Native confirmations answered from a queue the test fills; an empty queue is the safe answer (Escape, the default button). */
export class ScriptedConfirm implements ConfirmPort {
  answers: boolean[] = [];
  asked: ConfirmQuestion[] = [];
  async confirm(question: ConfirmQuestion): Promise<boolean> {
    this.asked.push(question);
    return this.answers.shift() ?? false;
  }
}

/** Records notifications. */
export class RecordingNotifier implements NotifierPort {
  shown: Array<{ title: string; body: string; onClick?: () => void }> = [];
  notify(options: { title: string; body: string; onClick?: () => void }): void {
    this.shown.push(options);
  }
}

/** Timers the test fires by hand (the clipboard's auto-clear), so no test waits on the clock. */
export class ManualTimers {
  queue: Array<{ fn: () => void; ms: number; id: number }> = [];
  private next = 1;
  setTimeout = (fn: () => void, ms: number): unknown => {
    this.queue.push({ fn, ms, id: this.next });
    return this.next++;
  };
  clearTimeout = (handle: unknown): void => {
    const i = this.queue.findIndex((q) => q.id === handle);
    if (i >= 0) this.queue.splice(i, 1);
  };
  /** Run every pending timer now. */
  fireAll(): void {
    for (const q of this.queue.splice(0)) q.fn();
  }
  /** Delays of the timers still waiting. */
  pendingDelays(): number[] {
    return this.queue.map((q) => q.ms);
  }
  /** Fire every waiting timer and let the promises they start settle. */
  async runAll(): Promise<void> {
    this.fireAll();
    await new Promise((resolve) => setImmediate(resolve));
  }
}
