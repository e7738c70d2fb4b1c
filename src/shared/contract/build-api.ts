// window.workbench from a generic caller. No zod and no schemas here: the `gcw ui` client script bundles this file alone.

/**
 * Where the renderer runs: `desktop` is the Electron window (OS file dialogs, OS notifications, printToPDF);
 * `browser` is a tab served by `gcw ui` (file inputs and downloads instead of dialogs, notices in the page).
 */
export type WorkbenchHost = 'desktop' | 'browser';

/** Build the nested api object (`api.<namespace>.<method>(input)`, `onEvent`, `host`); used by the preload, the `gcw ui` client and tests. */
export function buildApiObject(
  names: readonly string[],
  call: (name: string, input: unknown) => Promise<unknown>,
  subscribe: (name: string, listener: (payload: unknown) => void) => () => void,
  host: WorkbenchHost = 'desktop',
): unknown {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of names) {
    const dot = name.indexOf('.');
    const ns = name.slice(0, dot);
    const member = name.slice(dot + 1);
    api[ns] ??= {};
    api[ns][member] = (input: unknown) => call(name, input ?? {});
  }
  for (const group of Object.values(api)) Object.freeze(group);
  return Object.freeze({ ...api, onEvent: subscribe, host });
}
