/**
 * Batch throughput as a user gets it: the built command, `convene batch scenarios/reference.yaml
 * --runs N --workers W`, rows formatted as CSV and written to /dev/null, timed from start to exit
 * (start-up included). The command is what is measured, not `runBatch` inside this process: here
 * the scenario loader came in through tsx, which slows this thread's typed arrays (BENCHMARKS.md),
 * and would flatter the worker threads against it.
 *
 * The ceiling, whatever a batch does: two `--workers 1` commands of N/2 runs each started
 * together, against one alone. Their ratio is what this machine's two cores give to work that
 * shares nothing.
 */
import { spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';

const CLI = new URL('../bin/convene.js', import.meta.url).pathname;

/** Seconds from start to exit of `convene batch` with these arguments (output to /dev/null). */
function timeBatch(file: string, runs: number, workers: number, seedStart: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const devNull = openSync('/dev/null', 'w');
    const start = process.hrtime.bigint();
    const child = spawn(process.execPath, [CLI, 'batch', file, '--runs', String(runs), '--workers', String(workers), '--seed-start', String(seedStart)], {
      stdio: ['ignore', devNull, 'ignore'],
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      closeSync(devNull);
      if (code !== 0) reject(new Error(`convene batch exited with ${code}`));
      else resolve(Number(process.hrtime.bigint() - start) / 1e9);
    });
  });
}

/**
 * Runs per second with 1 and with 2 workers, the best of `repeats` each, timed in turns (1 then 2
 * workers); and each turn's ratio, two timings minutes apart being less alike than two adjacent.
 */
export async function batchRunsPerSecond(file: string, runs: number, repeats = 3): Promise<{ one: number; two: number; ratios: number[] }> {
  let one = 0;
  let two = 0;
  const ratios: number[] = [];
  for (let k = 0; k < repeats; k++) {
    const alone = runs / (await timeBatch(file, runs, 1, 1));
    const pair = runs / (await timeBatch(file, runs, 2, 1));
    one = Math.max(one, alone);
    two = Math.max(two, pair);
    ratios.push(pair / alone);
  }
  return { one, two, ratios };
}

/** Seconds of the shortest batch (two runs) with 1 and with 2 workers: what a batch costs before its runs. */
export async function batchStartSeconds(file: string, repeats = 5): Promise<{ one: number; two: number }> {
  let one = Infinity;
  let two = Infinity;
  for (let k = 0; k < repeats; k++) {
    one = Math.min(one, await timeBatch(file, 2, 1, 1));
    two = Math.min(two, await timeBatch(file, 2, 2, 1));
  }
  return { one, two };
}

/** Runs per second of one one-worker command of `runs` runs, and of `processes` of them started together: the best of `repeats` each, in turns. */
export async function independentRunsPerSecond(file: string, processes: number, runs: number, repeats = 3): Promise<{ alone: number; together: number }> {
  let alone = 0;
  let together = 0;
  for (let k = 0; k < repeats; k++) {
    alone = Math.max(alone, runs / (await timeBatch(file, runs, 1, 1)));
    const seconds = await Promise.all(Array.from({ length: processes }, (_, p) => timeBatch(file, runs, 1, 1 + p * runs)));
    together = Math.max(together, (processes * runs) / Math.max(...seconds));
  }
  return { alone, together };
}
