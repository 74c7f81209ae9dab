/**
 * `convene batch FILE --runs N [--seed-start S] [--workers W] [--out FILE.csv|FILE.jsonl]
 * [--set PATH=VALUE]...`: run k uses seed S + k (default S: the scenario's seed), one row per run
 * in seed order, CSV to standard output when there is no --out, the summary on standard error.
 *
 * Everything (scenario, overrides, arguments, the output's folder) is checked before any file is
 * created, and --out is written through a temporary file renamed at the end.
 */
import { resolve } from 'node:path';
import { MAX_SEED } from '../sim/scenario/index.ts';
import { InvalidInput, csvHeader, resultOfRow, createSummary, formatSummary } from '../analysis/index.ts';
import { ENGINE_VERSION, MODEL_VERSION } from '../sim/index.ts';
import { createPartialFile, keptAfter, type PartialFile } from './partial-file.ts';
import { MANIFEST_VERSION, writeManifest, type Manifest } from './manifest.ts';
import { checkedResult, rowKey } from './row-key.ts';

import { parseShard, shardRange } from './shard.ts';
import { checkOutputPath, STDOUT } from './output-path.ts';
import { writeText, type CliIO } from './io.ts';
import { outputFormat } from './parse-options.ts';
import { BatchRunsFailed, formatWarning, readScenario, runBatch } from '../batch/index.ts';
import { createProgress } from './progress-bar.ts';

export interface BatchCommandOptions {
  runs: number;
  seedStart?: number;
  workers?: number;
  out?: string;
  set?: string[];
  /** Continue an interrupted batch from its `.partial` file. */
  resume?: boolean;
  /** `I/N`: run only the I-th of N contiguous blocks of the seeds. */
  shard?: string;
}

export async function batchCommand(file: string, given: BatchCommandOptions, io: CliIO): Promise<number> {
  // `--out -` is standard output, as without --out.
  const options = given.out === STDOUT ? { ...given, out: undefined } : given;
  const { scenario, warnings, filename, sha256 } = await readScenario(file, { cwd: io.cwd, overrides: options.set, stdin: io.stdin });
  const seedStart = options.seedStart ?? scenario.seed;
  const lastSeed = seedStart + options.runs - 1;
  if (lastSeed > MAX_SEED) {
    throw new InvalidInput(
      `--runs ${options.runs} from seed ${seedStart} would reach seed ${lastSeed}; seeds go up to ${MAX_SEED}`,
    );
  }
  const shard = options.shard === undefined ? undefined : parseShard(options.shard);
  if (options.resume && options.out === undefined) throw new InvalidInput('--resume needs --out: rows written to standard output cannot be resumed');
  const [from, to] = shardRange(options.runs, shard);
  const format = options.out === undefined ? 'csv' : outputFormat(options.out)!;
  const outPath = options.out === undefined ? undefined : resolve(io.cwd, options.out);
  if (outPath !== undefined) await checkOutputPath(options.out!, outPath);

  for (const w of warnings) await writeText(io.stderr, formatWarning(filename, w));

  const summary = createSummary();
  let out: PartialFile | undefined;
  let done = 0;
  let written = 0;
  try {
    if (outPath !== undefined) {
      const overrides = options.set ?? [];
      const key = { command: 'batch', engine: ENGINE_VERSION, scenario, overrides, runs: options.runs, seedStart, shard: shard ?? null, format };
      // A resumed row must be the run its place says: seeds in order from the shard's first.
      const seedOf = rowKey(format, 'batch', csvHeader());
      out = await createPartialFile(outPath, {
        key,
        resume: options.resume ?? false,
        shown: options.out!,
        header: format === 'csv' ? csvHeader() : undefined,
        readRow(line, index) {
          const expected = seedStart + from + index;
          const { seed } = seedOf(line);
          if (seed !== expected) throw new Error(`seed ${seed}, expected ${expected}`);
          summary.add(checkedResult(line, format));
        },
      });
      done = out.resumedRows;
    }
    const write = out ? (data: string | Uint8Array) => out!.write(data) : (data: string | Uint8Array) => writeText(io.stdout, data);
    if (format === 'csv' && out === undefined) await write(csvHeader());
    const progress = createProgress(io.stderr, to - from - done);
    await runBatch(scenario, {
      runs: to - from - done,
      seedStart: seedStart + from + done,
      workers: options.workers,
      rows: { format },
      onRows: async (chunk) => {
        summary.addBriefs(chunk);
        await write(chunk.bytes);
        written += chunk.outcome.length;
      },
      onProgress: (n, total) => {
        progress.update(n, total);
        // A chunk boundary: what is written so far survives a kill.
        if (out) return out.checkpoint();
      },
      onWarning: (message) => void io.stderr.write(`convene: ${message}\n`),
    }).finally(() => progress.stop());
    await out?.commit(async (output) => {
      const manifest: Manifest = {
        convene: 'manifest',
        version: MANIFEST_VERSION,
        kind: 'batch',
        format,
        command: io.command,
        engine: ENGINE_VERSION,
        model: MODEL_VERSION,
        node: process.version,
        scenario: { file: filename, sha256 },
        experiment: null,
        overrides: options.set ?? [],
        seeds: { start: seedStart, count: options.runs },
        points: null,
        shard: shard ?? null,
        range: [from, to],
        rows: to - from,
        output,
      };
      await writeManifest(outPath!, manifest);
    });
  } catch (error) {
    if (!out || error instanceof BatchRunsFailed) {
      // Runs that failed: a failed batch leaves nothing.
      await out?.abort();
      throw error;
    }
    // Interrupted, a worker killed twice, a full disk: what was written is kept for --resume.
    await out.keep();
    throw keptAfter(error, options.out!, done + written);
  }

  const runs = to - from;
  const first = seedStart + from;
  const seeds = runs === 1 ? `seed ${first}` : `seeds ${first} to ${first + runs - 1}`;
  const where = options.out === undefined ? '' : `, written to ${options.out}`;
  const part = shard ? ` [shard ${shard.index}/${shard.count}]` : '';
  const resumed = done > 0 ? ` (resumed after ${done} rows)` : '';
  const heading = `${runs === 1 ? '1 run' : `${runs} runs`} (${seeds})${part}${where}${resumed}`;
  await writeText(io.stderr, formatSummary(summary.finish(), heading));
  return 0;
}
