/**
 * The one Markdown escaper of every Markdown the Workbench writes (connection records, verify reports): text from
 * outside (profile fields and notes, manifest names and URIs, messages quoting them) becomes one inert line.
 * - Every character that can open Markdown or HTML syntax is backslash-escaped: `\` `` ` `` `*` `_` `~` `[` `]`
 *   `<` `>` `#` `|` `&`, so `[link](…)`, `![img](…)`, `<autolink>`, raw HTML, emphasis, code and table cells stay text
 *   (an underscore between two letters or digits, as in `offline_access`, cannot be emphasis and is left as it is).
 * - A leading `-`, `+`, `=` or `1.`/`1)` is escaped too, so the line cannot become a list or a heading underline.
 * - Line breaks and tabs become spaces; other control characters (ESC, NUL, DEL, C1) and bidirectional overrides are
 *   written as `\xHH` / `\uHHHH`, so no raw control byte reaches a terminal or an editor.
 */
export function escapeMarkdown(text: string): string {
  const line = text
    .replace(/\r\n?|\n|\t/g, ' ')
    .trim()
    .replace(/[\\`*_~[\]<>#|&]/g, (c, at: number, all: string) => (c === '_' && inWord(all, at) ? c : `\\${c}`))
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d{1,9})([.)])/, '$1\\$2');
  // eslint-disable-next-line no-control-regex
  return line.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => `\\x${hex(c, 2)}`).replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${hex(c, 4)}`);
}

/** An underscore between two letters or digits (`offline_access`) can neither open nor close emphasis: left as it is, for readable identifiers. */
function inWord(text: string, at: number): boolean {
  return /[\p{L}\p{N}]/u.test(text[at - 1] ?? '') && /[\p{L}\p{N}]/u.test(text[at + 1] ?? '');
}

function hex(c: string, width: number): string {
  return (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(width, '0');
}
