import { event } from './define';
import type { Notice } from './app';
import type { SigninProgressEvent } from './signin';

/** Events main sends to the renderer. */
export const contractEvents = {
  'app.notice': event<Notice>('A new notice to show (e.g. the clipboard was cleared).'),
  'app.navigate': event<{ page: string }>('The menu or a notification asked to show a page.'),
  'signin.progress': event<SigninProgressEvent>('A step of a running sign-in test (listening with the redirect URI to register, browser opened, redeeming, done).'),
};
