import { WorkbenchError } from '../../core/errors';
import type { DialogPort } from '../../core/os/ports';

const refuse = (what: string): Promise<never> =>
  Promise.reject(
    new WorkbenchError(
      'dialog.unavailable',
      `The browser version has no ${what}: the page offers a file picker or a download instead. Reload the page if this button asked for a dialog.`,
    ),
  );

/**
 * No OS dialogs in `gcw ui`: the host may run where no one sees its screen, and a browser tab cannot reach one. The
 * renderer uses file inputs and downloads when `window.workbench.host` is `browser`; a call that still asks is refused.
 */
export const browserDialogs: DialogPort = {
  openFile: () => refuse('file dialog'),
  chooseFolder: () => refuse('folder dialog'),
  saveFile: () => refuse('save dialog'),
};
