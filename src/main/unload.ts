import type { WebContents } from 'electron';

/**
 * The page cancels an unload (reload, closing the window, quitting) while a form has unsaved changes. Electron
 * shows no dialog for that by itself, so without this the window would silently refuse to close. Ask the admin;
 * `leave` true lets the unload go on (preventDefault on this event means "ignore the page's objection").
 */
export function confirmUnload(contents: WebContents, ask: () => boolean): void {
  contents.on('will-prevent-unload', (event) => {
    if (ask()) event.preventDefault();
  });
}

/** The native dialog's wording: the same choice the in-app dialog offers, Stay being the safe default. */
export const unloadQuestion = {
  type: 'question' as const,
  title: 'Leave without saving?',
  message: 'Leave without saving?',
  detail: 'A form on this page has changes that are not saved. If you leave now, they are lost.',
  buttons: ['Leave and discard changes', 'Stay and keep editing'],
  defaultId: 1,
  cancelId: 1,
  noLink: true,
};
