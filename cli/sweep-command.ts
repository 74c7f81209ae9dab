/**
 * `convene sweep EXPERIMENT.yaml --out FILE.csv|FILE.jsonl [--summary FILE.csv] [--workers W]`:
 * the runs of every point of an experiment (docs/experiments.md), one row per run in long format
 * (a column per varied parameter), and a summary row per point: each outcome's share with its 95%
 * Wilson interval, the medians of rounds and legitimacy.
 *
 * Every point gets the same seeds (common random numbers), so differences between points come
 * from the parameters, not from the luck of the draw.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import { formatScenarioError, loadScenario, OUTCOMES, type RunResult, type Scenario } from '../sim/index.ts';
import { MAX_SEED } from '../sim/scenario-schema.ts';
import { createAtomicFile, type AtomicFile } from './atomic-file.ts';
import { CSV_COLUMNS, csvCell, csvRow } from './batch-row.ts';
import { formatExperimentError, loadExperiment } from './experiment-load.ts';
import type { Experiment } from './experiment-schema.ts';
import { InvalidInput } from './invalid-input.ts';
import { writeText, type CliIO } from './io.ts';
import { outputFormat } from './parse-options.ts';
import { createProgress } from './progress-bar.ts';
import { MAX_FILE_BYTES } from './read-scenario.ts';
import { BatchRunsFailed, runChunks } from './run-batch.ts';
import { createSummary, type BatchSummary } from './summary.ts';
import { designPoints, type Point } from './sweep-design.ts';

export interface SweepCommandOptions {
  out: string;
  summary?: string;
  workers?: number;
}

/** The most points a sweep may have: each is a scenario held in memory. */
export const MAX_POINTS = 100_000;
const CHUNK = 25;

export interface SweepPlan {
  experiment: Experiment;
  names: string[];
  points: Point[];
  scenarios: Scenario[];
  seedStart: number;
}

/** The experiment file read and every point's scenario validated: errors name the point. */
export async function planSweep(file: string, cwd: string): Promise<SweepPlan> {
  const path = resolve(cwd, file);
  const text = await readText(path, file);
  const loaded = loadExperiment(text);
  if (!loaded.ok) throw new InvalidInput(loaded.errors.map((e) => formatExperimentError(e, file)));
  const experiment = loaded.experiment;
  const names = Object.keys(experiment.parameters);
  const points = designPoints(experiment);
  if (points.length > MAX_POINTS) throw new InvalidInput(`${file}: the design has ${points.length} points; at most ${MAX_POINTS}`);

  const baseName = experiment.scenario;
  const basePath = resolve(dirname(path), baseName);
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
  return { experiment, names, points, scenarios, seedStart };
}

export async function sweepCommand(file: string, options: SweepCommandOptions, io: CliIO): Promise<number> {
  const plan = await planSweep(file, io.cwd);
  const format = outputFormat(options.out)!;
  const outPath = resolve(io.cwd, options.out);
  const summaryPath = resolve(io.cwd, options.summary ?? defaultSummaryPath(options.out));
  for (const p of [outPath, summaryPath]) {
    const folder = await stat(dirname(p)).catch(() => undefined);
    if (!folder?.isDirectory()) throw new InvalidInput(`${p}: the folder does not exist`);
  }

  const { names, points, scenarios, seedStart } = plan;
  const seeds = plan.experiment.seeds;
  const perPoint = Math.ceil(seeds / CHUNK);
  const total = points.length * seeds;
  const progress = createProgress(io.stderr, total);
  let out: AtomicFile | undefined;
  let summaryOut: AtomicFile | undefined;
  const failures: { seed: number; error: string }[] = [];
  try {
    out = await createAtomicFile(outPath);
    summaryOut = await createAtomicFile(summaryPath);
    if (format === 'csv') await out.write(sweepCsvHeader(names));
    await summaryOut.write(summaryHeader(names));
    let current = createSummary();
    let done = 0;
    await runChunks(
      points.length * perPoint,
      (c) => {
        const point = Math.floor(c / perPoint);
        const first = (c % perPoint) * CHUNK;
        return { scenario: scenarios[point], firstSeed: seedStart + first, count: Math.min(CHUNK, seeds - first) };
      },
      {
        workers: options.workers ?? 1,
        onWarning: (m) => void io.stderr.write(`convene: ${m}\n`),
        onChunk: async (c, outcomes) => {
          const point = Math.floor(c / perPoint);
          for (const o of outcomes) {
            if ('error' in o) {
              failures.push({ seed: o.seed, error: `point ${point}: ${o.error}` });
              continue;
            }
            current.add(o.result);
            await out!.write(format === 'csv' ? sweepCsvRow(point, points[point], o.result) : sweepJsonlRow(point, names, points[point], o.result));
          }
          done += outcomes.length;
          progress.update(done, total);
          if (c % perPoint === perPoint - 1) {
            await summaryOut!.write(summaryRow(point, points[point], current.finish()));
            current = createSummary();
          }
        },
      },
    );
    if (failures.length > 0) throw new BatchRunsFailed(failures);
    progress.stop();
    await out.commit();
    await summaryOut.commit();
  } catch (error) {
    progress.stop();
    await out?.abort();
    await summaryOut?.abort();
    throw error;
  }
  await writeText(
    io.stderr,
    `${points.length} points × ${seeds} seeds = ${total} runs (seeds ${seedStart} to ${seedStart + seeds - 1} at every point), written to ${options.out}; summary in ${options.summary ?? defaultSummaryPath(options.out)}\n`,
  );
  return 0;
}

export function defaultSummaryPath(out: string): string {
  return out.slice(0, out.length - extname(out).length) + '.summary.csv';
}

export function sweepCsvHeader(names: string[]): string {
  return ['point', ...names, ...CSV_COLUMNS].map(csvCell).join(',') + '\n';
}

export function sweepCsvRow(point: number, values: Point, result: RunResult): string {
  return [point, ...values].map((v) => csvCell(typeof v === 'boolean' ? String(v) : v)).join(',') + ',' + csvRow(result);
}

export function sweepJsonlRow(point: number, names: string[], values: Point, result: RunResult): string {
  return JSON.stringify({ point, parameters: Object.fromEntries(names.map((n, i) => [n, values[i]])), ...result }) + '\n';
}

function summaryHeader(names: string[]): string {
  const shares = OUTCOMES.flatMap((o) => [o, `${o}.low`, `${o}.high`]);
  return ['point', ...names, 'runs', ...shares, 'medianRounds', 'medianLegitimacy'].map(csvCell).join(',') + '\n';
}

function summaryRow(point: number, values: Point, s: BatchSummary): string {
  const shares = s.outcomes.flatMap((o) => [o.share, o.interval[0], o.interval[1]]);
  return [point, ...values, s.runs, ...shares, s.medianRounds, s.medianLegitimacy]
    .map((v) => csvCell(typeof v === 'boolean' ? String(v) : v))
    .join(',') + '\n';
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
