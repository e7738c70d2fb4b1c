import { appHandlers, clipboardHandlers, settingsHandlers } from './app-handlers';
import { certificateHandlers } from './certificate-handlers';
import type { AppContext } from './context';
import { graphHandlers } from './graph-handlers';
import { profilesHandlers } from './profiles-handlers';
import { recordsHandlers } from './records-handlers';
import { scopesHandlers } from './scopes-handlers';
import { signinHandlers } from './signin-handlers';
import type { Handlers } from './dispatcher';
import { verifyHandlers } from './verify-handlers';
import { wizardHandlers } from './wizard-handlers';

/** Every contract handler, built over one context. Features add their handler maps here. */
export function createHandlers(ctx: AppContext): Handlers {
  return {
    ...appHandlers(ctx),
    ...settingsHandlers(ctx),
    ...clipboardHandlers(ctx),
    ...profilesHandlers(ctx),
    ...scopesHandlers(ctx),
    ...certificateHandlers(ctx),
    ...verifyHandlers(ctx),
    ...signinHandlers(ctx),
    ...wizardHandlers(ctx),
    ...recordsHandlers(ctx),
    ...graphHandlers(ctx),
  };
}
