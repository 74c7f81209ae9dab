/**
 * Overrides (SCENARIO.md, "Overrides"): `PATH=VALUE`, from `--set` on the command line and
 * `set.PATH=VALUE` in the browser's address. They change the parsed data before validation, so
 * an override is checked exactly like the file, and its errors name it.
 *
 * A list position may be an existing one (replaced) or the one just past the end (appended,
 * so `--set 'issues[2]={id: speed}'` adds an issue); anything farther is refused rather than
 * leaving a hole. Missing or null fields on the way are created as mappings (or lists, when the
 * next step is a position). The data given is never changed: containers on the path are copied,
 * which also keeps a YAML alias shared elsewhere in the file from changing along with it.
 */
import { showValue } from './schema.ts';
import { FILE_PATH, isMapping, type ScenarioError } from './errors.ts';
import { formatPath, parsePath, splitOverride, type PathSegment } from './path.ts';
import { MAX_DEPTH, readYaml } from './yaml-read.ts';

export interface Override {
  /** The original `PATH=VALUE` text, which errors name. */
  text: string;
  path: PathSegment[];
  value: unknown;
}

export type ParsedOverride = { ok: true; override: Override } | { ok: false; error: ScenarioError };

/** Overrides are typed by hand or carried in an address; anything longer is a mistake. */
export const MAX_OVERRIDE_LENGTH = 100_000;

const EXAMPLE = 'e.g. convenor.deadline=120';

export function parseOverride(text: string): ParsedOverride {
  const fail = (path: string, message: string): ParsedOverride => ({
    ok: false,
    error: { path: path === '' ? FILE_PATH : path, message, override: text },
  });
  if (text.length > MAX_OVERRIDE_LENGTH) {
    return fail('', `override of ${text.length} characters; at most ${MAX_OVERRIDE_LENGTH}`);
  }
  const split = splitOverride(text);
  if (!split) return fail(text.trim(), `malformed override: no "="; expected PATH=VALUE, ${EXAMPLE}`);
  const pathText = split.path;
  const parsed = parsePath(pathText);
  if (!parsed.ok) return fail(pathText, `malformed override: ${parsed.message}`);
  const value = readYamlValue(split.value);
  if (!value.ok) return fail(pathText, `malformed override: ${value.message}`);
  return { ok: true, override: { text, path: parsed.path, value: value.value } };
}

/** A value as YAML, read as the file is read; aliases have no business here. */
function readYamlValue(source: string): { ok: true; value: unknown } | { ok: false; message: string } {
  const read = readYaml(source);
  if (!read.ok) return { ok: false, message: `the value is nested more than ${MAX_DEPTH} levels deep` };
  const doc = read.doc;
  const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    return { ok: false, message: `the value is not valid YAML (${problem.message.split('\n')[0]}); quote text that holds : # * & ! [ ] { }` };
  }
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 0 }) };
  } catch {
    return { ok: false, message: 'the value uses a YAML alias (*name); quote it if the * is meant as text' };
  }
}

/**
 * `data` with each override applied in order; overrides that cannot be applied are left out
 * and reported. Strings are parsed first, so callers can pass `--set` texts as they are.
 */
export function applyOverrides(
  data: unknown,
  overrides: readonly (string | Override)[],
): { data: unknown; errors: ScenarioError[] } {
  const errors: ScenarioError[] = [];
  let result = data;
  for (const item of overrides) {
    let override: Override;
    if (typeof item === 'string') {
      const parsed = parseOverride(item);
      if (!parsed.ok) {
        errors.push(parsed.error);
        continue;
      }
      override = parsed.override;
    } else {
      override = item;
    }
    const applied = setAt(result, override.path, override.value);
    if (applied.ok) result = applied.data;
    else errors.push({ path: applied.path, message: applied.message, override: override.text });
  }
  return { data: result, errors };
}

type SetResult = { ok: true; data: unknown } | { ok: false; path: string; message: string };

function setAt(root: unknown, path: readonly PathSegment[], value: unknown): SetResult {
  if (path.length === 0) return { ok: false, path: FILE_PATH, message: 'an override needs a path' };
  let top: unknown;
  if (root === null || root === undefined) top = {};
  else if (isMapping(root)) top = { ...root };
  else return { ok: false, path: FILE_PATH, message: `the file holds ${showValue(root)}, not a mapping of fields` };

  let container = top as Record<string, unknown> | unknown[];
  for (let k = 0; k < path.length; k++) {
    const segment = path[k];
    const here = path.slice(0, k);
    let child: unknown;
    if (k === path.length - 1) {
      child = value;
    } else {
      const current = Array.isArray(container) ? container[segment as number] : (container as Record<string, unknown>)[segment];
      const own = Array.isArray(container) || Object.prototype.hasOwnProperty.call(container, segment);
      const existing = own ? current : undefined;
      if (existing === null || existing === undefined) child = typeof path[k + 1] === 'number' ? [] : {};
      else if (Array.isArray(existing)) child = [...existing];
      else if (isMapping(existing)) child = { ...existing };
      else {
        const kind = typeof path[k + 1] === 'number' ? 'a list' : 'a mapping';
        return {
          ok: false,
          path: formatPath(path.slice(0, k + 1)),
          message: `is ${showValue(existing)}, not ${kind}, so ${formatPath(path)} cannot be set`,
        };
      }
    }
    const put = store(container, segment, child, here);
    if (!put.ok) return put;
    container = child as Record<string, unknown> | unknown[];
  }
  return { ok: true, data: top };
}

function store(container: Record<string, unknown> | unknown[], segment: PathSegment, value: unknown, here: PathSegment[]): SetResult {
  const where = here.length === 0 ? 'the top level' : formatPath(here);
  if (Array.isArray(container)) {
    if (typeof segment !== 'number') {
      return { ok: false, path: formatPath([...here, segment]), message: `${where} is a list; write ${where}[N] for its entries` };
    }
    if (segment > container.length) {
      return {
        ok: false,
        path: formatPath([...here, segment]),
        message: `position past the end: ${where} has ${container.length} entries (positions 0 to ${container.length - 1}; [${container.length}] appends one)`,
      };
    }
    container[segment] = value;
  } else {
    if (typeof segment === 'number') {
      return { ok: false, path: formatPath([...here, segment]), message: `${where} is a mapping, not a list; write ${where}.NAME` };
    }
    // defineProperty, not assignment: a key such as __proto__ must become a field (and then an
    // unknown-field error), never a change of the object's prototype.
    Object.defineProperty(container, segment, { value, writable: true, enumerable: true, configurable: true });
  }
  return { ok: true, data: container };
}
