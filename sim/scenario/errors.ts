/**
 * Scenario errors as a reader sees them (SCENARIO.md, "Errors"): the path of the field, what is
 * wrong and what was expected. This module turns zod's issues into such errors; the loader adds
 * line and column, because only it holds the parsed file.
 */
import type * as z from 'zod/mini';
import { formatPath, type PathSegment } from './path.ts';

export interface ScenarioError {
  /** `stakeholders[3].ideal[1]`; `FILE_PATH` for a problem with the file as a whole. */
  path: string;
  message: string;
  line?: number;
  column?: number;
  /** The `PATH=VALUE` text of the override the error comes from. */
  override?: string;
}

/** The path of errors about the whole file (its size, its syntax). */
export const FILE_PATH = '(file)';

export function formatScenarioError(e: ScenarioError, filename?: string): string {
  const what = e.path === FILE_PATH ? e.message : `${e.path}: ${e.message}`;
  if (e.override !== undefined) return `--set ${e.override}: ${what}`;
  if (e.line !== undefined) {
    const column = e.column ?? 1;
    return filename ? `${filename}:${e.line}:${column}: ${what}` : `line ${e.line}, column ${column}: ${what}`;
  }
  return filename ? `${filename}: ${what}` : what;
}

// ---------------------------------------------------------------------------------------------
// Suggestions

/** Optimal string alignment distance: Levenshtein plus swaps of neighbours (`dedline`, `lable`). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1];
}

/**
 * The known name a misspelt one most likely meant: a case-insensitive match, else the nearest
 * within two edits. A name that shares nothing with a candidate (`x` for `id`) gets no suggestion.
 */
export function closestName(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const same = known.find((k) => k.toLowerCase() === lower);
  if (same !== undefined) return same;
  if (name.length > 100) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance && distance < Math.max(name.length, candidate.length)) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** `a, b, c`, shortened for long lists (64 constituency ids would make an unreadable line). */
export function listNames(names: readonly string[], max = 12): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')}, … (${names.length} in all)`;
}

/** `did you mean X?` or `expected one of: ...`, the tail of an unknown-name message. */
export function suggestName(name: string, known: readonly string[], max = 12): string {
  const close = closestName(name, known);
  if (close !== undefined) return `did you mean ${close}?`;
  return known.length > 0 ? `expected one of: ${listNames(known, max)}` : 'nothing is expected here';
}

// ---------------------------------------------------------------------------------------------
// From zod issues

/** An error before the loader has placed it in the file. */
export interface Problem {
  path: PathSegment[];
  message: string;
  /** Where it points: the value, the field's name (an unknown field), or the enclosing mapping (a missing field). */
  at: 'value' | 'key' | 'parent';
}

type Issue = z.core.$ZodIssue;
interface AnySchema {
  _zod: { def: any };
}

/** Problems for a failed `safeParse` of `data` against `schema`, one per thing to fix. */
export function describeIssues(issues: readonly Issue[], data: unknown, schema: z.core.$ZodType): Problem[] {
  const out: Problem[] = [];
  translate(issues, [], schema as unknown as AnySchema, data, out);
  const seen = new Set<string>();
  return out.filter((p) => {
    const key = `${formatPath(p.path)}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function translate(
  issues: readonly Issue[],
  base: PathSegment[],
  baseSchema: AnySchema | undefined,
  data: unknown,
  out: Problem[],
): void {
  for (const issue of issues) {
    const relative = segments(issue.path);
    const path = [...base, ...relative];
    switch (issue.code) {
      case 'invalid_union': {
        const branch = plausibleBranch(issue.errors);
        if (branch < 0) {
          out.push(problemAt(path, issue.message, data));
        } else {
          const union = schemaAt(baseSchema, relative, valueAt(data, base), false);
          const option = union?._zod.def.type === 'union' ? union._zod.def.options[branch] : undefined;
          translate(issue.errors[branch], path, option, data, out);
        }
        break;
      }
      case 'unrecognized_keys': {
        const here = schemaAt(baseSchema, relative, valueAt(data, base));
        const known = here?._zod.def.type === 'object' ? Object.keys(here._zod.def.shape) : [];
        for (const key of issue.keys) {
          out.push({ path: [...path, key], message: `unknown field; ${suggestName(key, known, 20)}`, at: 'key' });
        }
        break;
      }
      case 'invalid_key': {
        // The path already ends with the offending key; the inner issue says what a key must be.
        const inner = issue.issues[0];
        out.push({ path, message: inner ? inner.message : issue.message, at: 'key' });
        break;
      }
      default:
        out.push(problemAt(path, issue.message, data));
    }
  }
}

/**
 * The branch of a failed union the writer most likely meant: a wrong type at the union's own
 * place weighs most, unknown fields there next, then the number of issues. -1 when every branch
 * has the wrong type outright, and the union's own message (which lists the forms) says it best.
 */
export function plausibleBranch(branches: readonly (readonly Issue[])[]): number {
  let best = -1;
  let bestScore = Infinity;
  let allWrongType = true;
  branches.forEach((branch, i) => {
    const wrongType = branch.some((issue) => issue.code === 'invalid_type' && issue.path.length === 0);
    if (!wrongType) allWrongType = false;
    let unknown = 0;
    for (const issue of branch) if (issue.code === 'unrecognized_keys' && issue.path.length === 0) unknown += issue.keys.length;
    const score = (wrongType ? 1000 : 0) + 10 * unknown + branch.length;
    if (score < bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return allWrongType ? -1 : best;
}

function problemAt(path: PathSegment[], message: string, data: unknown): Problem {
  if (path.length > 0) {
    const parent = valueAt(data, path.slice(0, -1));
    const key = path[path.length - 1];
    if (isMapping(parent) && !Object.prototype.hasOwnProperty.call(parent, key)) {
      const expected = /^must be (.*?)(, got nothing)?$/s.exec(message);
      return {
        path,
        message: expected ? `required field missing; expected ${expected[1]}` : 'required field missing',
        at: 'parent',
      };
    }
  }
  return { path, message, at: 'value' };
}

function segments(path: readonly PropertyKey[]): PathSegment[] {
  return path.map((p) => (typeof p === 'symbol' ? String(p) : p));
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let here = data;
  for (const segment of path) {
    if (Array.isArray(here) && typeof segment === 'number') here = here[segment];
    else if (isMapping(here) && Object.prototype.hasOwnProperty.call(here, segment)) here = here[segment];
    else return undefined;
  }
  return here;
}

// ---------------------------------------------------------------------------------------------
// Walking the schema, to know which fields an object has

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

/**
 * The schema that describes the value at `path`, unions resolved by what the data holds there.
 * Unresolved (`pickUnion` false) it stops at a union, so that its options can be indexed.
 */
function resolve(schema: AnySchema | undefined, data: unknown, pickUnion = true): AnySchema | undefined {
  let s = schema;
  for (let guard = 0; s && guard < 64; guard++) {
    const def = s._zod.def;
    if (WRAPPERS.has(def.type)) s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else if (def.type === 'lazy') s = def.getter();
    else if (def.type === 'union' && pickUnion) s = likelyOption(def.options, data);
    else return s;
  }
  return s;
}

function likelyOption(options: AnySchema[], data: unknown): AnySchema | undefined {
  if (Array.isArray(data)) return options.find((o) => ['array', 'tuple'].includes(resolve(o, data)?._zod.def.type));
  if (!isMapping(data)) return options[0];
  const keys = Object.keys(data);
  let best: AnySchema | undefined;
  let bestShared = -1;
  for (const option of options) {
    const s = resolve(option, data);
    if (s?._zod.def.type !== 'object') continue;
    const shared = keys.filter((k) => k in s._zod.def.shape).length;
    if (shared > bestShared) {
      best = option;
      bestShared = shared;
    }
  }
  return best ?? options[0];
}

function schemaAt(
  schema: AnySchema | undefined,
  path: readonly PathSegment[],
  data: unknown,
  pickUnion = true,
): AnySchema | undefined {
  let s = schema;
  let here = data;
  for (const segment of path) {
    s = resolve(s, here);
    if (!s) return undefined;
    const def = s._zod.def;
    if (def.type === 'object') s = Object.prototype.hasOwnProperty.call(def.shape, segment) ? def.shape[segment] : undefined;
    else if (def.type === 'array') s = def.element;
    else if (def.type === 'tuple') s = def.items[segment as number] ?? def.rest ?? undefined;
    else if (def.type === 'record') s = def.valueType;
    else return undefined;
    here = valueAt(here, [segment]);
  }
  return resolve(s, here, pickUnion);
}
