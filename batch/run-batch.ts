/**
 * Many runs of one scenario: run `k` uses seed `seedStart + k`, and results are handed over in
 * seed order whatever the number of workers. Runs keep no record (`record: false`): results are
 * the same, only faster.
 *
 * With more than one worker, chunks of consecutive seeds go to a pool of worker threads. They may
 * finish out of order: finished chunks wait in a reorder buffer until the ones before them have
 * been handed over, and no worker starts a chunk more than `workers × AHEAD` chunks past the
 * oldest one not yet handed over, so memory stays bounded however many runs there are and a
 * slow writer holds the workers back.
 *
 * Given `rows`, the workers format each run's row themselves and `onRows` gets a chunk's rows as
 * one string: the command line's way, which leaves the writing thread almost idle. Without it,
 * `onResult` gets each run's result: the library's way.
 *
 * A run that throws does not stop the others: after the last run, the batch rejects with the
 * seeds that failed.
 */
import type { RunResult, Scenario } from '../sim/index.ts';
import { countStakeholders } from '../sim/scenario/index.ts';
import type { RowFormat } from '../analysis/index.ts';
import { runChunk, type ChunkOutput, type RunFailure } from './run-chunk.ts';
import { createWorkerPool } from './worker-pool.ts';

export type { ChunkOutput, RunFailure } from './run-chunk.ts';

export interface BatchOptions {
  runs: number;
  seedStart: number;
  /** Worker threads; 1 (the default) runs everything on the calling thread. */
  workers?: number;
  /** Seeds per chunk sent to a worker (default: chosen from runs and workers). */
  chunkSize?: number;
  /** Called once per run, in seed order, when no `rows` are asked for; awaited. */
  onResult?(result: RunResult, index: number): void | Promise<void>;
  /** Each run's row, formatted by the workers. */
  rows?: RowFormat;
  /** Called once per chunk, in seed order, with its rows when `rows` is given; awaited. */
  onRows?(chunk: ChunkOutput): void | Promise<void>;
  /** Called after each chunk is handed over, with the number of runs done; awaited. */
  onProgress?(done: number, total: number): void | Promise<void>;
  /** Told when a worker crashed and its runs are being run again. */
  onWarning?(message: string): void;
  /** The worker thread's script (tests use one that crashes). */
  workerUrl?: URL;
}

/** Stakeholders times runs in a chunk: 200 runs of the reference scenario, about 40 ms. */
const CHUNK_WORK = 6_000;

/**
 * Runs per chunk for a scenario of `stakeholders`: at most 200, fewer for larger scenarios, so
 * that a chunk takes tens of milliseconds whatever the scenario. Larger chunks mean fewer
 * messages: the writing thread, woken for each, takes its time from a core the workers need.
 * Smaller ones mean a batch checkpoints, shows progress and answers Ctrl-C more often.
 */
export function runsPerChunk(stakeholders: number): number {
  return Math.max(1, Math.min(200, Math.floor(CHUNK_WORK / stakeholders)));
}

/** Chunks a worker may be ahead of the writer, per worker. */
const AHEAD = 4;
/** Chunks given to a worker at a time: the one it runs and the next, so it never waits for work. */
const GIVEN = 2;
/** Yield to the event loop this often, so that Ctrl-C and stream writes are served. */
const YIELD_MS = 50;

export class BatchRunsFailed extends Error {
  constructor(readonly failures: RunFailure[]) {
    const first = failures[0];
    super(
      failures.length === 1
        ? `the run with seed ${first.seed} failed: ${first.error}`
        : `${failures.length} runs failed, seeds ${failures.map((f) => f.seed).join(', ')}; the first: ${first.error}`,
    );
  }
}

export interface BatchStats {
  /** The most finished chunks held in the reorder buffer at once (0 on one thread). */
  peakBufferedChunks: number;
}

export async function runBatch(scenario: Scenario, options: BatchOptions): Promise<BatchStats> {
  const failures: RunFailure[] = [];
  const workers = Math.max(1, Math.min(options.workers ?? 1, options.runs));
  // Enough chunks to share among the workers, and small enough to checkpoint often.
  const chunkSize = options.chunkSize ?? Math.max(1, Math.min(runsPerChunk(countStakeholders(scenario.stakeholders)), Math.ceil(options.runs / (workers * 8))));
  const chunks = Math.ceil(options.runs / chunkSize);
  const stats = await runChunks(
    chunks,
    (c) => ({ scenario, firstSeed: options.seedStart + c * chunkSize, count: Math.min(chunkSize, options.runs - c * chunkSize), rows: options.rows }),
    {
      workers,
      workerUrl: options.workerUrl,
      onWarning: options.onWarning,
      onChunk: async (c, output) => {
        failures.push(...output.failures);
        await options.onRows?.(output);
        if (options.onResult) {
          for (const result of output.results) await options.onResult(result, result.seed - options.seedStart);
        }
        if (options.onProgress) await options.onProgress(Math.min(options.runs, (c + 1) * chunkSize), options.runs);
      },
    },
  );
  if (failures.length > 0) throw new BatchRunsFailed(failures);
  return stats;
}

/** A piece of work: consecutive seeds of one scenario. */
export interface Chunk {
  scenario: Scenario;
  firstSeed: number;
  count: number;
  /** Rows formatted by the worker; none: results handed back. */
  rows?: RowFormat;
}

export interface PlanOptions {
  workers: number;
  /** Called once per chunk, in chunk order; awaited (back-pressure). */
  onChunk(chunk: number, output: ChunkOutput): void | Promise<void>;
  onWarning?(message: string): void;
  workerUrl?: URL;
}

/**
 * Runs chunks `0 .. chunks - 1` (`chunkAt(c)` describes chunk c) and hands their outcomes over in
 * chunk order: on this thread for one worker, else on a pool with a bounded reorder buffer.
 */
export async function runChunks(chunks: number, chunkAt: (c: number) => Chunk, options: PlanOptions): Promise<BatchStats> {
  const stats = { peakBufferedChunks: 0 };
  const workers = Math.max(1, Math.min(options.workers, chunks));
  if (workers === 1) {
    let lastYield = Date.now();
    for (let c = 0; c < chunks; c++) {
      const { scenario, firstSeed, count, rows } = chunkAt(c);
      await options.onChunk(c, runChunk(scenario, firstSeed, count, rows));
      if (Date.now() - lastYield >= YIELD_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = Date.now();
      }
    }
    return stats;
  }

  const buffer = new Map<number, ChunkOutput>();
  let next = 0; // next chunk to start
  let handed = 0; // chunks handed over
  let stop: unknown = undefined; // the first error: stops everyone
  let stopped = false;
  const changed = createSignal();

  const pool = createWorkerPool({ size: workers, workerUrl: options.workerUrl, onWarning: options.onWarning });
  const feed = async (slot: number) => {
    for (;;) {
      while (!stopped && next < chunks && next - handed >= workers * AHEAD) await changed.wait();
      if (stopped || next >= chunks) return;
      const c = next++;
      const { scenario, firstSeed, count, rows } = chunkAt(c);
      try {
        buffer.set(c, await pool.runChunk(slot, scenario, firstSeed, count, rows));
        stats.peakBufferedChunks = Math.max(stats.peakBufferedChunks, buffer.size);
      } catch (error) {
        if (!stopped) [stop, stopped] = [error, true];
      }
      changed.notify();
    }
  };
  const feeders = Array.from({ length: workers * GIVEN }, (_, k) => feed(k % workers));
  try {
    for (let c = 0; c < chunks; c++) {
      while (!buffer.has(c)) {
        if (stopped) throw stop;
        await changed.wait();
      }
      const output = buffer.get(c)!;
      buffer.delete(c);
      handed = c + 1;
      changed.notify();
      await options.onChunk(c, output);
    }
  } catch (error) {
    if (!stopped) [stop, stopped] = [error, true];
    throw error;
  } finally {
    stopped = true;
    changed.notify();
    await pool.close();
    await Promise.allSettled(feeders);
  }
  return stats;
}

/** Wakes everyone waiting when something changed; they look again. */
function createSignal() {
  let waiters: (() => void)[] = [];
  return {
    wait: () => new Promise<void>((resolve) => waiters.push(resolve)),
    notify() {
      const woken = waiters;
      waiters = [];
      for (const w of woken) w();
    },
  };
}
