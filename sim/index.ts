/**
 * The Convene core: a validated scenario in, runs and results out. Pure TypeScript, deterministic,
 * no DOM and no Node, so the same code runs in a Web Worker, a Node worker thread and a test. It
 * imports no validator: the worker threads that only run load it alone. Turning a file into a
 * scenario is the other half, `sim/scenario/`.
 */
export { createRun, runScenario, type Run, type RunOptions, type ResultOptions } from './run.ts';
export { ENGLISH_EXPLANATION, type ExplainWords } from './explain.ts';
export { createRng, RNG_ALGORITHM, type Rng } from './rng.ts';
export { ENGINE_VERSION, MODEL_VERSION } from './version.ts';
export * from './result.ts';
export type { RoomObservation, SettingObservation } from './observation.ts';
export { STANCE } from './run-state.ts';
export { LEFT } from './phases/leaving.ts';
export { foreseeProblems, MAJOR_POWER, type Foreseen } from './foreseen.ts';
export { forkMismatch } from './fork.ts';
export type { Scenario, ScenarioInput, ConvenorSpec, RuleType } from './scenario/schema.ts';
// Words of the scenario format a front end offers or splits without loading the validator:
// the validator itself stays behind sim/scenario/index.ts, so a bundle that only runs or draws
// (a batch worker, the page's main thread) loads no zod and no YAML parser.
export { ROLES, RULE_TYPES, MANDATES, WEIGHTINGS } from './scenario/vocabulary.ts';
export { splitOverride } from './scenario/path.ts';
// The product's words for outcomes, flags, shares and endings, for every front end.
export * from './words.ts';
export * from './glossary.ts';
