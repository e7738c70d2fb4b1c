import { appHandlers, clipboardHandlers, settingsHandlers } from './app-handlers';
import type { AppContext } from './context';
import { profilesHandlers } from './profiles-handlers';
import { scopesHandlers } from './scopes-handlers';
import { signinHandlers } from './signin-handlers';
import type { Handlers } from './dispatcher';

/** Every contract handler, built over one context. Features add their handler maps here. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...settingsHandlers(ctx),
    ...clipboardHandlers(ctx),
    ...profilesHandlers(ctx),
    ...scopesHandlers(ctx),
    ...signinHandlers(ctx),
  };
}
