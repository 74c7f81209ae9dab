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
export {
  loadScenario,
  formatScenarioError,
  scenarioSchema,
  scenarioJsonSchema,
  type LoadResult,
  type LoadOptions,
  type ScenarioError,
} from '../sim/scenario/index.ts';
export {
  wilsonInterval,
  createSummary,
  InvalidInput,
  type BatchSummary,
  type OutcomeShare,
  type RowFormat,
} from '../analysis/index.ts';
export {
  runBatch,
  BatchRunsFailed,
  readScenario as readScenarioFile,
  type BatchOptions,
  type BatchStats,
  type ChunkOutput,
  type ScenarioRead,
} from '../batch/index.ts';
