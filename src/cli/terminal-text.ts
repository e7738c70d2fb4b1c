// Text that came from input (token claims, manifest fields, file names, error texts) is printed to a terminal with
// its control characters shown as text (`\x1b`, `\u202e`; src/core/control-text.ts, the same form the Markdown
// escaper writes): an ESC or OSC sequence in a displayName must not recolour, retitle or rewrite the admin's terminal.
// Markdown and HTML outputs have their own escapers; this is for plain text on stdout/stderr.
import { showControls } from '../core/control-text';

/** One value on one line: every control character, including newline and tab, becomes `\xNN` text. */
export function plain(value: unknown): string {
  return showControls(String(value));
}

/** A block of text (several lines): newlines and tabs stay, every other control character becomes `\xNN` text. */
export function plainBlock(value: string): string {
  return showControls(value, '\n\t');
}
