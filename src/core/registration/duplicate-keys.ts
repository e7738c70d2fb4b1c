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
    const key = top.current ? lastKey(top) : '';
    return top.path ? `${top.path}.${key}` : key;
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
      stack.push(c === '{' ? { type: 'object', path, keys: new Map(), awaitingKey: true, current: null } : { type: 'array', path, index: 0 });
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
        const key = JSON.parse(text.slice(i, end)) as string;
        const occurrence: Occurrence = { line, start: end, end: end };
        top.keys.set(key, [...(top.keys.get(key) ?? []), occurrence]);
        top.current = occurrence;
        top.awaitingKey = false;
        i = end;
      } else {
        i = end;
        valueEnds(i);
      }
    } else {
      // A number, true, false or null.
      while (i < text.length && !/[,\]}\s]/.test(text[i] ?? '')) i++;
      valueEnds(i);
    }
  }
  return out;
}

function lastKey(frame: ObjectFrame): string {
  for (const [key, occurrences] of frame.keys) if (occurrences.includes(frame.current as Occurrence)) return key;
  return '';
}

function collect(frame: ObjectFrame, text: string, out: DuplicateKey[], limit: number): void {
  for (const [key, occurrences] of frame.keys) {
    if (occurrences.length < 2 || out.length >= limit) continue;
    const values = occurrences.map((o) => text.slice(o.start, o.end).replace(/^\s*:\s*/, '').trim());
    out.push({ path: frame.path, key, lines: occurrences.map((o) => o.line), sameValue: values.every((v) => v === values[0]) });
  }
}

/** The index just past the closing quote of the string that starts at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const c = text[i];
    if (c === '\\') i += 2;
    else if (c === '"') return i + 1;
    else i++;
  }
  return i;
}
