import type { ShellPort } from '../../core/os/ports';
import { childEnv, openInSystemBrowser } from '../open-browser';

/**
 * Links and folders opened on the machine gcw ui runs on (the same machine as the browser: it listens on loopback
 * only), with the CLI's opener: xdg-open, open or rundll32, no shell. Callers check the link allowlist first.
 */
export function systemShell(env: Record<string, string | undefined>): ShellPort {
  const open = async (target: string, what: string) => {
    if (!(await openInSystemBrowser(target, { env: childEnv(env, []) })))
      throw new Error(`The ${what} could not be opened: no opener (xdg-open, open) worked on this machine.`);
  };
  return {
    openInBrowser: (url) => open(url, 'link'),
    openPath: (path) => open(path, 'folder'),
  };
}
