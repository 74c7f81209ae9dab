/**
 * `convene sweep EXPERIMENT.yaml --out FILE.csv|FILE.jsonl [--summary FILE.csv] [--workers W]
 * [--resume] [--shard I/N]`: the runs of every point of an experiment (docs/experiments.md), one
 * row per run in long format (a column per varied parameter), and a summary row per point: each
 * outcome's share with its 95% Wilson interval, the medians of rounds and legitimacy.
 *
 * Every point gets the same seeds (common random numbers), so differences between points come
 * from the parameters, not from the luck of the draw.
 *
 * The rows go through a `.partial` file like a batch's, so `--resume` continues an interrupted
 * sweep; the summary is rebuilt from the rows already written, and written whole at the end.
 * `--shard I/N` runs the I-th of N contiguous blocks of points, and `convene merge` joins the
 * shards' rows, and their summaries, into the one machine's files.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { ENGINE_VERSION, MODEL_VERSION, OUTCOMES, type Scenario } from '../sim/index.ts';
import { formatScenarioError, loadScenario, MAX_SEED, countStakeholders } from '../sim/scenario/index.ts';
import { InvalidInput, CSV_COLUMNS, csvTextCell, resultOfRow, type RowFormat, createSummary, type BatchSummary } from '../analysis/index.ts';
import { formatExperimentError, loadExperiment } from './experiment-load.ts';
import type { Design, Experiment } from './experiment-schema.ts';
import { checkOutputPath, STDOUT, writeOutput } from './output-path.ts';
import { writeText, type CliIO } from './io.ts';
import { outputFormat } from './parse-options.ts';
import { createPartialFile, keptAfter, streamedOutput, type PartialFile } from './partial-file.ts';
import { MANIFEST_VERSION, sha256, writeManifest, type FileDigest, type Manifest } from './manifest.ts';
import { checkedResult, rowKey } from './row-key.ts';
import { createProgress, type Progress } from './progress-bar.ts';
import { MAX_FILE_BYTES, BatchRunsFailed, runChunks, runsPerChunk } from '../batch/index.ts';
import type { RunFailure } from '../batch/index.ts';
import { parseShard, shardRange } from './shard.ts';
import { designPoints, type Point } from './sweep-design.ts';

export interface SweepCommandOptions {
  out: string;
  summary?: string;
  workers?: number;
  /** Continue an interrupted sweep from its `.partial` file. */
  resume?: boolean;
  /** `I/N`: run only the I-th of N contiguous blocks of the points. */
  shard?: string;
  /** A design to use instead of the experiment's (a sensitivity analysis's). */
  design?: Design;
  /** No closing line on standard error: the caller says what was written. */
  quiet?: boolean;
  /** The points already planned (`convene map`'s grid), instead of reading FILE. */
  plan?: SweepPlan;
}

/** The most points a sweep may have: each is a scenario held in memory. */
export const MAX_POINTS = 100_000;
export interface SweepPlan {
  experiment: Experiment;
  names: string[];
  points: Point[];
  scenarios: Scenario[];
  seedStart: number;
  /** The experiment's and the base scenario's files, by name and SHA-256. */
  files: { experiment: FileDigest; scenario: FileDigest };
}

/** The experiment file read and every point's scenario validated: errors name the point. */
export async function planSweep(file: string, cwd: string, design?: Design): Promise<SweepPlan> {
  const path = resolve(cwd, file);
  const text = await readText(path, file);
  const loaded = loadExperiment(text);
  if (!loaded.ok) throw new InvalidInput(loaded.errors.map((e) => formatExperimentError(e, file)));
  const experiment = design === undefined ? loaded.experiment : { ...loaded.experiment, design };
  return await planExperiment(experiment, { file, sha256: sha256(text) }, dirname(path), file);
}

/**
 * An experiment's points and their scenarios; the base scenario is read relative to `folder`.
 * `digest` names the experiment in manifests; `shown` in errors.
 */
export async function planExperiment(experiment: Experiment, digest: FileDigest, folder: string, shown: string): Promise<SweepPlan> {
  const file = shown;
  const names = Object.keys(experiment.parameters);
  const points = designPoints(experiment);
  if (points.length > MAX_POINTS) throw new InvalidInput(`${file}: the design has ${points.length} points; at most ${MAX_POINTS}`);

  const baseName = experiment.scenario;
  const basePath = resolve(folder, baseName);
  const baseText = await readText(basePath, baseName);
  const ext = extname(baseName).toLowerCase();
  const format = ext === '.json' ? 'json' : 'yaml';
  const scenarios: Scenario[] = [];
  for (const [i, point] of points.entries()) {
    const overrides = names.map((name, j) => `${name}=${JSON.stringify(point[j])}`);
    const result = loadScenario(baseText, { filename: baseName, format, overrides });
    if (!result.ok) {
      throw new InvalidInput(result.errors.map((e) => `${file}: point ${i} (${describePoint(names, point)}): ${formatScenarioError(e, baseName)}`));
    }
    scenarios.push(result.scenario);
  }
  const seedStart = experiment.seedStart ?? scenarios[0].seed;
  if (seedStart + experiment.seeds - 1 > MAX_SEED) throw new InvalidInput(`${file}: seeds would go past ${MAX_SEED}`);
  const files = { experiment: digest, scenario: { file: baseName, sha256: sha256(baseText) } };
  return { experiment, names, points, scenarios, seedStart, files };
}

export async function sweepCommand(file: string, options: SweepCommandOptions, io: CliIO): Promise<number> {
  const plan = options.plan ?? (await planSweep(file, io.cwd, options.design));
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  const toStdout = options.out === STDOUT;
  if (toStdout && options.summary === undefined) throw new InvalidInput('--out -: the rows go to standard output; name the summary\'s file with --summary FILE.csv');
  if (toStdout && options.resume) throw new InvalidInput('--resume needs --out FILE: rows written to standard output cannot be resumed');
  const format = toStdout ? 'csv' : outputFormat(options.out)!;
  const outPath = resolve(io.cwd, options.out);
  const summaryName = options.summary ?? defaultSummaryPath(options.out);
  const summaryPath = resolve(io.cwd, summaryName);
  await checkOutputPath(options.out, outPath);
  await checkOutputPath(summaryName, summaryPath, '--summary');
  if (summaryName === options.out) throw new InvalidInput(`--summary ${summaryName}: is the same ${toStdout ? 'stream' : 'file'} as --out`);
  if (outPath === summaryPath) throw new InvalidInput(`--summary ${summaryName}: is the same file as --out`);

  const { names, points, scenarios, seedStart } = plan;
  const seeds = plan.experiment.seeds;
  const [from, to] = shardRange(points.length, shard);
  const total = (to - from) * seeds;
  let out: PartialFile | undefined;
  // One summary row per point, held until the end: a killed sweep leaves only its partial file.
  const summaryRows: string[] = [];
  let done = 0;
  const failures: RunFailure[] = [];
  let progress: Progress | undefined;
  let ran = 0;
  try {
    const key = { command: 'sweep', engine: ENGINE_VERSION, experiment: plan.experiment, scenarios: digest(scenarios), shard: shard ?? null, format };
    const header = format === 'csv' ? sweepCsvHeader(names) : undefined;
    // A resumed row must be the run its place says; each point's summary is rebuilt from its rows.
    const keyOf = rowKey(format, 'sweep', header);
    let current = createSummary();
    const readRow = (line: string, index: number) => {
      const expected = { point: from + Math.floor(index / seeds), seed: seedStart + (index % seeds) };
      const found = keyOf(line);
      if (found.point !== expected.point || found.seed !== expected.seed) {
        throw new Error(`point ${found.point} seed ${found.seed}, expected point ${expected.point} seed ${expected.seed}`);
      }
      current.add(checkedResult(line, format));
      if (index % seeds === seeds - 1) {
        summaryRows.push(summaryRow(expected.point, points[expected.point], current.finish()));
        current = createSummary();
      }
    };
    if (toStdout) {
      out = streamedOutput((text) => writeText(io.stdout, text));
      if (header) await out.write(header);
    } else {
      out = await createPartialFile(outPath, { key, resume: options.resume ?? false, shown: options.out, header, readRow });
    }
    done = out.resumedRows;

    // Sized for the largest point's scenario, as a batch's chunks are (run-batch.ts).
    const largest = scenarios.reduce((most, s) => Math.max(most, countStakeholders(s.stakeholders)), 1);
    const work = planChunks(from + Math.floor(done / seeds), to, done % seeds, seeds, runsPerChunk(largest));
    progress = createProgress(io.stderr, total - done);
    await runChunks(
      work.chunks,
      (c) => {
        const { point, first, count } = work.at(c);
        return { scenario: scenarios[point], firstSeed: seedStart + first, count, rows: rowFormat(format, point, names, points[point]) };
      },
      {
        workers: options.workers ?? 1,
        onWarning: (m) => void io.stderr.write(`convene: ${m}\n`),
        onChunk: async (c, output) => {
          const { point, first, count } = work.at(c);
          failures.push(...output.failures.map((f) => ({ seed: f.seed, error: `point ${point}: ${f.error}` })));
          current.addBriefs(output);
          await out!.write(output.bytes);
          ran += output.outcome.length;
          progress!.update(ran, total - done);
          if (first + count === seeds) {
            summaryRows.push(summaryRow(point, points[point], current.finish()));
            current = createSummary();
          }
          // A chunk boundary: what is written so far survives a kill.
          await out!.checkpoint();
        },
      },
    );
    progress.stop();
    if (failures.length > 0) throw new BatchRunsFailed(failures);
    const manifest = (kind: 'sweep' | 'sweep-summary', output: Manifest['output']): Manifest =>
      planManifest(plan, io, { kind, format: kind === 'sweep' ? format : 'csv', shard: shard ?? null, range: [from, to], rows: kind === 'sweep' ? (to - from) * seeds : to - from, output });
    const summaryText = [summaryHeader(names), ...summaryRows].join('');
    if (summaryName !== STDOUT) {
      await writeManifest(summaryPath, manifest('sweep-summary', { bytes: Buffer.byteLength(summaryText), sha256: sha256(summaryText) }));
    }
    await writeOutput(summaryName, summaryPath, [summaryText], io);
    await out.commit((output) => writeManifest(outPath, manifest('sweep', output)));
  } catch (error) {
    progress?.stop();
    if (!out || toStdout || error instanceof BatchRunsFailed) {
      // Runs that failed: a failed sweep leaves nothing.
      await out?.abort();
      throw error;
    }
    // Interrupted, a worker killed twice, a full disk: what was written is kept for --resume.
    await out.keep();
    throw keptAfter(error, options.out, done + ran);
  }
  if (options.quiet) return 0;
  const part = shard ? `, shard ${shard.index}/${shard.count}: points ${from} to ${to - 1} of ${points.length}` : '';
  const resumedNote = done > 0 ? ` (resumed after ${done} rows)` : '';
  await writeText(
    io.stderr,
    `${to - from} points × ${seeds} seeds = ${total} runs (seeds ${seedStart} to ${seedStart + seeds - 1} at every point${part}), written to ${toStdout ? 'standard output' : options.out}${resumedNote}; summary in ${summaryName}\n`,
  );
  return 0;
}

/**
 * The manifest of a file made from an experiment's points (a sweep's rows or summary, a map, a
 * sensitivity analysis's indices): what every such file shares, and `part`, what this one is.
 */
export function planManifest(plan: SweepPlan, io: CliIO, part: Pick<Manifest, 'kind' | 'format' | 'shard' | 'range' | 'rows' | 'output'>): Manifest {
  return {
    convene: 'manifest',
    version: MANIFEST_VERSION,
    kind: part.kind,
    format: part.format,
    command: io.command,
    engine: ENGINE_VERSION,
    model: MODEL_VERSION,
    node: process.version,
    scenario: plan.files.scenario,
    experiment: plan.files.experiment,
    overrides: [],
    seeds: { start: plan.seedStart, count: plan.experiment.seeds },
    points: plan.points.length,
    shard: part.shard,
    range: part.range,
    rows: part.rows,
    output: part.output,
  };
}

/**
 * The chunks of points `firstPoint .. endPoint - 1`, `seeds` runs each, starting `skip` seeds into
 * the first point (a resumed sweep), of at most `size` seeds. Chunks never straddle two points, so
 * a point's summary is written when its last chunk is.
 */
export function planChunks(firstPoint: number, endPoint: number, skip: number, seeds: number, size: number) {
  const perPoint = Math.ceil(seeds / size);
  const firstChunks = firstPoint < endPoint ? Math.ceil((seeds - skip) / size) : 0;
  const rest = Math.max(0, endPoint - firstPoint - 1);
  return {
    chunks: firstChunks + rest * perPoint,
    at(c: number): { point: number; first: number; count: number } {
      if (c < firstChunks) {
        const first = skip + c * size;
        return { point: firstPoint, first, count: Math.min(size, seeds - first) };
      }
      const k = c - firstChunks;
      const first = (k % perPoint) * size;
      return { point: firstPoint + 1 + Math.floor(k / perPoint), first, count: Math.min(size, seeds - first) };
    },
  };
}

/** A fingerprint of every point's scenario, so --resume refuses rows of a changed base scenario. */
function digest(scenarios: Scenario[]): string {
  const hash = createHash('sha256');
  for (const s of scenarios) hash.update(JSON.stringify(s));
  return hash.digest('hex');
}

function rowFormat(format: 'csv' | 'jsonl', point: number, names: string[], values: Point): RowFormat {
  if (format === 'csv') return { format, prefix: [point, ...values].map(csvTextCell).join(',') + ',' };
  return { format, fields: { point, parameters: Object.fromEntries(names.map((n, i) => [n, values[i]])) } };
}

export function defaultSummaryPath(out: string): string {
  return out.slice(0, out.length - extname(out).length) + '.summary.csv';
}

export function sweepCsvHeader(names: string[]): string {
  return ['point', ...names, ...CSV_COLUMNS].map(csvTextCell).join(',') + '\n';
}

/**
 * The summary's header, in names R's `read.csv` keeps as they are (letters, digits and `_`; it
 * turns `-`, `[` and `]` into dots): `rough_consensus_low`, `median_rounds`, a parameter
 * `stakeholders[3].power` as `stakeholders_3_power`.
 */
export function summaryHeader(names: string[]): string {
  const shares = OUTCOMES.flatMap((o) => [o, `${o}_low`, `${o}_high`]);
  const columns = ['point', ...uniqueNames(names.map(rName)), 'runs', ...shares, 'median_rounds', 'median_legitimacy'];
  return columns.map((c) => csvTextCell(rName(c))).join(',') + '\n';
}

/** A column name R keeps: every run of characters other than letters and digits becomes one `_`. */
export function rName(name: string): string {
  return name.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'parameter';
}

/** Names made distinct: a second `a_b` (from `a.b` and `a-b`) becomes `a_b_2`. */
function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>(['point', 'runs']);
  return names.map((n) => {
    let name = n;
    for (let k = 2; seen.has(name); k++) name = `${n}_${k}`;
    seen.add(name);
    return name;
  });
}

function summaryRow(point: number, values: Point, s: BatchSummary): string {
  const shares = s.outcomes.flatMap((o) => [o.share, o.low, o.high]);
  return [point, ...values, s.runs, ...shares, s.medianRounds, s.medianLegitimacy].map(csvTextCell).join(',') + '\n';
}

function describePoint(names: string[], point: Point): string {
  return names.map((n, i) => `${n}=${JSON.stringify(point[i])}`).join(', ');
}

async function readText(path: string, shown: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) throw new InvalidInput(`${shown}: no such file`);
  if (info.size > MAX_FILE_BYTES) throw new InvalidInput(`${shown}: the file is too large (${info.size} bytes)`);
  return await readFile(path, 'utf8');
}
