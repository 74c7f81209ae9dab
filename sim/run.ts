/**
 * A run: `createRun(scenario, { seed })` gives something to `step()` and read. The page calls it
 * from animation frames, the command line in a loop, the tests directly; reset is "create again".
 */
import { explain, type ExplainWords } from './explain.ts';
import { participation, inclusion, legitimacy, takeMeasures } from './measures.ts';
import { attackers, classifyOutcome, findFlags } from './outcome.ts';
import { growAgenda } from './phases/agenda.ts';
import { attend } from './phases/attendance.ts';
import { adoptConcessions } from './kernel/evaluation-pass.ts';
import { decide } from './phases/decision.ts';
import { draftFromVoices } from './phases/drafting.ts';
import { evaluate } from './phases/evaluation.ts';
import { checkQuorum } from './phases/quorum.ts';
import { checkStall } from './phases/stall.ts';
import type { RunResult } from './result.ts';
import { createRng } from './rng.ts';
import { createRunState, releaseRunState, type RunState } from './run-state.ts';
import type { Scenario } from './scenario/schema.ts';
import { ENGINE_VERSION, MODEL_VERSION } from './version.ts';
import { LEFT } from './phases/leaving.ts';
import { forkState } from './fork.ts';
import { observeRoom, observeSetting, type RoomObservation, type SettingObservation } from './observation.ts';

export interface RunOptions {
  /** The run's seed; the scenario's own seed when left out. */
  seed?: number;
  /** Keep the record of events (default true). Batches switch it off; results are the same. */
  record?: boolean;
  /** Use the WebAssembly passes (kernel/kernel.ts); by default from 1,000 stakeholders on. Results are the same. */
  kernel?: boolean;
  /**
   * Keep each measure round by round (default true), for `series` in the result and the view.
   * `runScenario` keeps them only when its result is to have them.
   */
  keepSeries?: boolean;
}

export interface ResultOptions {
  /** Add one array per measure, a value per round. */
  series?: boolean;
  /** Add the record. */
  events?: boolean;
  /** The explanation's words, for a front end in another language (English otherwise). */
  words?: ExplainWords;
}

export interface Run {
  /** Rounds run so far. */
  readonly round: number;
  readonly done: boolean;
  /** Runs up to `rounds` more rounds (default 1); returns how many ran. */
  step(rounds?: number): number;
  /** Runs to the end and returns the result. */
  finish(options?: ResultOptions): RunResult;
  /** The result of a finished run. */
  result(options?: ResultOptions): RunResult;
  /** The room now, by name: positions, stances, the proposal, the measures, the record. */
  observe(): RoomObservation;
  /** Who is there and the convenor's conditions: what stays the same for the whole run. */
  setting(): SettingObservation;
  /**
   * A new run that continues this one's exact state from this round, under `scenario`'s
   * conditions (the same stakeholders; default: unchanged, which continues bit for bit as this
   * run will). This run goes on unchanged. sim/fork.ts says what carries over.
   */
  fork(change?: { scenario?: Scenario }): Run;
}

export function createRun(scenario: Scenario, options: RunOptions = {}): Run {
  const seed = options.seed ?? scenario.seed;
  const state = createRunState(scenario, {
    record: options.record ?? true,
    rng: createRng(seed),
    kernel: options.kernel,
    keepSeries: options.keepSeries ?? true,
  });
  return new SteppedRun(state, seed);
}

/**
 * A class rather than an object of closures: V8 allocates the functions of an object literal
 * with getters straight into the old generation. Through them the whole run state outlived the
 * run until the next full collection: a quarter of a batch's memory, copied by every scavenge.
 */
class SteppedRun implements Run {
  constructor(
    readonly state: RunState,
    private readonly seed: number,
  ) {}

  get round(): number {
    return this.state.t;
  }

  get done(): boolean {
    return this.state.end !== null;
  }

  step(rounds = 1): number {
    let ran = 0;
    while (ran < rounds && this.state.end === null) {
      runRound(this.state);
      ran++;
    }
    return ran;
  }

  finish(options?: ResultOptions): RunResult {
    while (this.state.end === null) runRound(this.state);
    return this.result(options);
  }

  result(options: ResultOptions = {}): RunResult {
    if (this.state.end === null) throw new Error('the run has not ended: step() it to the end first');
    return summarize(this.state, this.seed, options);
  }

  observe(): RoomObservation {
    return observeRoom(this.state);
  }

  setting(): SettingObservation {
    return observeSetting(this.state);
  }

  fork(change: { scenario?: Scenario } = {}): Run {
    return new SteppedRun(forkState(this.state, this.seed, change.scenario ?? this.state.scenario), this.seed);
  }
}

/**
 * The state inside a run, for the core's own tests and benchmarks: the rest of the code reads a
 * run through `observe()` and `setting()`.
 */
export function stateOf(run: Run): RunState {
  if (!(run instanceof SteppedRun)) throw new Error('not a run made by createRun');
  return run.state;
}

/** Runs a scenario to the end and returns its result. */
export function runScenario(scenario: Scenario, options: RunOptions & ResultOptions = {}): RunResult {
  const record = options.record ?? options.events ?? false;
  const run = createRun(scenario, { seed: options.seed, record, kernel: options.kernel, keepSeries: options.series ?? false });
  const result = run.finish(options);
  // The result holds no view of the run's arrays, and nothing else will read them.
  releaseRunState(stateOf(run));
  return result;
}

/** One round: the phases of MODEL.md section 5, in order. */
function runRound(s: RunState): void {
  attend(s);
  if (checkQuorum(s)) {
    s.support = 0;
    s.headSupport = 0;
    s.record.add({ round: s.t, type: 'collapse', value: participation(s) });
    finishRound(s, 'collapse');
    return;
  }
  draftFromVoices(s); // attendance has summed the voices
  evaluate(s);
  if (decide(s)) {
    finishRound(s, 'adopted');
    return;
  }
  adoptConcessions(s); // phase 6: the evaluation pass worked out the concessions
  growAgenda(s);
  const end = checkStall(s);
  if (end === 'declared-failure') s.record.add({ round: s.t, type: 'failure-declared', value: s.bestSupport });
  finishRound(s, end);
}

function finishRound(s: RunState, end: RunState['end']): void {
  takeMeasures(s);
  s.t++;
  if (end === null) return;
  s.end = end;
  if (end === 'adopted') {
    for (const i of attackers(s)) {
      s.record.add({ round: s.t - 1, type: 'collateral-attack', stakeholder: s.pop.id(i), value: s.pop.outside[i] });
    }
  }
}

const MAX_BLOCKERS = 20;

function topBlockers(s: RunState): string[] {
  const counted: number[] = [];
  for (let i = 0; i < s.pop.n; i++) if (s.blockedCount[i] > 0) counted.push(i);
  counted.sort((a, b) => s.blockedCount[b] - s.blockedCount[a] || a - b);
  return counted.slice(0, MAX_BLOCKERS).map((i) => s.pop.id(i));
}

function summarize(s: RunState, seed: number, options: ResultOptions): RunResult {
  const adopted =
    s.adoptedRound === null
      ? null
      : { round: s.adoptedRound, position: Array.from(s.proposal), support: s.support };
  const result: RunResult = {
    convene: 1,
    engine: ENGINE_VERSION,
    model: MODEL_VERSION,
    scenario: s.scenario.name,
    seed,
    outcome: classifyOutcome(s),
    end: s.end!,
    flags: findFlags(s),
    rounds: s.t,
    adopted,
    bestSupport: { round: s.bestSupportRound, support: s.bestSupport },
    blockedRounds: s.blockedRounds,
    blockers: topBlockers(s),
    support: s.support,
    participation: participation(s),
    inclusion: inclusion(s),
    legitimacy: adopted ? legitimacy(s) : null,
    openItems: s.openItems,
    declined: countLeft(s, LEFT.declined),
    walkedOut: countLeft(s, LEFT.walkedOut),
    explanation: '',
  };
  result.explanation = explain(s, result, options.words);
  if (options.series) result.series = s.series;
  if (options.events) result.events = s.record.events;
  return result;
}

function countLeft(s: RunState, reason: number): number {
  let count = 0;
  for (let i = 0; i < s.left.length; i++) if (s.left[i] === reason) count++;
  return count;
}
