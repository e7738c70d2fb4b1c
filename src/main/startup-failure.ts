// What the user sees when the app cannot start (instead of a windowless process that holds the single-instance lock
// and makes every later start quit silently).

/** Title and text of the error box shown before the app exits with code 1. */
export function startupFailureMessage(error: unknown, dataFolder: string | null): { title: string; content: string } {
  const what = error instanceof Error ? error.message : String(error);
  const where = dataFolder ? `The app keeps its settings, profiles and log in:\n${dataFolder}\n\n` : '';
  return {
    title: 'Graph Connection Workbench could not start',
    content:
      `${what}\n\n${where}` +
      'Check that this folder exists, that you can write to it and that its disk is not full, and that no other program ' +
      '(a backup or sync tool, an antivirus scan) holds its files open. Then start the app again.',
  };
}
