/**
 * `convene map SCENARIO --x PATH=LO:HI:STEPS --y PATH=LO:HI:STEPS --seeds N --out map.csv|.jsonl`:
 * the regime map. Every cell of the STEPS × STEPS grid of two conditions runs over the same N
 * seeds, as a sweep's points do (on the worker pool, with progress, `--resume` and `--shard`;
 * the runs' rows go to `--rows`, default beside --out), and the map holds one row per cell: the
 * two values, each outcome's share with its 95% Wilson interval, the dominant outcome and its
 * share, the median rounds and legitimacy. `convene report map.csv` draws it as a phase diagram.
 *
 * Any scenario path works on either axis (`convenor.rule.threshold`, `convenor.acceptable.max[0]`,
 * `stakeholders[3].power`, a constituency's subsidy). A shard writes only its rows: merge them
 * with `convene merge`, then `convene map ... --from-rows MERGED --out map.csv`.
 */
import { extname, resolve } from 'node:path';
import { OUTCOMES } from '../sim/index.ts';
import { parsePath } from '../sim/scenario/index.ts';
import { InvalidInput, createSummary, csvTextCell, type BatchSummary, type SummaryBuilder } from '../analysis/index.ts';
import type { Experiment } from './experiment-schema.ts';
import { planExperiment, planManifest, rName, sweepCommand } from './sweep-command.ts';
import { readPointRows } from './point-rows.ts';
import { parseShard, shardRange } from './shard.ts';
import { checkOutputPath } from './output-path.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { sha256, writeManifest } from './manifest.ts';
import { writeText, type CliIO } from './io.ts';
import { outputFormat } from './parse-options.ts';

export interface MapCommandOptions {
  x: string;
  y: string;
  seeds: number;
  out?: string;
  rows?: string;
  fromRows?: string;
  seedStart?: number;
  workers?: number;
  resume?: boolean;
  shard?: string;
}

export interface Axis {
  path: string;
  from: number;
  to: number;
  steps: number;
}

/** The most cells along one axis. */
export const MAX_STEPS = 200;

/** `PATH=LO:HI:STEPS`, e.g. `convenor.rule.threshold=0.5:1:11`. */
export function parseAxis(option: string, text: string): Axis {
  const at = text.lastIndexOf('=');
  const fail = (why: string) => new InvalidInput(`${option} ${text}: ${why}; expected PATH=LO:HI:STEPS, e.g. convenor.rule.threshold=0.5:1:11`);
  if (at <= 0) throw fail('no =');
  const path = text.slice(0, at);
  if (!parsePath(path).ok) throw fail(`${path} is not a scenario path`);
  const parts = text.slice(at + 1).split(':');
  if (parts.length !== 3) throw fail('expected three numbers after =');
  const [from, to, steps] = parts.map(Number);
  if (![from, to].every(Number.isFinite)) throw fail('LO and HI must be numbers');
  if (!Number.isInteger(steps) || steps < 2 || steps > MAX_STEPS) throw fail(`STEPS must be a whole number from 2 to ${MAX_STEPS}`);
  return { path, from, to, steps };
}

export async function mapCommand(scenarioFile: string, options: MapCommandOptions, io: CliIO): Promise<number> {
  const x = parseAxis('--x', options.x);
  const y = parseAxis('--y', options.y);
  if (x.path === y.path) throw new InvalidInput(`--y ${options.y}: is the same condition as --x`);
  if (!Number.isSafeInteger(options.seeds) || options.seeds < 1) throw new InvalidInput('--seeds: expected a whole number of at least 1');
  if (options.shard !== undefined && options.out !== undefined) throw new InvalidInput('--shard writes only the rows (--rows FILE): merge the shards, then draw the map with --from-rows MERGED --out FILE');
  if (options.shard === undefined && options.out === undefined) throw new InvalidInput("required option '--out <FILE>' not specified (the map: FILE.csv or FILE.jsonl)");
  const format = options.out === undefined ? undefined : outputFormat(options.out);
  if (options.out !== undefined && !format) throw new InvalidInput(`--out ${options.out}: expected a name ending .csv or .jsonl`);
  if (options.out !== undefined) await checkOutputPath(options.out, resolve(io.cwd, options.out));

  const experiment: Experiment = {
    experiment: 1,
    scenario: scenarioFile,
    design: 'grid',
    seeds: options.seeds,
    ...(options.seedStart === undefined ? {} : { seedStart: options.seedStart }),
    parameters: Object.fromEntries([x, y].map((a) => [a.path, { from: a.from, to: a.to, count: a.steps }])),
  };
  // The map's own "experiment": its axes and seeds, which shards of one map must share.
  const described = JSON.stringify({ map: 1, x, y, seeds: options.seeds, seedStart: options.seedStart ?? null });
  const plan = await planExperiment(experiment, { file: `map ${options.x} × ${options.y}, ${options.seeds} seeds`, sha256: sha256(described) }, io.cwd, scenarioFile);
  const rowsName = options.fromRows ?? options.rows ?? (options.out ? options.out.slice(0, options.out.length - extname(options.out).length) + '.runs.csv' : undefined);
  if (rowsName === undefined) throw new InvalidInput("--shard: name the shard's rows file with --rows FILE.csv");
  if (options.fromRows === undefined) {
    await sweepCommand(scenarioFile, { out: rowsName, workers: options.workers, resume: options.resume, shard: options.shard, plan, quiet: true }, io);
    if (options.shard !== undefined) {
      const [from, to] = shardRange(plan.points.length, parseShard(options.shard));
      await writeText(io.stderr, `shard ${options.shard} of the ${x.steps} × ${y.steps} map (cells ${from} to ${to - 1} of ${plan.points.length}, ${options.seeds} seeds a cell) written to ${rowsName}; merge the shards, then: convene map ${scenarioFile} --x ${options.x} --y ${options.y} --seeds ${options.seeds} --from-rows MERGED --out FILE\n`);
      return 0;
    }
  }
  const cells: SummaryBuilder[] = plan.points.map(() => createSummary());
  await readPointRows(resolve(io.cwd, rowsName), rowsName, plan.points.length, options.seeds, (row) => cells[row.point].add(row));
  const summaries = cells.map((c) => c.finish());
  const text = format === 'jsonl' ? mapJsonl(plan.points, summaries, x, y) : mapCsv(plan.points, summaries, x, y);
  const outPath = resolve(io.cwd, options.out!);
  await writeFileAtomically(outPath, [text]);
  const output = { bytes: Buffer.byteLength(text), sha256: sha256(text) };
  await writeManifest(outPath, planManifest(plan, io, { kind: 'map', format: format!, shard: null, range: [0, plan.points.length], rows: plan.points.length, output }));
  const counts = OUTCOMES.map((o) => summaries.filter((s) => dominant(s).outcome === o).length);
  const regimes = OUTCOMES.map((o, i) => (counts[i] > 0 ? `${o.replace(/-/g, ' ')} in ${counts[i]}` : '')).filter(Boolean).join(', ');
  await writeText(io.stderr, `${x.steps} × ${y.steps} cells × ${options.seeds} seeds = ${plan.points.length * options.seeds} runs; rows in ${rowsName}, map in ${options.out}. Dominant outcome: ${regimes} cells.\n`);
  return 0;
}

/** The outcome with the largest share (the first in OUTCOMES' order on a tie). */
export function dominant(s: BatchSummary): { outcome: (typeof OUTCOMES)[number]; share: number } {
  const top = s.outcomes.reduce((a, b) => (b.share > a.share ? b : a));
  return { outcome: top.outcome, share: top.share };
}

const r6 = (v: number) => Number(v.toPrecision(6));

/**
 * The map's CSV header, in names R keeps: the two conditions (across, then up; `convenor.rule.threshold`
 * as `convenor_rule_threshold`), `runs`, `<outcome>`, `<outcome>_low`, `<outcome>_high`, ….
 */
export function mapCsvHeader(x: Axis, y: Axis): string {
  const shares = OUTCOMES.flatMap((o) => [o, `${o}_low`, `${o}_high`].map(rName));
  const [across, up] = [rName(x.path), rName(y.path)];
  return [across, up === across ? `${up}_2` : up, 'runs', ...shares, 'dominant', 'dominant_share', 'median_rounds', 'median_legitimacy'].join(',') + '\n';
}

function mapCsv(points: (string | number | boolean)[][], summaries: BatchSummary[], x: Axis, y: Axis): string {
  const lines = summaries.map((s, i) => {
    const d = dominant(s);
    const shares = s.outcomes.flatMap((o) => [o.share, o.low, o.high].map(r6));
    return [...points[i], s.runs, ...shares, d.outcome, r6(d.share), s.medianRounds ?? '', s.medianLegitimacy === null ? '' : r6(s.medianLegitimacy)].map((v) => csvTextCell(v)).join(',');
  });
  return mapCsvHeader(x, y) + lines.join('\n') + '\n';
}

function mapJsonl(points: (string | number | boolean)[][], summaries: BatchSummary[], x: Axis, y: Axis): string {
  return summaries
    .map((s, i) => {
      const d = dominant(s);
      const outcomes = Object.fromEntries(s.outcomes.map((o) => [o.outcome, { share: r6(o.share), low: r6(o.low), high: r6(o.high) }]));
      return JSON.stringify({ [x.path]: points[i][0], [y.path]: points[i][1], runs: s.runs, outcomes, dominant: d.outcome, dominantShare: r6(d.share), medianRounds: s.medianRounds, medianLegitimacy: s.medianLegitimacy === null ? null : r6(s.medianLegitimacy) });
    })
    .join('\n') + '\n';
}

