/**
 * The work a batch worker does: the runs of a chunk of consecutive seeds. Asked for rows, the
 * worker formats them itself and hands back one string per chunk plus the five numbers per run
 * that the summary needs, so the thread that writes the file does little more than write it.
 * A run that throws is handed back as a failure with its seed, so the batch reports it instead
 * of losing it.
 */
// The core's own modules, not sim/index.ts: a worker loads the runs, not the scenario loader.
import { OUTCOMES, type RunResult, runScenario } from '../sim/index.ts';
import type { Scenario } from '../sim/scenario/index.ts';
import { formatRow, type RowFormat } from '../analysis/index.ts';

export interface RunFailure {
  seed: number;
  error: string;
}

/** What came of a chunk's runs: every run that did not fail is in each array, in seed order. */
export interface ChunkOutput {
  /** The runs' rows, concatenated, when rows were asked for; else ''. */
  text: string;
  /** The runs' results when no rows were asked for; else empty. */
  results: RunResult[];
  /** Index in OUTCOMES of each run's outcome. */
  outcome: Uint8Array;
  rounds: Uint32Array;
  /** NaN for a run that adopted nothing. */
  legitimacy: Float64Array;
  /** How many declined the invitation, and how many walked out. */
  declined: Uint32Array;
  walkedOut: Uint32Array;
  failures: RunFailure[];
}

const OUTCOME_INDEX = new Map<string, number>(OUTCOMES.map((o, i) => [o, i]));

export function runChunk(scenario: Scenario, firstSeed: number, count: number, rows?: RowFormat): ChunkOutput {
  const outcome = new Uint8Array(count);
  const rounds = new Uint32Array(count);
  const legitimacy = new Float64Array(count);
  const declined = new Uint32Array(count);
  const walkedOut = new Uint32Array(count);
  const texts: string[] = [];
  const results: RunResult[] = [];
  const failures: RunFailure[] = [];
  let n = 0;
  for (let seed = firstSeed; seed < firstSeed + count; seed++) {
    let result: RunResult;
    try {
      result = runScenario(scenario, { seed, record: false });
    } catch (error) {
      failures.push({ seed, error: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (rows) texts.push(formatRow(rows, result));
    else results.push(result);
    outcome[n] = OUTCOME_INDEX.get(result.outcome)!;
    rounds[n] = result.rounds;
    legitimacy[n] = result.legitimacy ?? NaN;
    declined[n] = result.declined;
    walkedOut[n] = result.walkedOut;
    n++;
  }
  return {
    text: texts.join(''),
    results,
    outcome: outcome.subarray(0, n),
    rounds: rounds.subarray(0, n),
    legitimacy: legitimacy.subarray(0, n),
    declined: declined.subarray(0, n),
    walkedOut: walkedOut.subarray(0, n),
    failures,
  };
}

export const batchWorkerApi = { runChunk };
export type BatchWorkerApi = typeof batchWorkerApi;
