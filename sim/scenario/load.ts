/**
 * Loading a scenario file (SCENARIO.md): text in, a valid scenario with every default filled in
 * or at most 20 errors out, each with the field's path, what is wrong and what was expected, and
 * for a file its line and column. It never throws and never evaluates anything: the YAML core
 * schema only, no tags, and aliases refused when they would expand past the size limit.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, visit, type Document, type Node } from 'yaml';
import { MAX_DEPTH, readYaml, type YamlRead } from './yaml-read.ts';
import { scenarioSchema, type Scenario } from './schema.ts';
import { describeIssues, FILE_PATH, valueAt, type Problem, type ScenarioError } from './errors.ts';
import { findJsonSyntaxError } from './json-syntax.ts';
import { applyOverrides, parseOverride, type Override } from './overrides.ts';
import { checkScenarioRules } from './rules.ts';
import { formatPath, isUnder, parsePath } from './path.ts';

export { formatScenarioError, type ScenarioError } from './errors.ts';

export type LoadResult = { ok: true; scenario: Scenario; warnings: string[] } | { ok: false; errors: ScenarioError[] };

export interface LoadOptions {
  /** Names the file in messages; a name ending in `.json` selects JSON. */
  filename?: string;
  format?: 'yaml' | 'json';
  /** `PATH=VALUE` texts, applied in order after parsing and before validation. */
  overrides?: readonly string[];
}

/** "A file of at most 5 MB", counted in characters of the decoded text. */
export const MAX_FILE_CHARS = 5_000_000;
export const MAX_ERRORS = 20;

export function loadScenario(text: string, options: LoadOptions = {}): LoadResult {
  try {
    return load(text, options);
  } catch (e) {
    // Nesting is bounded before anything recursive runs (yaml-read.ts); this is the last line.
    if (e instanceof RangeError) return fail([fileError('the file is nested too deeply to read')]);
    return fail([fileError(`internal error while loading: ${e instanceof Error ? e.message : String(e)}`)]);
  }
}

function fail(errors: ScenarioError[]): LoadResult {
  return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
}

function fileError(message: string, position?: { line: number; column: number }): ScenarioError {
  return position ? { path: FILE_PATH, message, ...position } : { path: FILE_PATH, message };
}

/** The parsed file: its data, and where each value came from (made on demand for JSON). */
interface Source {
  text: string;
  data: unknown;
  doc: () => Document.Parsed | undefined;
  lines: () => LineCounter;
}

function load(text: string, options: LoadOptions): LoadResult {
  if (typeof text !== 'string') return fail([fileError('expected the text of a scenario file')]);
  const textProblem = checkText(text);
  if (textProblem) return fail([textProblem]);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  const json = options.format === 'json' || (options.format === undefined && /\.json$/i.test(options.filename ?? ''));
  const parsed = json ? readJson(text) : readYamlFile(text);
  if (!parsed.ok) return fail(parsed.errors);
  const source = parsed.source;
  const warnings = parsed.warnings;

  const overrides: Override[] = [];
  const overrideErrors: ScenarioError[] = [];
  for (const item of options.overrides ?? []) {
    const o = parseOverride(item);
    if (o.ok) overrides.push(o.override);
    else overrideErrors.push(o.error);
  }
  const applied = applyOverrides(source.data, overrides);
  overrideErrors.push(...applied.errors);
  if (overrideErrors.length > 0) return fail(overrideErrors);
  source.data = applied.data;

  const result = scenarioSchema.safeParse(source.data, { reportInput: true });
  let problems: Problem[];
  if (!result.success) {
    problems = describeIssues(result.error.issues, source.data, scenarioSchema);
  } else {
    const rules = checkScenarioRules(result.data);
    warnings.push(...rules.warnings);
    if (rules.errors.length === 0) return { ok: true, scenario: result.data, warnings };
    problems = rules.errors.map((e) => {
      const path = parsePath(e.path);
      return { path: path.ok ? path.path : [], message: e.message, at: 'value' as const };
    });
  }
  return fail(placeProblems(problems, source, overrides));
}

// ---------------------------------------------------------------------------------------------
// The text

function checkText(text: string): ScenarioError | undefined {
  if (text.length > MAX_FILE_CHARS) {
    return fileError(`the file is too large: ${text.length} characters; the limit is 5 MB (${MAX_FILE_CHARS} characters)`);
  }
  if (text.includes('\u0000')) {
    return fileError('not a text file: it holds NUL bytes (a binary file, or text saved as UTF-16?); expected YAML or JSON in UTF-8');
  }
  let replaced = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) replaced++;
  // A stray mis-decoded character in a label is tolerable; a binary file decoded as UTF-8 is full of them.
  if (replaced > Math.max(8, text.length / 1000)) {
    return fileError(`not a text file: ${replaced} characters could not be decoded (U+FFFD); expected YAML or JSON in UTF-8`);
  }
  return undefined;
}

type Parsed = { ok: true; source: Source; warnings: string[] } | { ok: false; errors: ScenarioError[] };

const tooDeepMessage = `the file is nested more than ${MAX_DEPTH} levels deep; a scenario needs fewer than 10`;

function readYamlFile(text: string): Parsed {
  const read = readYaml(text);
  const at = (offset: number) => {
    const p = read.lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (!read.ok) return { ok: false, errors: [fileError(tooDeepMessage, at(read.offset))] };
  const { doc, lines } = read;
  if (doc.errors.length > 0) {
    const seen = new Set<string>();
    const errors: ScenarioError[] = [];
    for (const e of doc.errors) {
      const error = fileError(`YAML syntax error: ${plainMessage(e.message)}`, at(e.pos[0]));
      const key = `${error.line}:${error.column}:${error.message}`;
      if (!seen.has(key)) errors.push(error);
      seen.add(key);
    }
    return { ok: false, errors };
  }
  const errors: ScenarioError[] = [];
  const warnings: string[] = [];
  for (const w of doc.warnings) {
    if (w.code === 'TAG_RESOLVE_FAILED') {
      const tag = text.slice(w.pos[0], w.pos[1]);
      errors.push(
        fileError(`unknown tag ${tag}: only the YAML core schema is read (no tags beyond !!str, !!int, !!float, !!bool, !!null, !!seq, !!map)`, at(w.pos[0])),
      );
    } else {
      const p = at(w.pos[0]);
      warnings.push(`line ${p.line}: ${plainMessage(w.message)}`);
    }
  }
  if (errors.length > 0) return { ok: false, errors };

  const aliasProblem = checkAliases(doc);
  if (aliasProblem) return { ok: false, errors: [fileError(aliasProblem.message, at(aliasProblem.offset))] };
  let data: unknown;
  try {
    // checkAliases has bounded the expansion already; this is yaml's own guard, kept as a second line.
    data = doc.toJS({ maxAliasCount: MAX_FILE_CHARS });
  } catch (e) {
    if (e instanceof RangeError) throw e;
    return { ok: false, errors: [fileError(`the file's aliases cannot be expanded: ${e instanceof Error ? e.message : String(e)}`)] };
  }
  return { ok: true, source: { text, data, doc: () => doc, lines: () => lines }, warnings };
}

/** yaml's messages may end with the position and a snippet; the error carries the position already. */
function plainMessage(message: string): string {
  return message.replace(/ at line \d+, column \d+:[\s\S]*$/, '').trim();
}

function readJson(text: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    if (e instanceof RangeError) throw e;
    const found = findJsonSyntaxError(text);
    if (!found) return { ok: false, errors: [fileError(`JSON syntax error: ${e instanceof Error ? e.message : String(e)}`)] };
    const lines = new LineCounter();
    lines.addNewLine(0); // the first line starts at 0, as the YAML parser itself records it
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    const p = lines.linePos(found.offset);
    return { ok: false, errors: [fileError(found.message, { line: p.line, column: p.col })] };
  }
  if (nestedDeeperThan(data, MAX_DEPTH)) return { ok: false, errors: [fileError(tooDeepMessage)] };
  // Positions are needed only to report errors, so the YAML reading (JSON is YAML) waits until then.
  let cached: YamlRead | undefined;
  const read = () => (cached ??= readYaml(text));
  return {
    ok: true,
    source: { text, data, doc: () => { const r = read(); return r.ok ? r.doc : undefined; }, lines: () => read().lines },
    warnings: [],
  };
}

/** Whether plain data nests deeper than `limit`, measured without recursion. */
function nestedDeeperThan(data: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[data, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push([child, depth + 1]);
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Aliases

/**
 * Refuses aliases whose expansion would exceed the size limit (a "billion laughs" file), aliases
 * that contain themselves, and aliases without an anchor. Sizes are estimated in characters of
 * the expanded text and memoised per node, so even a bomb is measured in linear time.
 */
function checkAliases(doc: Document.Parsed): { offset: number; message: string } | undefined {
  const target = new Map<Node, Node>();
  const latest = new Map<string, Node>();
  let unresolved: Node | undefined;
  visit(doc, {
    Node(_key, node) {
      if (isAlias(node)) {
        const found = latest.get(node.source);
        if (found) target.set(node, found);
        else unresolved ??= node;
      } else if (node.anchor) {
        latest.set(node.anchor, node);
      }
    },
  });
  if (unresolved && isAlias(unresolved)) {
    return { offset: unresolved.range?.[0] ?? 0, message: `alias *${unresolved.source} has no anchor &${unresolved.source} before it` };
  }
  if (target.size === 0) return undefined;

  const size = new Map<Node, number>();
  const open = new Set<Node>();
  let cycle: Node | undefined;
  const measure = (node: unknown): number => {
    if (node === null || node === undefined || typeof node !== 'object') return 0;
    const n = node as Node;
    const known = size.get(n);
    if (known !== undefined) return known;
    if (open.has(n)) {
      cycle ??= n;
      return 0;
    }
    open.add(n);
    let total: number;
    if (isAlias(n)) {
      const t = target.get(n);
      if (t && open.has(t)) cycle ??= n;
      total = t ? measure(t) : 1;
    } else if (isMap(n)) {
      total = 2;
      for (const pair of n.items) total += measure(pair.key) + measure(pair.value) + 2;
    } else if (isSeq(n)) {
      total = 2;
      for (const item of n.items) total += measure(item) + 2;
    } else {
      total = n.range ? Math.max(1, n.range[1] - n.range[0]) : 1;
    }
    open.delete(n);
    size.set(n, total);
    return total;
  };
  const whole = measure(doc.contents);
  if (cycle && isAlias(cycle)) {
    return { offset: cycle.range?.[0] ?? 0, message: `alias *${cycle.source} refers to a node that contains it (a cycle); expected a tree` };
  }
  if (whole > MAX_FILE_CHARS) {
    let biggest: Node | undefined;
    for (const alias of target.keys()) if (!biggest || (size.get(alias) ?? 0) > (size.get(biggest) ?? 0)) biggest = alias;
    const name = biggest && isAlias(biggest) ? ` (*${biggest.source} alone stands for about ${(size.get(biggest) ?? 0).toPrecision(2)} characters)` : '';
    return {
      offset: biggest?.range?.[0] ?? 0,
      message: `aliases expand this file past the size limit of 5 MB (${MAX_FILE_CHARS} characters)${name}; refused as a possible alias bomb`,
    };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Placing errors

function placeProblems(problems: readonly Problem[], source: Source, overrides: readonly Override[]): ScenarioError[] {
  const placed: { error: ScenarioError; offset: number }[] = [];
  for (const problem of problems) {
    const pathText = problemPath(problem);
    let message = problem.message;
    const value = valueAt(source.data, problem.path);
    let owner: Override | undefined;
    for (const o of overrides) if (isUnder(problem.path, o.path) && (!owner || o.path.length >= owner.path.length)) owner = o;
    if (owner) {
      placed.push({ error: { path: pathText, message: readableNonFinite(message, value, undefined), override: owner.text }, offset: Infinity });
      continue;
    }
    const doc = source.doc();
    const found = doc ? nodeAt(doc, problem.path, problem.at) : undefined;
    const offset = found?.offset;
    message = readableNonFinite(message, value, found?.exact && found.end !== undefined && offset !== undefined ? source.text.slice(offset, found.end) : undefined);
    if (offset === undefined) {
      placed.push({ error: { path: pathText, message }, offset: Infinity });
    } else {
      const p = source.lines().linePos(offset);
      placed.push({ error: { path: pathText, message, line: p.line, column: p.col }, offset });
    }
  }
  // Stable: errors without a place keep their order, after those in the file.
  placed.sort((a, b) => (a.offset === b.offset ? 0 : a.offset < b.offset ? -1 : 1));
  return placed.map((p) => p.error);
}

function problemPath(problem: Problem): string {
  return problem.path.length === 0 ? FILE_PATH : formatPath(problem.path);
}

/** `got Infinity` says nothing to someone who wrote 1e400; say what they wrote and why it fails. */
function readableNonFinite(message: string, value: unknown, written: string | undefined): string {
  if (typeof value !== 'number' || Number.isFinite(value)) return message;
  const shown = String(value);
  if (!message.endsWith(`got ${shown}`)) return message;
  const why = Number.isNaN(value) ? 'not a number' : 'too large to represent';
  const what = written?.trim() || (Number.isNaN(value) ? 'NaN' : `${value < 0 ? '-' : ''}a number`);
  return `${message.slice(0, message.length - shown.length)}${what} (${why})`;
}

/**
 * The node a path names, or the deepest one that exists on the way (a missing field, a value
 * behind an alias). `at` picks the field's name for unknown fields and the enclosing mapping for
 * missing ones.
 */
function nodeAt(
  doc: Document.Parsed,
  path: readonly (string | number)[],
  at: Problem['at'],
): { offset: number; end?: number; exact: boolean } | undefined {
  const steps = at === 'parent' ? path.slice(0, -1) : path;
  let node: unknown = doc.contents;
  let key: unknown;
  let depth = 0;
  for (const segment of steps) {
    let next: unknown;
    let nextKey: unknown;
    let found = false;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
      if (pair) {
        found = true;
        nextKey = pair.key;
        next = pair.value ?? pair.key;
      }
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      found = true;
      next = node.items[segment];
    }
    if (!found) break;
    node = next;
    key = nextKey;
    depth++;
  }
  const exact = depth === steps.length;
  const target = exact && at === 'key' && key ? key : node;
  const range = (target as Node | null)?.range;
  if (!range) return undefined;
  return { offset: range[0], end: range[1], exact };
}
