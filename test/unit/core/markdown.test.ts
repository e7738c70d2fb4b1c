// The one Markdown escaper (src/core/markdown.ts) and the two Markdown writers that use it: the connection record and
// the verify report. Hostile text (a profile name, notes, a manifest's display name) stays text: no live link or image,
// no raw HTML, no control byte, no structure it did not have.
import { describe, expect, it } from 'vitest';
import { plain } from '../../../src/cli/terminal-text';
import { escapeMarkdown } from '../../../src/core/markdown';
import { buildConnectionRecord } from '../../../src/core/records/build-record';
import { renderRecordMarkdown } from '../../../src/core/records/render-markdown';
import { verifyManifest } from '../../../src/core/registration';
import { renderReportMarkdown } from '../../../src/core/registration/render-markdown';
import { drafts, NOW } from './connections/fixtures';
import { openStore } from './connections/store-host';
import { goodSpec, goodTarget, manifestJson } from './registration/manifest-builders';

const hostile =
  'Robot ![pixel](https://evil.example/p.png) [click](https://evil.example) <img src=x onerror=alert(1)> \u001b[31mred\u001b[0m \u202eevil\u202c | *bold* `code`';

/** Control characters other than tab and line feed, DEL, C1, and bidirectional overrides. */
// eslint-disable-next-line no-control-regex
const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

/** True when the Markdown holds a link or image opener that is not backslash-escaped. */
function liveLinkOrImage(md: string): boolean {
  return /(^|[^\\])!?\[[^\]]*[^\\]\]\(/.test(md);
}

describe('escapeMarkdown', () => {
  it('makes links, images, autolinks and HTML inert', () => {
    expect(escapeMarkdown('[click](https://evil.example)')).toBe('\\[click\\](https://evil.example)');
    expect(escapeMarkdown('![img](https://evil.example/p.png)')).toBe('!\\[img\\](https://evil.example/p.png)');
    expect(escapeMarkdown('<https://evil.example>')).toBe('\\<https://evil.example\\>');
    expect(escapeMarkdown('<img src=x onerror=alert(1)>')).toBe('\\<img src=x onerror=alert(1)\\>');
    expect(escapeMarkdown('&#91;x&#93;(y)')).toBe('\\&\\#91;x\\&\\#93;(y)');
  });

  it('writes every control character in the same form gcw prints to a terminal (one behaviour: \\x1b, \\u202e)', () => {
    const controls = [
      ...Array.from({ length: 0x20 }, (_, i) => i),
      ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
      0x61c,
      0x200e,
      0x200f,
      0x2028,
      0x2029,
      0x202a,
      0x202e,
      0x2066,
      0x2069,
    ];
    for (const code of controls.filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d)) {
      const c = String.fromCharCode(code);
      expect(escapeMarkdown(`a${c}b`), `U+${code.toString(16)}`).toBe(`a${plain(c)}b`);
    }
  });

  it('writes control bytes and bidirectional overrides as visible escapes, never raw', () => {
    expect(escapeMarkdown('\u001b[31mred\u001b[0m')).toBe('\\x1b\\[31mred\\x1b\\[0m');
    expect(escapeMarkdown('a\u0000b\u007fc\u009bd')).toBe('a\\x00b\\x7fc\\x9bd');
    expect(escapeMarkdown('abc\u202edef\u2066')).toBe('abc\\u202edef\\u2066');
    for (let code = 0; code < 0xa0; code += 1) {
      if (code >= 0x20 && code < 0x7f) continue;
      expect(escapeMarkdown(`x${String.fromCharCode(code)}y`)).not.toMatch(rawControl);
    }
  });

  it('keeps the text on one line, without structure: tables, emphasis, code, headings, lists, quotes', () => {
    expect(escapeMarkdown('a|b*c_d[e](f)<g>\nh')).toBe('a\\|b\\*c_d\\[e\\](f)\\<g\\> h');
    // An underscore inside a word cannot be emphasis and stays readable; at a word's edge it is escaped.
    expect(escapeMarkdown('offline_access _emphasis_ snake_case_ x_')).toBe(
      'offline_access \\_emphasis\\_ snake_case\\_ x\\_',
    );
    expect(escapeMarkdown('https://contoso.com/provisioning_/callback')).toBe(
      'https://contoso.com/provisioning\\_/callback',
    );
    expect(escapeMarkdown('line one\r\nline two\tend')).toBe('line one line two end');
    expect(escapeMarkdown('# Title')).toBe('\\# Title');
    expect(escapeMarkdown('> quote')).toBe('\\> quote');
    expect(escapeMarkdown('- item')).toBe('\\- item');
    expect(escapeMarkdown('+ item')).toBe('\\+ item');
    expect(escapeMarkdown('=====')).toBe('\\=====');
    expect(escapeMarkdown('1. first')).toBe('1\\. first');
    expect(escapeMarkdown('2) second')).toBe('2\\) second');
    expect(escapeMarkdown('`x` ~~y~~ \\n')).toBe('\\`x\\` \\~\\~y\\~\\~ \\\\n');
    expect(escapeMarkdown('6e0f63b4-d16c-4038-9a2a-8674e56d7ccf')).toBe('6e0f63b4-d16c-4038-9a2a-8674e56d7ccf');
  });
});

describe('every Markdown output uses it', () => {
  it('the connection record: a hostile profile name and notes stay text', () => {
    const { store } = openStore();
    const { entry } = store.create({
      ...drafts['client-credentials'](),
      name: hostile,
      notes: `${hostile}\n# Not a heading\n- not a list`,
    });
    const md = renderRecordMarkdown(
      buildConnectionRecord({ entry, history: [], verification: null, now: NOW, generator: 'test' }),
    );
    expect(liveLinkOrImage(md)).toBe(false);
    expect(md).not.toMatch(rawControl);
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).toContain('\\x1b\\[31mred');
    expect(md).not.toMatch(/^# Not a heading/m);
    expect(md).not.toMatch(/^- not a list/m);
  });

  it('the verify report: a hostile display name stays text', () => {
    const spec = goodSpec();
    spec.displayName = hostile;
    const md = renderReportMarkdown(
      verifyManifest(manifestJson(spec, 'graph'), goodTarget('client-credentials'), { fileName: 'x.json' }),
    );
    expect(liveLinkOrImage(md.replace(/\[Open in the admin center\]\(https:\/\/[^)\s]+\)/g, ''))).toBe(false);
    expect(md).not.toMatch(rawControl);
    expect(md).not.toMatch(/(^|[^\\])<img/);
    expect(md).toContain('Robot !\\[pixel\\]');
  });
});
