// What the harness injects into every page before the app's scripts: window.workbench built by the preload's own
// buildApi (src/shared/contract/names.ts), calling the Node host through the __workbenchCall binding.
import { buildApi, eventNames, methodNames } from '../../../src/shared/contract/names';

const w = window as unknown as {
  __workbenchCall(name: string, input: unknown): Promise<unknown>;
  __workbenchEmit(name: string, payload: unknown): void;
};
const listeners = new Map<string, Set<(payload: unknown) => void>>();
const known = new Set<string>(eventNames);
w.__workbenchEmit = (name, payload) => listeners.get(name)?.forEach((listener) => listener(payload));

const api = buildApi(
  methodNames,
  (name, input) => w.__workbenchCall(name, input),
  (name, listener) => {
    if (!known.has(name)) throw new Error(`Unknown event ${name}`);
    const set = listeners.get(name) ?? new Set();
    listeners.set(name, set.add(listener));
    return () => set.delete(listener);
  },
);
Object.defineProperty(window, 'workbench', { value: api, configurable: false, writable: false });
