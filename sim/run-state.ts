/**
 * Everything a run changes, round by round: per-stakeholder state in typed arrays, per-constituency
 * state in small arrays, and the round's own numbers. Phases read and write it; nothing else does.
 */
import { createArena, releaseArenaBuffer, runArenaBytes, takeArenaBuffer } from './arena.ts';
import { KERNEL_FROM, kernelArenaBytes, kernelMemory, releaseKernel, type Kernel } from './kernel/kernel.ts';
import { createMemo, MEMO_FROM, MEMO_LENGTH } from './kernel/time-share.ts';
import { countStakeholders } from './scenario/stakeholder-entries.ts';
import { readConditions, type Conditions } from './conditions.ts';
import { createPopulation, ROLE_BIT, type Population } from './population.ts';
import { createEventLog, type EventLog } from './event-log.ts';
import { STATE_WORDS, type Rng } from './rng.ts';
import { MEASURES, type End, type Series } from './result.ts';
import type { Scenario } from './scenario/schema.ts';

/** How a present stakeholder stands on this round's proposal. */
export const STANCE = {
  absent: 0,
  supports: 1,
  /** Objects, but engages and only a decimal point remains: counts as support. */
  addressed: 2,
  objects: 3,
  /** Does not engage with the proposal at all (beyond its openness). */
  disengaged: 4,
} as const;

export interface Tally {
  deciding: number;
  yes: number;
  heads: number;
  headsYes: number;
  /** A present decider does not fully support (unanimity fails). */
  anyObjection: boolean;
  /** A present implementer objects and its objection is not addressed. */
  implementerObjects: boolean;
}

export const emptyTally = (): Tally => ({
  deciding: 0,
  yes: 0,
  heads: 0,
  headsYes: 0,
  anyObjection: false,
  implementerObjects: false,
});

export interface RunState {
  scenario: Scenario;
  pop: Population;
  cond: Conditions;
  rng: Rng;
  record: EventLog;
  /** The round being run (rounds run so far, once a round is over). */
  t: number;
  end: End | null;

  // Fixed per stakeholder, derived once.
  /** Weight in support shares: power, or 1 by head. */
  weight: Float64Array;
  involved: Uint8Array;
  decides: Uint8Array;
  implementer: Uint8Array;
  affected: Uint8Array;
  /** ρ*: reservation raised by the outside option when the process does not bind (MODEL.md 5.4). */
  floor: Float64Array;
  /** T: the declared deadline, or the stakeholder's patience. */
  horizonFelt: Float64Array;
  /**
   * Bargaining power (model 2): each stakeholder's power over the involved stakeholders'
   * power-weighted mean power (leverageOf), which scales the share of its room above its floor
   * that its aspiration keeps (phase 4).
   */
  leverage: Float64Array;

  // Changing per stakeholder.
  position: Float64Array;
  /** Where each stakeholder will stand if the round goes on (written by evaluation, kept by concession). */
  nextPosition: Float64Array;
  resources: Float64Array;
  present: Uint8Array;
  /** Out for good: dropped out, declined or walked out (attendance skips them). */
  dropped: Uint8Array;
  /** Why (phases/leaving.ts' LEFT): the kernel does not read it, so it is not in the arena. */
  left: Uint8Array;
  /** ρ°: the outside floor, max((1 − μ)·o, [sideChannel]·o) (MODEL.md 5.1, walking out). */
  outsideFloor: Float64Array;
  /** Whether any stakeholder has an outside floor above 0: else nobody can walk out. */
  anyOutsideFloor: boolean;
  /** Evaluations in a row in which its utility for the proposal was below its outside floor. */
  belowOutside: Int32Array;
  /** Its utility for the last proposal it evaluated (for the walk-out's record). */
  lastUtility: Float64Array;
  joined: Uint8Array;
  /** Consecutive rounds it could not afford to attend. */
  broke: Int32Array;
  /** τ: felt time. */
  felt: Float64Array;
  aspiration: Float64Array;
  /** d_i(x_i, p): distance from its ideal to this round's proposal. */
  distance: Float64Array;
  stance: Uint8Array;
  /** Rounds in which it was among the blockers. */
  blockedCount: Int32Array;

  // Per constituency.
  organized: Uint8Array;
  chair: Int32Array;
  /** Scratch space for choosing the next chairs, reused every round. */
  nextChair: Int32Array;
  presentCount: Int32Array;

  // The round.
  proposal: Float64Array;
  /**
   * Drafting's D sums of voice × stated position over those present (its scratch space, reused
   * every round), and the sum of their voices; attendance adds them up in its own pass.
   */
  scratch: Float64Array;
  /** Drafting's D totals of voice × salience over those who speak (model 2: issue by issue). */
  voiceTotal: Float64Array;
  /** Where the two passes over the stakeholders leave their sums (kernel/boundary.ts names them). */
  sums: Float64Array;
  /**
   * The evaluation pass's memo of time shares (kernel/time-share.ts), for populations from
   * MEMO_FROM on; empty below, where it is not used.
   */
  memo: Float64Array;
  voices: number;
  openItems: number;
  invitedWeight: number;
  presentWeight: number;
  affectedCount: number;
  presentAffected: number;
  lowQuorumRounds: number;
  support: number;
  headSupport: number;
  dispersion: number;
  /** This round's tally among present deciders (weights per the convenor's weighting). */
  tally: Tally;
  /** The rule passed this round. */
  passed: boolean;

  // Across rounds.
  bestSupport: number;
  bestSupportRound: number;
  /** Best support share seen up to each round, for the stall rule. */
  bestByRound: number[];
  blockedRounds: number;
  /** The blockers of the latest blocked round: the minority still holding out. */
  lastBlockers: number[];
  firstBlock: { round: number; proposal: Float64Array; consented: Uint8Array } | null;
  adoptedRound: number | null;
  series: Series;
  /** Whether `series` is kept (a batch's runs do without). */
  keepSeries: boolean;
  /** The WebAssembly passes bound to this run's memory, or null where the TypeScript ones run. */
  kernel: Kernel | null;
  /** The buffer the arena's arrays are views of (the kernel's memory's, with the kernel). */
  arenaBuffer: ArrayBuffer;
}

const EMPTY_MEMO = new Float64Array(0);

export interface RunStateOptions {
  /** Keep the record of events (the minutes). Results do not depend on it. */
  record: boolean;
  rng: Rng;
  /**
   * Run the passes over the stakeholders in WebAssembly (kernel/kernel.ts): by default from
   * KERNEL_FROM stakeholders on, where WebAssembly exists. Results are the same either way.
   */
  kernel?: boolean;
  /** Keep each measure round by round in `series` (the view and results with series need them). */
  keepSeries?: boolean;
}

export function createRunState(scenario: Scenario, options: RunStateOptions): RunState {
  const rng = options.rng;
  const stakeholders = countStakeholders(scenario.stakeholders);
  const bytes = runArenaBytes(stakeholders, scenario.issues.length, scenario.constituencies.length);
  const kernelBytes = bytes + kernelArenaBytes(stakeholders, scenario.constituencies.length);
  const memory = (options.kernel ?? stakeholders >= KERNEL_FROM) ? kernelMemory(kernelBytes) : null;
  const arenaBuffer = memory?.buffer ?? takeArenaBuffer(bytes);
  const arena = createArena(arenaBuffer.byteLength, arenaBuffer);
  const pop = createPopulation(scenario, rng, arena);
  const copy = (from: Float64Array) => {
    const to = arena.f64(from.length);
    to.set(from);
    return to;
  };
  const cond = readConditions(scenario);
  const { n, d } = pop;
  const anyDecides = pop.roles.some((r) => (r & ROLE_BIT.decides) !== 0);
  /** 1 for each stakeholder holding the role. */
  const holding = (bit: number) => {
    const out = arena.u8(n);
    for (let i = 0; i < n; i++) out[i] = (pop.roles[i] & bit) !== 0 ? 1 : 0;
    return out;
  };
  const involved = holding(ROLE_BIT.involved);

  // Weighted by power, the weights are the powers themselves: one array, read once per stakeholder.
  const weight = cond.byHead ? arena.f64(n).fill(1) : pop.power;
  const floor = arena.f64(n);
  const horizonFelt = arena.f64(n);
  const outsideFloor = new Float64Array(n);
  let anyOutsideFloor = false;
  for (let i = 0; i < n; i++) {
    // Outside options count unless decision making is vested in the process and no side channel exists.
    const outside = pop.outside[i];
    outsideFloor[i] = Math.max((1 - cond.mandateStrength) * outside, cond.sideChannel ? outside : 0);
    if (outsideFloor[i] > 0) anyOutsideFloor = true;
    floor[i] = Math.max(pop.reservation[i], outsideFloor[i]);
    horizonFelt[i] = cond.deadline ?? pop.patience[i];
  }
  const leverage = leverageOf(pop.power, involved, arena.f64(n));
  let invitedWeight = 0;
  for (let i = 0; i < n; i++) if (involved[i]) invitedWeight += weight[i];
  const c = scenario.constituencies.length;
  const affected = holding(ROLE_BIT.affected);
  let affectedCount = 0;
  for (let i = 0; i < n; i++) affectedCount += affected[i];

  const state: RunState = {
    scenario,
    pop,
    cond,
    rng,
    record: createEventLog(options.record),
    t: 0,
    end: null,
    weight,
    involved,
    decides: anyDecides ? holding(ROLE_BIT.decides) : involved,
    implementer: holding(ROLE_BIT.implements),
    affected,
    floor,
    horizonFelt,
    leverage,
    position: copy(pop.ideal),
    nextPosition: copy(pop.ideal),
    resources: copy(pop.resources),
    present: arena.u8(n),
    dropped: arena.u8(n),
    left: new Uint8Array(n),
    outsideFloor,
    anyOutsideFloor,
    belowOutside: new Int32Array(n),
    lastUtility: new Float64Array(n),
    joined: arena.u8(n),
    broke: arena.i32(n),
    felt: arena.f64(n),
    aspiration: arena.f64(n).fill(1),
    distance: arena.f64(n),
    stance: arena.u8(n),
    blockedCount: arena.i32(n),
    organized: arena.u8(c),
    chair: arena.i32(c).fill(-1),
    nextChair: arena.i32(c),
    presentCount: arena.i32(c),
    proposal: arena.f64(d),
    scratch: arena.f64(d),
    voiceTotal: arena.f64(d),
    sums: arena.f64(8),
    // In the kernel's memory when the kernel runs (it reads the memo in place), else on the heap.
    memo: memory ? arena.f64(MEMO_LENGTH).fill(NaN) : n >= MEMO_FROM ? createMemo() : EMPTY_MEMO,
    voices: 0,
    openItems: cond.initialItems,
    invitedWeight,
    presentWeight: 0,
    affectedCount,
    presentAffected: 0,
    lowQuorumRounds: 0,
    support: 0,
    headSupport: 0,
    dispersion: 0,
    tally: emptyTally(),
    passed: false,
    bestSupport: 0,
    bestSupportRound: 0,
    bestByRound: [],
    blockedRounds: 0,
    lastBlockers: [],
    firstBlock: null,
    adoptedRound: null,
    series: Object.fromEntries(MEASURES.map((m) => [m, [] as number[]])) as unknown as Series,
    keepSeries: options.keepSeries ?? true,
    kernel: null,
    arenaBuffer,
  };
  if (memory) {
    const own = { memo: state.memo, sums: state.sums, subsidy: arena.f64(c), rng: arena.i32(STATE_WORDS), note: arena.u8(n) };
    own.subsidy.set(cond.subsidy);
    // The kernel reads the arrays in place: all of them must have found room in its memory.
    if (!arena.overflowed) {
      state.kernel = memory.bind(own);
      rng.moveTo(own.rng);
    }
  }
  return state;
}

/**
 * Lets the memory of a run that has ended go to the next run (runScenario does, after the result):
 * only for a run whose state nothing will read again, as its arrays are views of that memory.
 */
export function releaseRunState(s: RunState): void {
  if (s.kernel) releaseKernel(s.kernel);
  else releaseArenaBuffer(s.arenaBuffer);
}

/**
 * Each stakeholder's bargaining power against the room's (MODEL.md 5.4, model 2): its power over
 * the power-weighted mean power of the involved stakeholders, Σw² / Σw, the power of the
 * stakeholder a unit of the room's power belongs to (a crowd of small stakeholders moves it
 * little). Exactly 1 for everyone when all involved powers are equal (not the ratio's rounding
 * of it), so every figure of version 1 holds bit for bit.
 */
export function leverageOf(power: Float64Array, involved: Uint8Array, out: Float64Array): Float64Array {
  let sum = 0;
  let squares = 0;
  let first = NaN;
  let equal = true;
  for (let i = 0; i < power.length; i++) {
    if (!involved[i]) continue;
    if (Number.isNaN(first)) first = power[i];
    else if (power[i] !== first) equal = false;
    sum += power[i];
    squares += power[i] * power[i];
  }
  const typical = squares / sum;
  for (let i = 0; i < power.length; i++) out[i] = equal || !(typical > 0) ? 1 : power[i] / typical;
  return out;
}
