import { createHash } from 'node:crypto';
import type { Notice } from '../../shared/contract/app';
import type { NotifierPort } from '../../core/os/ports';

/**
 * Notifications in the page: a browser tab served by `gcw ui` shows them with the app's notices (the host does not
 * ask for the browser's notification permission). `show` adds the notice to the board, so a page opened later sees
 * it too, and sends it to the open pages. A click action cannot travel: the message says where to go.
 */
export function pageNotifier(show: (notice: Notice) => void): NotifierPort {
  return {
    notify({ title, body }) {
      const id = `notification:${createHash('sha256').update(title).digest('hex').slice(0, 16)}`;
      show({ id, severity: 'warning', title, message: body });
    },
  };
}
