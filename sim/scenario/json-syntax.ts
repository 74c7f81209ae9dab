/**
 * Where a JSON text first goes wrong, and why. `JSON.parse` says so in words that differ between
 * engines and often without a position; a scenario error needs a line and a column everywhere
 * the core runs. Iterative, so a deeply nested file cannot exhaust the stack.
 */

export interface JsonSyntaxError {
  /** Offset of the offending character (the text's length at an unexpected end). */
  offset: number;
  message: string;
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERAL = /true|false|null/y;
const WHITESPACE = /[ \t\n\r]*/y;

/** The first syntax error of `text` as JSON, or null when it is valid JSON. */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const stack: ('[' | '{')[] = [];
  // What comes next; 'after' a complete value means a comma or a close, or the end at the top.
  type Want = 'value' | 'first-value' | 'key' | 'first-key' | 'colon' | 'after';
  let want: Want = 'value';

  const skip = () => {
    WHITESPACE.lastIndex = i;
    WHITESPACE.exec(text);
    i = WHITESPACE.lastIndex;
  };
  const describe = (at: number) => (at >= text.length ? 'the end of the file' : `"${text[at]}"`);
  const fail = (expected: string): JsonSyntaxError => ({
    offset: i,
    message: `JSON syntax error: unexpected ${describe(i)}; expected ${expected}`,
  });

  /** Reads the string starting at `i`; returns an error or null. */
  const readString = (): JsonSyntaxError | null => {
    i += 1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        i += 1;
        return null;
      }
      if (c < 0x20) return { offset: i, message: 'JSON syntax error: a control character (such as a line break) inside a string; write it as an escape like \\n' };
      if (c === 0x5c) {
        const e = text[i + 1];
        if (e === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { offset: i, message: 'JSON syntax error: bad \\u escape; expected four hex digits' };
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) return { offset: i, message: `JSON syntax error: bad escape \\${e ?? ''} in a string` };
        i += 2;
        continue;
      }
      i += 1;
    }
    return { offset: text.length, message: 'JSON syntax error: a string is not closed; expected "' };
  };

  for (;;) {
    skip();
    const c = text[i];
    if (want === 'after' && stack.length === 0) {
      return i >= text.length ? null : { offset: i, message: `JSON syntax error: unexpected ${describe(i)} after the end of the JSON value` };
    }
    if (want === 'value' || want === 'first-value') {
      if (c === '{') {
        stack.push('{');
        want = 'first-key';
        i += 1;
      } else if (c === '[') {
        stack.push('[');
        want = 'first-value';
        i += 1;
      } else if (c === ']' && want === 'first-value') {
        stack.pop();
        i += 1;
        want = 'after';
      } else if (c === '"') {
        const error = readString();
        if (error) return error;
        want = 'after';
      } else {
        NUMBER.lastIndex = i;
        LITERAL.lastIndex = i;
        if (NUMBER.exec(text)) i = NUMBER.lastIndex;
        else if (LITERAL.exec(text)) i = LITERAL.lastIndex;
        else if (c === ']' || c === '}') return fail('a value (a trailing comma is not allowed in JSON)');
        else return fail('a value: an object, a list, a string in double quotes, a number, true, false or null');
        if (i < text.length && /[A-Za-z0-9_.+-]/.test(text[i])) return fail('",", a closing bracket or the end');
        want = 'after';
      }
    } else if (want === 'key' || want === 'first-key') {
      if (c === '"') {
        const error = readString();
        if (error) return error;
        want = 'colon';
      } else if (c === '}' && want === 'first-key') {
        stack.pop();
        i += 1;
        want = 'after';
      } else if (c === '}') {
        return fail('a field name in double quotes (a trailing comma is not allowed in JSON)');
      } else {
        return fail('a field name in double quotes');
      }
    } else if (want === 'colon') {
      if (c !== ':') return fail('":" after the field name');
      i += 1;
      want = 'value';
    } else {
      const open = stack[stack.length - 1];
      const close = open === '{' ? '}' : ']';
      if (c === ',') {
        i += 1;
        want = open === '{' ? 'key' : 'value';
      } else if (c === close) {
        stack.pop();
        i += 1;
        want = 'after';
      } else {
        return fail(`"," or "${close}"`);
      }
    }
  }
}
