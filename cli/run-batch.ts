/**
 * Many runs of one scenario: run `k` uses seed `seedStart + k`, and results are handed over in
 * seed order. Runs keep no record (`record: false`): results are the same, only faster.
 *
 * Single-threaded for now. A worker pool slots in here: it may finish runs out of order, but must
 * still call `onResult` in seed order (hold early results until the ones before them arrive).
 */
import { runScenario, type RunResult, type Scenario } from '../sim/index.ts';

export interface BatchOptions {
  runs: number;
  seedStart: number;
  /** Accepted for the coming worker pool; one thread runs everything today. */
  workers?: number;
  /** Called once per run, in seed order; awaited, so a slow writer holds the batch back. */
  onResult(result: RunResult, index: number): void | Promise<void>;
}

/** Yield to the event loop this often, so that Ctrl-C and stream writes are served. */
const YIELD_MS = 50;

export async function runBatch(scenario: Scenario, options: BatchOptions): Promise<void> {
  let lastYield = Date.now();
  for (let k = 0; k < options.runs; k++) {
    const result = runScenario(scenario, { seed: options.seedStart + k, record: false });
    await options.onResult(result, k);
    if (Date.now() - lastYield >= YIELD_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      lastYield = Date.now();
    }
  }
}
