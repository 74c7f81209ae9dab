/**
 * Reading an experiment file with the scenario loader's quality of errors: YAML read safely
 * (sim/scenario/yaml-read.ts), zod issues turned into one message per thing to fix with did-you-mean
 * (sim/scenario/errors.ts), each placed at its line and column.
 */
import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter } from 'yaml';
import { describeIssues, formatScenarioError, FILE_PATH, type Problem, type ScenarioError, formatPath, parsePath, readYaml } from '../sim/scenario/index.ts';
import { experimentSchema, type Experiment } from './experiment-schema.ts';

export type ExperimentLoad = { ok: true; experiment: Experiment } | { ok: false; errors: ScenarioError[] };

export function loadExperiment(text: string): ExperimentLoad {
  const read = readYaml(text);
  const at = (lines: LineCounter, offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (!read.ok) return { ok: false, errors: [{ path: FILE_PATH, message: 'the file is nested too deeply', ...at(read.lines, read.offset) }] };
  const { doc, lines } = read;
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => ({ path: FILE_PATH, message: `YAML syntax error: ${e.message.split(' at line')[0]}`, ...at(lines, e.pos[0]) })) };
  }
  const data = doc.toJS({ maxAliasCount: 1000 });
  const parsed = experimentSchema.safeParse(data);
  const problems: Problem[] = parsed.success ? checkParameters(parsed.data) : describeIssues(parsed.error.issues, data, experimentSchema as never);
  if (problems.length === 0 && parsed.success) return { ok: true, experiment: parsed.data };
  return { ok: false, errors: problems.map((p) => place(p, doc, lines)) };
}

export function formatExperimentError(e: ScenarioError, filename: string): string {
  return formatScenarioError(e, filename);
}

/** What zod cannot say: parameter names must be scenario paths, and grid ranges need a step or count. */
function checkParameters(e: Experiment): Problem[] {
  const problems: Problem[] = [];
  for (const [name, values] of Object.entries(e.parameters)) {
    const path = parsePath(name);
    if (!path.ok) problems.push({ path: ['parameters', name], message: `not a scenario path: ${path.message}`, at: 'key' });
    if (!Array.isArray(values) && e.design === 'grid' && values.step === undefined && values.count === undefined) {
      problems.push({ path: ['parameters', name], message: 'a range in a grid needs step or count (a Latin hypercube samples {from, to} alone)', at: 'value' });
    }
  }
  return problems;
}

function place(problem: Problem, doc: Document.Parsed, lines: LineCounter): ScenarioError {
  const path = problem.path.length === 0 ? FILE_PATH : formatPath(problem.path);
  let node: unknown = doc.contents;
  let keyNode: unknown;
  let parent: unknown = undefined;
  for (const segment of problem.path) {
    parent = node;
    keyNode = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (isScalar(p.key) ? p.key.value : p.key) === segment);
      keyNode = pair?.key;
      node = pair?.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
    } else {
      node = undefined;
    }
    if (node === undefined && keyNode === undefined) break;
  }
  const target = problem.at === 'key' ? (keyNode ?? node) : problem.at === 'parent' ? parent : (node ?? keyNode ?? parent);
  const range = (target as { range?: [number, number, number] } | undefined)?.range;
  if (!range) return { path, message: problem.message };
  const p = lines.linePos(range[0]);
  return { path, message: problem.message, line: p.line, column: p.col };
}
