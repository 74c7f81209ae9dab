/**
 * The path syntax that error messages print and overrides read (SCENARIO.md): dots for fields,
 * brackets for list positions, `stakeholders[3].ideal[1]`. A field name that is not a plain word
 * (say a constituency id with a dot in it, as a key of `convenor.subsidies`) is written as a JSON
 * string in brackets, `convenor.subsidies["a.b"]`, so that every path printed can be read back.
 */

export type PathSegment = string | number;

const PLAIN_KEY = /^[A-Za-z0-9_-]+$/;

export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (PLAIN_KEY.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

export type ParsedPath = { ok: true; path: PathSegment[] } | { ok: false; message: string };

/** Reads a path written as `formatPath` writes it; a leading list position is refused (the file is a mapping). */
export function parsePath(text: string): ParsedPath {
  const path: PathSegment[] = [];
  let i = 0;
  const fail = (what: string): ParsedPath => ({
    ok: false,
    message: `bad path "${text}": ${what} at character ${i + 1}; expected names joined by dots and [N] list positions, e.g. stakeholders[2].power`,
  });
  if (text === '') return { ok: false, message: 'empty path; expected e.g. convenor.deadline' };
  while (i < text.length) {
    const c = text[i];
    if (c === '[') {
      if (text[i + 1] === '"') {
        const end = closingQuote(text, i + 1);
        if (end < 0 || text[end + 1] !== ']') return fail('unterminated quoted name');
        let key: unknown;
        try {
          key = JSON.parse(text.slice(i + 1, end + 1));
        } catch {
          return fail('bad quoted name');
        }
        path.push(key as string);
        i = end + 2;
      } else {
        const match = /^\[(\d+)\]/.exec(text.slice(i));
        if (!match) return fail('bad list position');
        if (path.length === 0) return fail('a list position at the start');
        const index = Number(match[1]);
        if (!Number.isSafeInteger(index)) return fail('list position too large');
        path.push(index);
        i += match[0].length;
      }
    } else {
      if (path.length > 0) {
        if (c !== '.') return fail(`unexpected "${c}"`);
        i += 1;
      }
      const match = /^[A-Za-z0-9_-]+/.exec(text.slice(i));
      if (!match) return fail(i >= text.length ? 'a missing name' : `unexpected "${text[i]}"`);
      path.push(match[0]);
      i += match[0].length;
    }
  }
  return { ok: true, path };
}

/** The index of the quote that closes the JSON string opening at `start`, or -1. */
function closingQuote(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return -1;
}

/** Whether `path` is `prefix` or lies under it. */
export function isUnder(path: readonly PathSegment[], prefix: readonly PathSegment[]): boolean {
  if (path.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (String(path[i]) !== String(prefix[i])) return false;
  return true;
}

/**
 * An override's text (`PATH=VALUE`) split at its first "=": the path as written, trimmed, and the
 * value's text as it is; null without an "=". `parseOverride` reads both halves, the page keeps
 * them apart in its form and its address.
 */
export function splitOverride(text: string): { path: string; value: string } | null {
  const eq = text.indexOf('=');
  return eq < 0 ? null : { path: text.slice(0, eq).trim(), value: text.slice(eq + 1) };
}
