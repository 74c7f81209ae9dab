/**
 * Convene as a library, for analysts who script in Node:
 *
 *   import { loadScenario, runScenario, runBatch } from 'convene';
 *
 * The core (`sim/`): load and validate a scenario, run it, read its result, record and measures.
 * Plus `runBatch`, many seeds on a pool of worker threads with results handed over in seed order
 * (the engine of `convene batch`), and `readScenarioFile`, a scenario file read from disk with
 * `--set`-style overrides, as the command line reads it.
 */
export * from '../sim/index.ts';
export { wilsonInterval } from '../analysis/wilson.ts';
export { runBatch, BatchRunsFailed, type BatchOptions, type BatchStats, type ChunkOutput } from '../batch/run-batch.ts';
export type { RowFormat } from '../analysis/batch-row.ts';
export { createSummary, type BatchSummary, type OutcomeShare } from '../analysis/summary.ts';
export { readScenario as readScenarioFile, type ScenarioRead } from '../batch/read-scenario.ts';
export { InvalidInput } from '../sim/scenario/invalid-input.ts';
