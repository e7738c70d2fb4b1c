import { event } from './define';
import type { Notice } from './app';
import type { GenerationStage } from '../certificates';
import type { SigninProgressEvent } from './signin';

/** Events main sends to the renderer. */
export const contractEvents = {
  'app.notice': event<Notice>('A new notice to show (e.g. the clipboard was cleared).'),
  'app.navigate': event<{ page: string }>('The menu or a notification asked to show a page.'),
  'certificates.progress': event<{ operationId: string | null; stage: GenerationStage }>(
    'A stage of generating a certificate (key, certificate, signature, done).',
  ),
  'signin.progress': event<SigninProgressEvent>(
    'A step of a running sign-in test (listening with the redirect URI to register, browser opened, redeeming, done).',
  ),
};
