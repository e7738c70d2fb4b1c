// Control characters shown as text, in one form for every output the Workbench writes (gcw's terminal text, Markdown
// records and reports): text from outside (a displayName holding ESC]0;…BEL, a claim, a file name) must not recolour,
// retitle or reorder what the admin sees, and must still show that something was there.

// C0 controls, DEL and C1 controls (ESC is \x1b, CSI \x9b), and the invisible characters that break or reorder a line:
// the Arabic letter mark (U+061C), LRM/RLM (U+200E/F), the line and paragraph separators (U+2028/9), bidi embeddings
// and overrides (U+202A–E) and isolates (U+2066–9).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controls = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One control character as text: `\x1b` up to U+00FF, `\u202e` above (lowercase hex, as JavaScript and JSON write). */
export function controlAsText(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every control character written as text, except those in `keep` (e.g. '\n\t' for a block of lines). */
export function showControls(text: string, keep = ''): string {
  return text.replace(controls, (c) => (keep.includes(c) ? c : controlAsText(c)));
}
