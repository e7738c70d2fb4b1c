// JSON.parse keeps the last of two equal keys in an object without a word. A hand-merged manifest can say
// "signInAudience" twice with different values, so the text is scanned once more for keys repeated in one object.

/** A key that appears more than once in one object. */
export interface DuplicateKey {
  /** Where the object is: "" for the top level, else e.g. "web" or "keyCredentials[0]". */
  path: string;
  key: string;
  /** 1-based line of each occurrence. */
  lines: number[];
  /** True when every occurrence has the same value text. */
  sameValue: boolean;
}

interface Occurrence {
  line: number;
  start: number;
  end: number;
}

interface ObjectFrame {
  type: 'object';
  path: string;
  keys: Map<string, Occurrence[]>;
  awaitingKey: boolean;
  current: Occurrence | null;
  currentKey: string;
}

interface ArrayFrame {
  type: 'array';
  path: string;
  index: number;
}

/**
 * Keys repeated within one object of a JSON text that JSON.parse has already accepted, in order of their object's
 * end; at most `limit` are returned. Iterative (no recursion), one pass over the text.
 */
export function findDuplicateKeys(text: string, limit = 20): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  const stack: Array<ObjectFrame | ArrayFrame> = [];
  let line = 1;
  let i = 0;
  const childPath = (): string => {
    const top = stack.at(-1);
    if (!top) return '';
    if (top.type === 'array') return `${top.path}[${top.index}]`;
    return top.path ? `${top.path}.${top.currentKey}` : top.currentKey;
  };
  const valueEnds = (end: number): void => {
    const top = stack.at(-1);
    if (top?.type === 'object' && top.current) {
      top.current.end = end;
      top.current = null;
    }
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === ':') {
      i++;
    } else if (c === ',') {
      const top = stack.at(-1);
      if (top?.type === 'array') top.index++;
      else if (top) top.awaitingKey = true;
      i++;
    } else if (c === '{' || c === '[') {
      const path = childPath();
      stack.push(
        c === '{'
          ? { type: 'object', path, keys: new Map(), awaitingKey: true, current: null, currentKey: '' }
          : { type: 'array', path, index: 0 },
      );
      i++;
    } else if (c === '}' || c === ']') {
      const frame = stack.pop();
      if (frame?.type === 'object' && out.length < limit) collect(frame, text, out, limit);
      i++;
      valueEnds(i);
    } else if (c === '"') {
      const end = stringEnd(text, i);
      const top = stack.at(-1);
      if (top?.type === 'object' && top.awaitingKey) {
        const raw = text.slice(i + 1, end - 1);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        const occurrence: Occurrence = { line, start: end, end: end };
        const seen = top.keys.get(key);
        if (seen) seen.push(occurrence);
        else top.keys.set(key, [occurrence]);
        top.current = occurrence;
        top.currentKey = key;
        top.awaitingKey = false;
        i = end;
      } else {
        i = end;
        valueEnds(i);
      }
    } else {
      // A number, true, false or null.
      while (i < text.length && !literalEnd.has(text.charCodeAt(i))) i++;
      valueEnds(i);
    }
  }
  return out;
}

function collect(frame: ObjectFrame, text: string, out: DuplicateKey[], limit: number): void {
  for (const [key, occurrences] of frame.keys) {
    if (occurrences.length < 2 || out.length >= limit) continue;
    const values = occurrences.map((o) =>
      text
        .slice(o.start, o.end)
        .replace(/^\s*:\s*/, '')
        .trim(),
    );
    out.push({
      path: frame.path,
      key,
      lines: occurrences.map((o) => o.line),
      sameValue: values.every((v) => v === values[0]),
    });
  }
}

// , ] } and JSON white space end a number, true, false or null.
const literalEnd = new Set([0x2c, 0x5d, 0x7d, 0x20, 0x09, 0x0a, 0x0d]);

/** The index just past the closing quote of the string that starts at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const quote = text.indexOf('"', i);
    if (quote < 0) return text.length;
    let backslashes = 0;
    for (let j = quote - 1; j > start && text.charCodeAt(j) === 0x5c; j--) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    i = quote + 1;
  }
  return i;
}
