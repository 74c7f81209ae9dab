/**
 * `convene sensitivity EXPERIMENT.yaml --method morris|sobol --out FILE.csv|FILE.json`: which of
 * an experiment's conditions move each outcome's probability, the rounds, the support and the
 * legitimacy, and how sure that is.
 *
 * The experiment's parameters are the conditions, each over its range. The design is the
 * experiment's own when it is of the method asked for (`design: {morris: ...}` or
 * `design: {sobol: ...}`), else that method's default. Its points run as a sweep's do (the same
 * seeds at every point, on the worker pool, with progress, `--resume` and `--shard`), into the
 * rows file (`--rows`, default beside --out) and its per-point summary; each point's outputs are
 * then read back from the rows, and the indices computed from them (analysis/morris.ts,
 * analysis/sobol-indices.ts) with bootstrap 95% intervals.
 *
 * A shard writes only its rows: merge the shards with `convene merge`, then compute the indices
 * with `--from-rows MERGED`.
 */
import { extname, resolve } from 'node:path';
import { OUTCOMES } from '../sim/index.ts';
import { InvalidInput, SENSITIVITY_OUTPUTS, indicesCsv, morrisIndices, morrisPoints, sensitivitySentences, sobolIndices, type SensitivityMethod, type SensitivityResult } from '../analysis/index.ts';
import type { Design, MorrisDesignSpec, SobolDesignSpec } from './experiment-schema.ts';
import { planManifest, planSweep, sweepCommand, type SweepPlan } from './sweep-command.ts';
import { readPointRows } from './point-rows.ts';
import { parseShard, shardRange } from './shard.ts';
import { checkOutputPath } from './output-path.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { sha256, writeManifest } from './manifest.ts';
import { writeText, type CliIO } from './io.ts';

export interface SensitivityCommandOptions {
  method: SensitivityMethod;
  /** The indices: FILE.csv or FILE.json. Not with --shard. */
  out?: string;
  /** The runs' rows (default: --out's name ending .runs.csv). */
  rows?: string;
  /** Compute the indices from these rows (a merged set of shards) instead of running. */
  fromRows?: string;
  workers?: number;
  resume?: boolean;
  shard?: string;
}

/** When the experiment's design is not the method's: 20 trajectories of 4 levels; 256 samples. */
export const DEFAULT_MORRIS: MorrisDesignSpec = { trajectories: 20, levels: 4, seed: 1 };
export const DEFAULT_SOBOL: SobolDesignSpec = { samples: 256, seed: 1 };

export async function sensitivityCommand(file: string, options: SensitivityCommandOptions, io: CliIO): Promise<number> {
  const method = options.method;
  if (method !== 'morris' && method !== 'sobol') throw new InvalidInput(`--method ${String(method)}: expected morris or sobol`);
  const probe = await planSweep(file, io.cwd);
  const own = probe.experiment.design;
  const design: Design = typeof own === 'object' && method in own ? own : method === 'morris' ? { morris: DEFAULT_MORRIS } : { sobol: DEFAULT_SOBOL };
  const plan = await planSweep(file, io.cwd, design);
  for (const [name, spec] of Object.entries(plan.experiment.parameters)) {
    if (Array.isArray(spec) && spec.some((v) => typeof v !== 'number')) {
      throw new InvalidInput(`${file}: parameters.${name}: a sensitivity analysis needs numbers (a range {from, to} or a list of numbers)`);
    }
  }
  if (options.shard !== undefined && options.out !== undefined) throw new InvalidInput('--shard writes only the rows (--rows FILE): merge the shards, then compute the indices with --from-rows MERGED --out FILE');
  if (options.shard === undefined && options.out === undefined) throw new InvalidInput("required option '--out <FILE>' not specified (the indices: FILE.csv or FILE.json)");
  const outFormat = options.out === undefined ? undefined : indicesFormat(options.out);
  if (options.out !== undefined) await checkOutputPath(options.out, resolve(io.cwd, options.out));
  const rowsName = options.fromRows ?? options.rows ?? (options.out ? options.out.slice(0, options.out.length - extname(options.out).length) + '.runs.csv' : undefined);
  if (rowsName === undefined) throw new InvalidInput('--shard: name the shard\'s rows file with --rows FILE.csv');
  if (options.fromRows === undefined) {
    await sweepCommand(file, { out: rowsName, workers: options.workers, resume: options.resume, shard: options.shard, design, quiet: true }, io);
    if (options.shard !== undefined) {
      const [from, to] = shardRange(plan.points.length, parseShard(options.shard));
      await writeText(io.stderr, `shard ${options.shard} of the ${method} design (points ${from} to ${to - 1} of ${plan.points.length}, ${plan.experiment.seeds} seeds each) written to ${rowsName}; merge the shards, then: convene sensitivity ${file} --method ${method} --from-rows MERGED --out FILE\n`);
      return 0;
    }
  }
  const outputs = await pointOutputs(resolve(io.cwd, rowsName), rowsName, plan);
  const result = computeIndices(method, design, plan, outputs);
  const text = outFormat === 'json' ? JSON.stringify(result, null, 2) + '\n' : indicesCsv(result);
  const outPath = resolve(io.cwd, options.out!);
  await writeFileAtomically(outPath, [text]);
  const output = { bytes: Buffer.byteLength(text), sha256: sha256(text) };
  await writeManifest(outPath, planManifest(plan, io, { kind: 'sensitivity', format: outFormat === 'json' ? 'json' : 'csv', shard: null, range: [0, plan.points.length], rows: result.indices.length, output }));
  await writeText(io.stderr, `${plan.points.length} points × ${plan.experiment.seeds} seeds (${method}: ${describeDesign(design)}); rows in ${rowsName}, indices in ${options.out}\n`);
  for (const line of sensitivitySentences(result)) await writeText(io.stdout, line + '\n');
  return 0;
}

function indicesFormat(out: string): 'csv' | 'json' {
  const ext = extname(out).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.json') return 'json';
  throw new InvalidInput(`--out ${out}: expected a name ending .csv or .json`);
}

function describeDesign(design: Design): string {
  if (typeof design === 'object' && 'morris' in design) return `${design.morris.trajectories} trajectories of ${design.morris.levels} levels, seed ${design.morris.seed}`;
  if (typeof design === 'object' && 'sobol' in design) return `${design.sobol.samples} Saltelli samples, seed ${design.sobol.seed}`;
  return String(design);
}

/**
 * Each point's outputs, from the rows (CSV or JSONL, in the order a sweep writes them): the share
 * of its runs ending in each outcome, and the means of rounds, support and legitimacy (a run that
 * adopted nothing counts 0: no text, no legitimacy).
 */
async function pointOutputs(path: string, shown: string, plan: SweepPlan): Promise<Float64Array[]> {
  const points = plan.points.length;
  const sums = SENSITIVITY_OUTPUTS.map(() => new Float64Array(points));
  const outcomeIndex = new Map<string, number>(OUTCOMES.map((o, i) => [o, i]));
  await readPointRows(path, shown, points, plan.experiment.seeds, (row) => {
    sums[outcomeIndex.get(row.outcome)!][row.point]++;
    sums[OUTCOMES.length][row.point] += row.rounds;
    sums[OUTCOMES.length + 1][row.point] += row.support;
    sums[OUTCOMES.length + 2][row.point] += row.legitimacy ?? 0;
  });
  return sums.map((s) => s.map((v) => v / plan.experiment.seeds));
}

export function computeIndices(method: SensitivityMethod, design: Design, plan: SweepPlan, outputs: Float64Array[]): SensitivityResult {
  const names = Object.keys(plan.experiment.parameters);
  const d = names.length;
  const indices: SensitivityResult['indices'] = [];
  const morris = typeof design === 'object' && 'morris' in design ? morrisPoints(design.morris.trajectories, d, design.morris.levels, design.morris.seed) : undefined;
  SENSITIVITY_OUTPUTS.forEach((output, k) => {
    if (morris) morrisIndices(morris, outputs[k], d).forEach((m, j) => indices.push({ output, parameter: names[j], morris: m }));
    else sobolIndices(outputs[k], d).forEach((s, j) => indices.push({ output, parameter: names[j], sobol: s }));
  });
  const means = Object.fromEntries(SENSITIVITY_OUTPUTS.map((o, k) => [o, Number((outputs[k].reduce((a, b) => a + b, 0) / outputs[k].length).toPrecision(6))]));
  return { method, design, parameters: names, points: plan.points.length, seeds: plan.experiment.seeds, means, indices };
}

