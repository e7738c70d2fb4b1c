// A clock the test runs by hand, for the clipboard's auto-clear.
import type { Timers } from '../../src/core/os/clipboard-service';

/** Timers that fire only when the test says so. */
export class ManualTimers implements Timers {
  private next = 1;
  private readonly pending = new Map<number, { fn: () => void; ms: number }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  /** Delays of the timers still waiting. */
  pendingDelays(): number[] {
    return [...this.pending.values()].map((t) => t.ms);
  }

  /** Fire every waiting timer and let the promises they start settle. */
  async runAll(): Promise<void> {
    const due = [...this.pending.values()];
    this.pending.clear();
    for (const t of due) t.fn();
    await new Promise((resolve) => setImmediate(resolve));
  }
}
