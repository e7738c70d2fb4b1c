// What a contract call asks the page to do besides returning its result (the page, not the host, owns the clipboard).
import { AsyncLocalStorage } from 'node:async_hooks';

/** Effects gathered while one POST /api/<method> runs. */
export interface CallEffects {
  /** Text for the page to put on the clipboard. */
  clipboard?: string;
}

/** The effects of the call running now (undefined outside a call, e.g. in a timer). */
export const callEffects = new AsyncLocalStorage<CallEffects>();
