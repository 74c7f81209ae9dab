/**
 * The Convene core: a validated scenario in, runs and results out. Pure TypeScript, deterministic,
 * no DOM and no Node, so the same code runs in a Web Worker, a Node worker thread and a test. It
 * imports no validator: the worker threads that only run load it alone. Turning a file into a
 * scenario is the other half, `sim/scenario/`.
 */
export { createRun, runScenario, type Run, type RunOptions, type ResultOptions } from './run.ts';
export { createRng, RNG_ALGORITHM, type Rng } from './rng.ts';
export { ENGINE_VERSION } from './version.ts';
export * from './result.ts';
export { STANCE } from './run-state.ts';
export type { Scenario, ScenarioInput } from './scenario/schema.ts';
