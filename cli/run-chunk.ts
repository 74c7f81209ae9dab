/**
 * The work a batch worker does: the runs of a chunk of consecutive seeds. A run that throws is
 * handed back as a failure with its seed, so the batch reports it instead of losing it.
 */
import { runScenario, type RunResult, type Scenario } from '../sim/index.ts';

export type ChunkOutcome = { seed: number; result: RunResult } | { seed: number; error: string };

export function runChunk(scenario: Scenario, firstSeed: number, count: number): ChunkOutcome[] {
  const outcomes: ChunkOutcome[] = [];
  for (let seed = firstSeed; seed < firstSeed + count; seed++) {
    try {
      outcomes.push({ seed, result: runScenario(scenario, { seed, record: false }) });
    } catch (error) {
      outcomes.push({ seed, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return outcomes;
}

export const batchWorkerApi = { runChunk };
export type BatchWorkerApi = typeof batchWorkerApi;
