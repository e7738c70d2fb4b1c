import type { ClipboardPort } from './ports';

/** Timers, injectable so tests can run the clock. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Node's timers, unref'd so a pending timer never keeps the process alive. */
export const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** Copies text; a copied secret is cleared from the clipboard after the configured seconds if it is still there. */
export class ClipboardService {
  private pending: unknown = null;
  /** The secret this service put on the clipboard last, until it is cleared or replaced. */
  private secret: string | null = null;

  constructor(
    private readonly port: ClipboardPort,
    private readonly clearAfterSeconds: () => number,
    private readonly onCleared: () => void = () => undefined,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Copy text; returns after how many seconds it will be cleared (null for non-secrets, and where the clipboard cannot be cleared later). */
  async copy(text: string, options: { secret: boolean }): Promise<{ clearsInSeconds: number | null }> {
    await this.port.writeText(text);
    if (this.pending !== null) {
      this.timers.clearTimeout(this.pending);
      this.pending = null;
    }
    this.secret = options.secret && this.port.canClear !== false ? text : null;
    if (!options.secret || this.port.canClear === false) return { clearsInSeconds: null };
    const seconds = this.clearAfterSeconds();
    this.pending = this.timers.setTimeout(() => {
      this.pending = null;
      this.secret = null;
      // Only clear what we put there: the user may have copied something else since.
      void this.port.readText().then((current) => {
        if (current !== text) return;
        this.port.clear();
        this.onCleared();
      });
    }, seconds * 1000);
    return { clearsInSeconds: seconds };
  }

  /** On quit: cancel the pending clear and clear the clipboard at once if it still holds the secret we copied (never the user's own text). */
  async dispose(): Promise<void> {
    if (this.pending !== null) this.timers.clearTimeout(this.pending);
    this.pending = null;
    const secret = this.secret;
    this.secret = null;
    if (secret === null) return;
    if ((await this.port.readText()) === secret) this.port.clear();
  }
}
