/**
 * The work a batch worker does: the runs of a chunk of consecutive seeds. Asked for rows, the
 * worker formats them itself and hands back the chunk's rows as UTF-8 bytes plus the five numbers
 * per run that the summary needs, so the thread that writes the file does little more than write
 * it. A run that throws is handed back as a failure with its seed, so the batch reports it
 * instead of losing it.
 *
 * What a chunk gathers lives off the JavaScript heap, in buffers the worker keeps from chunk to
 * chunk: each row is encoded into bytes as soon as it is formatted, so no row's text outlives
 * its run. Gathered as strings, a chunk's rows outlived the scavenges of its runs and were
 * promoted to the old generation, about 180 bytes a run to be freed only by a full collection;
 * a long batch's peak memory grew with them (BENCHMARKS.md, "Memory against a batch's length").
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
  /** The runs' rows, concatenated, as UTF-8, when rows were asked for; else empty. */
  bytes: Uint8Array;
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

/** The buffers a thread reuses for its chunks; each output gets copies of what it used. */
const kept = {
  bytes: new Uint8Array(1 << 16),
  outcome: new Uint8Array(0),
  rounds: new Uint32Array(0),
  legitimacy: new Float64Array(0),
  declined: new Uint32Array(0),
  walkedOut: new Uint32Array(0),
};
const encoder = new TextEncoder();

/** Appends `text` as UTF-8 at `used` in the kept byte buffer, growing it; the new length. */
function encodeAt(text: string, used: number): number {
  // A UTF-16 code unit takes at most three bytes of UTF-8.
  if (used + 3 * text.length > kept.bytes.length) {
    const grown = new Uint8Array(Math.max(2 * kept.bytes.length, used + 3 * text.length));
    grown.set(kept.bytes.subarray(0, used));
    kept.bytes = grown;
  }
  return used + encoder.encodeInto(text, kept.bytes.subarray(used)).written;
}

export function runChunk(scenario: Scenario, firstSeed: number, count: number, rows?: RowFormat): ChunkOutput {
  if (kept.outcome.length < count) {
    kept.outcome = new Uint8Array(count);
    kept.rounds = new Uint32Array(count);
    kept.legitimacy = new Float64Array(count);
    kept.declined = new Uint32Array(count);
    kept.walkedOut = new Uint32Array(count);
  }
  const { outcome, rounds, legitimacy, declined, walkedOut } = kept;
  const results: RunResult[] = [];
  const failures: RunFailure[] = [];
  let n = 0;
  let used = 0;
  for (let seed = firstSeed; seed < firstSeed + count; seed++) {
    let result: RunResult;
    try {
      result = runScenario(scenario, { seed, record: false });
    } catch (error) {
      failures.push({ seed, error: error instanceof Error ? error.message : String(error) });
      continue;
    }
    if (rows) used = encodeAt(formatRow(rows, result), used);
    else results.push(result);
    outcome[n] = OUTCOME_INDEX.get(result.outcome)!;
    rounds[n] = result.rounds;
    legitimacy[n] = result.legitimacy ?? NaN;
    declined[n] = result.declined;
    walkedOut[n] = result.walkedOut;
    n++;
  }
  return {
    bytes: kept.bytes.slice(0, used),
    results,
    outcome: outcome.slice(0, n),
    rounds: rounds.slice(0, n),
    legitimacy: legitimacy.slice(0, n),
    declined: declined.slice(0, n),
    walkedOut: walkedOut.slice(0, n),
    failures,
  };
}

export const batchWorkerApi = { runChunk };
export type BatchWorkerApi = typeof batchWorkerApi;
