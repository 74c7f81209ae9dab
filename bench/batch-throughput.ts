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

/** Runs per second of the command with `workers` workers: the best of `repeats`. */
export async function batchRunsPerSecond(file: string, workers: number, runs: number, repeats = 3): Promise<number> {
  let best = 0;
  for (let k = 0; k < repeats; k++) best = Math.max(best, runs / (await timeBatch(file, runs, workers, 1)));
  return best;
}

/** Runs per second of `processes` one-worker commands of `runs` runs each, started together: the best of `repeats`. */
export async function independentRunsPerSecond(file: string, processes: number, runs: number, repeats = 3): Promise<number> {
  let best = 0;
  for (let k = 0; k < repeats; k++) {
    const seconds = await Promise.all(Array.from({ length: processes }, (_, p) => timeBatch(file, runs, 1, 1 + p * runs)));
    best = Math.max(best, (processes * runs) / Math.max(...seconds));
  }
  return best;
}
