// Text that came from input (token claims, manifest fields, file names, error texts) is printed to a terminal with
// its control characters shown as text: an ESC or OSC sequence in a displayName must not recolour, retitle or rewrite
// the admin's terminal. Markdown and HTML outputs have their own escapers; this is for plain text on stdout/stderr.

// C0 controls, DEL, C1 controls (ESC is \x1b), and the Unicode line/paragraph separators and bidi controls that can
// reorder what a terminal shows.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const inlineControls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const blockControls = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function shown(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** One value on one line: every control character, including newline and tab, becomes `\xNN` text. */
export function plain(value: unknown): string {
  return String(value).replace(inlineControls, shown);
}

/** A block of text (several lines): newlines and tabs stay, every other control character becomes `\xNN` text. */
export function plainBlock(value: string): string {
  return value.replace(blockControls, shown);
}
