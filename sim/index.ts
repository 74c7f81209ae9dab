/**
 * The Convene core: scenario files in, runs and results out. Pure TypeScript, deterministic,
 * no DOM and no Node, so the same code runs in a Web Worker, a Node worker thread and a test.
 */
export { createRun, runScenario, runRound, type Run, type RunOptions, type ResultOptions } from './run.ts';
export { createRng, RNG_ALGORITHM, type Rng } from './rng.ts';
export { ENGINE_VERSION } from './version.ts';
export * from './result.ts';
export {
  scenarioSchema,
  scenarioJsonSchema,
  type Scenario,
  type ScenarioInput,
} from './scenario/schema.ts';
export { loadScenario, formatScenarioError, type LoadResult, type LoadOptions, type ScenarioError } from './scenario/load.ts';
