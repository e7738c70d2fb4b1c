// Helpers for the renderer's unit tests (jsdom + React Testing Library): a window.workbench answering from a table
// of handlers, and promises a test resolves in the order it wants.
import { buildApi, eventNames, methodNames } from '../../../../src/shared/contract/names';
import type { WorkbenchApi } from '../../../../src/shared/contract/names';

/** A promise with its resolve function, so a test decides which answer arrives first. */
export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** What a fake workbench records and lets a test do. */
export interface FakeWorkbench {
  api: WorkbenchApi;
  calls: Array<{ name: string; input: unknown }>;
  emit(name: string, payload: unknown): void;
}

/**
 * Install window.workbench built by the preload's own buildApi; `handlers` answer by method name (a method without
 * one answers an error a test would see).
 */
export function installWorkbench(handlers: Record<string, (input: never) => unknown>): FakeWorkbench {
  const calls: FakeWorkbench['calls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api = buildApi(
    methodNames,
    async (name, input) => {
      calls.push({ name, input });
      const handler = handlers[name];
      if (!handler)
        return { ok: false, error: { code: 'internal.unexpected', message: `No test handler for ${name}` } };
      return handler(input as never);
    },
    (name, listener) => {
      if (!(eventNames as readonly string[]).includes(name)) throw new Error(`Unknown event ${name}`);
      const set = listeners.get(name) ?? new Set();
      listeners.set(name, set.add(listener));
      return () => set.delete(listener);
    },
  );
  Object.defineProperty(window, 'workbench', { value: api, configurable: true, writable: false });
  return { api, calls, emit: (name, payload) => listeners.get(name)?.forEach((l) => l(payload)) };
}
