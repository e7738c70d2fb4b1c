import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The browser is opened on a local file that redirects to the link, not on the link itself: a command line is
 * visible to every user of the machine (ps, /proc/<pid>/cmdline), and the link's token would be theirs to use first.
 * The file is owner-only (0600) in the data folder and removed once the link has been used, or when gcw ui stops.
 */
export function writeRedirectFile(folder: string, link: string): { url: string; remove: () => void } {
  const file = join(folder, `open-${randomBytes(6).toString('hex')}.html`);
  const attr = link.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  writeFileSync(
    file,
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><meta http-equiv="refresh" content="0;url=${attr}"><title>Graph Connection Workbench</title></head><body><p>Opening the Workbench… If nothing happens, open the link gcw ui printed.</p></body></html>\n`,
    { mode: 0o600, flag: 'wx' },
  );
  let removed = false;
  return {
    url: pathToFileURL(file).href,
    remove: () => {
      if (removed) return;
      removed = true;
      rmSync(file, { force: true });
    },
  };
}
