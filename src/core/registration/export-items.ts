// Splits a JSON text fed in chunks into the app registrations it holds, without parsing or holding the whole text:
// a Microsoft Graph `GET /applications` export (`{ "@odata.context": …, "value": [ app, app, … ] }`) or a list such
// as `az ad app list` prints (`[ app, app, … ]`) gives one item per element; anything else (one manifest) is given
// back whole. Only the current element is kept in memory, so a 500 MB export of 50,000 apps needs a few KB.

/** What the splitter found: the whole text (one manifest), an element of an export, or an element too large to keep. */
export type JsonExportItem =
  | { kind: 'whole'; text: string }
  | { kind: 'item'; index: number; text: string }
  | { kind: 'too-large'; index: number | null; bytes: number };

const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0xfeff;
}

/**
 * Feed chunks in order with `push`, then call `end`; both return the items completed so far. The text is assumed to be
 * JSON: a malformed element is still handed over as an item, and the verifier then says what is wrong with it.
 */
export class JsonExportSplitter {
  private state: 'start' | 'object' | 'items' | 'after' = 'start';
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Depth inside the export's array (1 for a top-level list, 2 for `value` in an object). */
  private itemDepth = 0;
  private index = 0;
  /** Object state: the text so far, in case it is one manifest. */
  private whole: string[] = [];
  private wholeLength = 0;
  private wholeTooLarge = false;
  /** Items state: the current element's text. */
  private item: string[] = [];
  private itemLength = 0;
  private collecting = false;
  private itemTooLarge = false;
  /** Object state: the last string at depth 1, and the key whose value comes next. */
  private keyParts: string[] | null = null;
  private lastString = '';
  private pendingKey: string | null = null;
  /** True when the export names a next page (`@odata.nextLink`): it is not the whole tenant. */
  hasNextLink = false;

  constructor(private readonly maxItemChars: number) {}

  /** The elements completed by this chunk. */
  push(chunk: string): JsonExportItem[] {
    const out: JsonExportItem[] = [];
    let itemStart = this.collecting ? 0 : -1;
    let keyStart = this.keyParts ? 0 : -1;
    let nextBackslash = -2;
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          continue;
        }
        // Jump to the next quote or backslash: most of an export is string content.
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = chunk.indexOf('\\', i);
        const quote = chunk.indexOf('"', i);
        if (nextBackslash !== -1 && (quote === -1 || nextBackslash < quote)) {
          i = nextBackslash;
          this.escaped = true;
          continue;
        }
        if (quote === -1) break; // the string goes on in the next chunk
        i = quote;
        this.inString = false;
        if (keyStart !== -1) {
          this.keyParts!.push(chunk.slice(keyStart, i));
          this.lastString = this.keyParts!.join('');
          if (this.lastString === '@odata.nextLink') this.hasNextLink = true;
          this.keyParts = null;
          keyStart = -1;
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (this.state === 'start') {
        if (isSpace(c)) continue;
        if (c === OPEN_BRACKET) {
          this.state = 'items';
          this.itemDepth = 1;
          this.depth = 1;
          continue;
        }
        this.state = 'object';
      }
      if (this.state === 'items' && this.depth === this.itemDepth) {
        if (c === COMMA || c === CLOSE_BRACKET) {
          if (this.collecting) {
            out.push(this.finishItem(chunk, itemStart, i));
            itemStart = -1;
          }
          if (c === CLOSE_BRACKET) {
            this.depth -= 1;
            this.state = 'after';
          }
          continue;
        }
        if (!this.collecting && !isSpace(c)) {
          this.collecting = true;
          this.item = [];
          this.itemLength = 0;
          this.itemTooLarge = false;
          itemStart = i;
        }
      }
      if (c === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && (this.state === 'object' || this.state === 'after')) {
          this.keyParts = [];
          keyStart = i + 1;
        }
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.depth += 1;
        if (c === OPEN_BRACKET && this.depth === 2 && this.state === 'object' && this.pendingKey === 'value') {
          // The export's list: what came before it is not a manifest, drop it.
          this.state = 'items';
          this.itemDepth = 2;
          this.whole = [];
          this.wholeLength = 0;
        }
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth -= 1;
      } else if (c === COLON && this.depth === 1) {
        this.pendingKey = this.lastString;
      } else if (c === COMMA && this.depth === 1) {
        this.pendingKey = null;
      }
    }
    if (this.keyParts && keyStart !== -1) this.keyParts.push(chunk.slice(keyStart));
    if (this.collecting && itemStart !== -1) this.keep('item', chunk.slice(itemStart));
    if (this.state === 'object') this.keep('whole', chunk);
    return out;
  }

  /** What is left at the end of the text: the whole manifest, or an element the text ended in. */
  end(): JsonExportItem[] {
    if (this.state === 'items' && this.collecting) return [this.finishItem('', -1, 0)];
    if (this.state === 'object' || this.state === 'start') {
      if (this.wholeTooLarge) return [{ kind: 'too-large', index: null, bytes: this.wholeLength }];
      return [{ kind: 'whole', text: this.whole.join('') }];
    }
    return [];
  }

  private keep(where: 'item' | 'whole', text: string): void {
    if (where === 'item') {
      this.itemLength += text.length;
      if (this.itemLength > this.maxItemChars) {
        this.itemTooLarge = true;
        this.item = [];
      } else this.item.push(text);
      return;
    }
    this.wholeLength += text.length;
    if (this.wholeLength > this.maxItemChars) {
      this.wholeTooLarge = true;
      this.whole = [];
    } else if (!this.wholeTooLarge) this.whole.push(text);
  }

  private finishItem(chunk: string, start: number, end: number): JsonExportItem {
    if (start !== -1) this.keep('item', chunk.slice(start, end));
    this.collecting = false;
    const index = this.index++;
    if (this.itemTooLarge) return { kind: 'too-large', index, bytes: this.itemLength };
    const text = this.item.join('').trimEnd();
    this.item = [];
    return { kind: 'item', index, text };
  }
}
