/**
 * The convenor's boundary conditions (MODEL.md section 4) read once from a validated scenario
 * into plain numbers and typed arrays, so the rounds never look into the scenario object.
 */
import type { RuleType, Scenario } from './scenario/schema.ts';

/** Mandate strength μ: how much is vested in the process. */
export const MANDATE_STRENGTH = { decision: 1, recommendation: 0.5, consultation: 0 } as const;

/** Voice of a member of a constituency that is not yet organized (fragmented voice). */
export const FRAGMENTED_VOICE = 0.5;

/** Rounds in a row that end a run: below quorum (collapse), unable to pay (dropping out). */
export const ROUNDS_IN_A_ROW = 3;

export interface Conditions {
  mandateStrength: number;
  rule: RuleType;
  /** Threshold q of rough-consensus and supermajority (0.5 for majority, 1 for unanimity). */
  threshold: number;
  /** q_rc: the support share that counts as rough consensus in the analysis. */
  roughConsensus: number;
  byHead: boolean;
  boxMin: Float64Array;
  boxMax: Float64Array;
  deadline: number | null;
  horizon: number;
  failureAllowed: boolean;
  stallRounds: number;
  minGain: number;
  sideChannel: boolean;
  /** The convenor's preferred point when it is in the room, else null. */
  preferred: Float64Array | null;
  /** γ, 0 when the convenor has left the room. */
  pull: number;
  openRecords: boolean;
  /** Resources granted per round, by constituency index. */
  subsidy: Float64Array;
  goodEnough: number;
  initialItems: number;
  growth: number;
  focusLoss: number;
  quorum: number;
  draftNoise: number;
  organizedAtStart: Uint8Array;
  organizeRounds: Int32Array;
  /** Rounds in a row below its outside floor before a stakeholder walks out; null: never. */
  exitRounds: number | null;
}

/** A text that gives a stakeholder exactly its floor is accepted: floors are compared within this. */
export const FLOOR_TOLERANCE = 1e-9;

export function readConditions(scenario: Scenario): Conditions {
  const c = scenario.convenor;
  const d = scenario.issues.length;
  const boxMin = new Float64Array(d);
  const boxMax = new Float64Array(d).fill(1);
  if (c.acceptable?.min) boxMin.set(c.acceptable.min);
  if (c.acceptable?.max) boxMax.set(c.acceptable.max);
  const index = new Map(scenario.constituencies.map((k, i) => [k.id, i]));
  const subsidy = new Float64Array(scenario.constituencies.length);
  for (const [id, amount] of Object.entries(c.subsidies)) subsidy[index.get(id)!] = amount;
  const threshold =
    c.rule.type === 'majority' ? 0.5 : c.rule.type === 'unanimity' ? 1 : c.rule.threshold;
  return {
    mandateStrength: MANDATE_STRENGTH[c.mandate],
    rule: c.rule.type,
    threshold,
    roughConsensus: scenario.analysis.roughConsensus,
    byHead: c.weighting === 'head',
    boxMin,
    boxMax,
    deadline: c.deadline,
    horizon: scenario.horizon,
    failureAllowed: c.declareFailure.allowed,
    stallRounds: c.declareFailure.stallRounds,
    minGain: c.declareFailure.minGain,
    sideChannel: c.sideChannel,
    preferred: c.inRoom ? Float64Array.from(c.inRoom.preferred) : null,
    pull: c.inRoom ? c.inRoom.pull : 0,
    openRecords: c.openRecords,
    subsidy,
    goodEnough: c.goodEnough,
    initialItems: c.agenda.items,
    growth: c.agenda.growth,
    focusLoss: c.agenda.focusLoss,
    quorum: c.quorum,
    draftNoise: c.draftNoise,
    organizedAtStart: Uint8Array.from(scenario.constituencies, (k) => (k.organized ? 1 : 0)),
    organizeRounds: Int32Array.from(scenario.constituencies, (k) => k.organizeRounds),
    exitRounds: c.exitRounds,
  };
}
