/**
 * `convene batch FILE --runs N [--seed-start S] [--workers W] [--out FILE.csv|FILE.jsonl]
 * [--set PATH=VALUE]...`: run k uses seed S + k (default S: the scenario's seed), one row per run
 * in seed order, CSV to standard output when there is no --out, the summary on standard error.
 *
 * Everything (scenario, overrides, arguments, the output's folder) is checked before any file is
 * created, and --out is written through a temporary file renamed at the end.
 */
import { stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { MAX_SEED } from '../sim/scenario-schema.ts';
import { createAtomicFile, type AtomicFile } from './atomic-file.ts';
import { csvHeader, csvRow, jsonlRow } from './batch-row.ts';
import { InvalidInput } from './invalid-input.ts';
import { writeText, type CliIO } from './io.ts';
import { outputFormat } from './parse-options.ts';
import { formatWarning, readScenario } from './read-scenario.ts';
import { runBatch } from './run-batch.ts';
import { createSummary, formatSummary } from './summary.ts';

export interface BatchCommandOptions {
  runs: number;
  seedStart?: number;
  workers?: number;
  out?: string;
  set?: string[];
}

export async function batchCommand(file: string, options: BatchCommandOptions, io: CliIO): Promise<number> {
  const { scenario, warnings } = await readScenario(file, { cwd: io.cwd, overrides: options.set });
  const seedStart = options.seedStart ?? scenario.seed;
  const lastSeed = seedStart + options.runs - 1;
  if (lastSeed > MAX_SEED) {
    throw new InvalidInput(
      `--runs ${options.runs} from seed ${seedStart} would reach seed ${lastSeed}; seeds go up to ${MAX_SEED}`,
    );
  }
  const format = options.out === undefined ? 'csv' : outputFormat(options.out)!;
  const outPath = options.out === undefined ? undefined : resolve(io.cwd, options.out);
  if (outPath !== undefined) await checkOutputPath(options.out!, outPath);

  for (const w of warnings) await writeText(io.stderr, formatWarning(file, w));

  const row = format === 'csv' ? csvRow : jsonlRow;
  const summary = createSummary();
  let out: AtomicFile | undefined;
  try {
    if (outPath !== undefined) out = await createAtomicFile(outPath);
    const write = out ? (text: string) => out!.write(text) : (text: string) => writeText(io.stdout, text);
    if (format === 'csv') await write(csvHeader());
    await runBatch(scenario, {
      runs: options.runs,
      seedStart,
      workers: options.workers,
      onResult: async (result) => {
        summary.add(result);
        await write(row(result));
      },
    });
    await out?.commit();
  } catch (error) {
    await out?.abort();
    throw error;
  }

  const seeds = options.runs === 1 ? `seed ${seedStart}` : `seeds ${seedStart} to ${lastSeed}`;
  const where = options.out === undefined ? '' : `, written to ${options.out}`;
  const heading = `${options.runs === 1 ? '1 run' : `${options.runs} runs`} (${seeds})${where}`;
  await writeText(io.stderr, formatSummary(summary.finish(), heading));
  return 0;
}

/** The folder must exist, and the target must not be a folder: bad arguments, found up front. */
async function checkOutputPath(given: string, path: string): Promise<void> {
  const folder = await stat(dirname(path)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new InvalidInput(`--out ${given}: the folder ${dirname(given)} does not exist`);
  const target = await stat(path).catch(() => undefined);
  if (target?.isDirectory()) throw new InvalidInput(`--out ${given}: is a folder; expected a file name`);
}
