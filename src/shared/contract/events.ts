import { event } from './define';
import type { Notice } from './app';

/** Events main sends to the renderer. */
export const contractEvents = {
  'app.notice': event<Notice>('A new notice to show (e.g. the clipboard was cleared).'),
  'app.navigate': event<{ page: string }>('The menu or a notification asked to show a page.'),
};
