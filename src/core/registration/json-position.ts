// JSON.parse's messages differ between Node versions and sometimes carry no position (and quote the input, which
// may hold a secret). This scanner runs only after JSON.parse has failed and names the place and the problem itself.

/** Where a JSON text stops being valid and why, in plain words. */
export interface JsonErrorLocation {
  offset: number;
  line: number;
  column: number;
  problem: string;
}

type State = 'value' | 'valueOrEnd' | 'afterValue' | 'keyOrEnd' | 'key' | 'colon';

const whitespace = new Set([' ', '\t', '\n', '\r']);
const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const wordPattern = /[A-Za-z_$][\w$]*/y;

/** Line and column (1-based) of an offset in a text. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/** Find the first place a text is not valid JSON; null when it is valid. */
export function locateJsonError(text: string): JsonErrorLocation | null {
  const stack: Array<'{' | '['> = [];
  let state: State = 'value';
  let i = 0;
  let afterComma = false;
  const fail = (offset: number, problem: string): JsonErrorLocation => ({
    offset,
    ...lineAndColumn(text, offset),
    problem,
  });

  while (true) {
    while (i < text.length && whitespace.has(text[i] ?? '')) i++;
    if (i >= text.length) {
      if (state === 'afterValue' && stack.length === 0) return null;
      if (stack.length === 0 && state === 'value') return fail(i, 'the file holds no JSON value');
      return fail(
        i,
        `the text ends before the JSON is complete (a closing ${stack.at(-1) === '[' ? "']'" : "'}'"} or a value is missing)`,
      );
    }
    const ch = text[i] ?? '';
    if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) return fail(i, 'comments are not allowed in JSON');

    switch (state) {
      case 'value':
      case 'valueOrEnd': {
        if (state === 'valueOrEnd' && ch === ']') {
          stack.pop();
          i++;
          state = 'afterValue';
          break;
        }
        if (ch === ']' && afterComma)
          return fail(i, "a comma before ']' is not allowed in JSON (remove the trailing comma)");
        if (ch === '{') {
          stack.push('{');
          i++;
          state = 'keyOrEnd';
          break;
        }
        if (ch === '[') {
          stack.push('[');
          i++;
          state = 'valueOrEnd';
          break;
        }
        if (ch === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return fail(end.offset, end.problem);
          i = end;
          state = 'afterValue';
          break;
        }
        numberPattern.lastIndex = i;
        if ((ch === '-' || (ch >= '0' && ch <= '9')) && numberPattern.test(text)) {
          i = numberPattern.lastIndex;
          state = 'afterValue';
          break;
        }
        wordPattern.lastIndex = i;
        if (wordPattern.test(text)) {
          const word = text.slice(i, wordPattern.lastIndex);
          if (word === 'true' || word === 'false' || word === 'null') {
            i = wordPattern.lastIndex;
            state = 'afterValue';
            break;
          }
          return fail(
            i,
            `found unquoted text "${word.slice(0, 20)}" where a value belongs (text must be in double quotes; only true, false and null go without)`,
          );
        }
        if (ch === "'") return fail(i, 'text must be in double quotes (") in JSON, not single quotes');
        return fail(i, `found ${describeChar(ch)} where a value belongs`);
      }
      case 'afterValue': {
        afterComma = false;
        const top = stack.at(-1);
        if (top === undefined) return fail(i, `found more text after the end of the JSON (${describeChar(ch)})`);
        if (ch === ',') {
          i++;
          afterComma = true;
          state = top === '{' ? 'key' : 'value';
          break;
        }
        if ((top === '{' && ch === '}') || (top === '[' && ch === ']')) {
          stack.pop();
          i++;
          break;
        }
        return fail(
          i,
          top === '{'
            ? "expected ',' or '}' after a property value (a comma is probably missing)"
            : "expected ',' or ']' after a list item (a comma is probably missing)",
        );
      }
      case 'keyOrEnd':
      case 'key': {
        if (ch === '}' && state === 'keyOrEnd') {
          stack.pop();
          i++;
          state = 'afterValue';
          break;
        }
        if (ch === '}') return fail(i, "a comma before '}' is not allowed in JSON (remove the trailing comma)");
        if (ch !== '"') return fail(i, `expected a property name in double quotes, found ${describeChar(ch)}`);
        const end = scanString(text, i);
        if (typeof end !== 'number') return fail(end.offset, end.problem);
        i = end;
        state = 'colon';
        break;
      }
      case 'colon': {
        if (ch !== ':') return fail(i, `expected ':' after the property name, found ${describeChar(ch)}`);
        i++;
        afterComma = false;
        state = 'value';
        break;
      }
    }
  }
}

/** Scan a string starting at its opening quote; returns the offset after the closing quote, or a problem. */
function scanString(text: string, start: number): number | { offset: number; problem: string } {
  let i = start + 1;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 34) return i + 1;
    if (code < 0x20)
      return {
        offset: i,
        problem: 'a line break or control character inside text in double quotes (a closing " is probably missing)',
      };
    if (code === 92) {
      const next = text[i + 1];
      if (next === 'u') {
        if (!/^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6)))
          return { offset: i, problem: 'a \\u escape needs four hexadecimal digits' };
        i += 6;
        continue;
      }
      if (next === undefined || !'"\\/bfnrt'.includes(next))
        return { offset: i, problem: 'a backslash in text must start a valid escape (\\\\, \\", \\n, …)' };
      i += 2;
      continue;
    }
    i++;
  }
  return { offset: start, problem: 'text in double quotes is never closed' };
}

function describeChar(ch: string): string {
  if (ch === '') return 'the end of the text';
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0xfffd) return `an unreadable character (code ${code})`;
  return `'${ch}'`;
}
