import type { ClipboardPort } from '../../core/os/ports';
import { callEffects } from '../call-effects';

/**
 * The clipboard of a browser tab: the host has no access to the OS clipboard, so a copy travels back with the call's
 * response and the page writes it (navigator.clipboard.writeText). The page cannot read the clipboard later without a
 * permission prompt, so a copied secret is not cleared automatically (`canClear: false`; the page says so).
 */
export const pageClipboard: ClipboardPort = {
  canClear: false,
  async writeText(text) {
    const effects = callEffects.getStore();
    if (!effects) throw new Error('Only a call from the page can copy to its clipboard.');
    effects.clipboard = text;
  },
  async readText() {
    return '';
  },
  clear() {
    // Nothing to clear from here: see canClear.
  },
};
