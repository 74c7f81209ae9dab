/**
 * What a running meeting shows of itself, read by name (as Mesa's reporters are): the page draws
 * it and tests read it, without reaching into the run's state. Arrays are views of the run's own,
 * valid until its next step: copy what you keep.
 */
import type { RunEvent, Series } from './result.ts';
import type { RunState } from './run-state.ts';
import type { ConvenorSpec, RuleType } from './scenario/schema.ts';

/** The room now: each stakeholder's state, the text on the table and the measures so far. */
export interface RoomObservation {
  /** Rounds run so far. */
  readonly round: number;
  readonly done: boolean;
  /** Each stakeholder's stated position, n × d, row by row. */
  readonly position: Float64Array;
  readonly present: Uint8Array;
  readonly dropped: Uint8Array;
  /** Each stakeholder's stance this round, a value of STANCE. */
  readonly stance: Uint8Array;
  /** Each present stakeholder's aspiration this round (MODEL.md 5.4). */
  readonly aspiration: Float64Array;
  /** Each present stakeholder's salience-weighted distance from its ideal to this round's proposal. */
  readonly distance: Float64Array;
  /** Per stakeholder: 0 while it may take part, else why it left (LEFT in sim/phases/leaving.ts). */
  readonly left: Uint8Array;
  readonly resources: Float64Array;
  /** Per constituency: 1 once it is organized. */
  readonly organized: Uint8Array;
  /** Per constituency: the index of its chair, or -1. */
  readonly chair: Int32Array;
  /** The proposal of the latest round run (the defining mean before round 0). */
  readonly proposal: Float64Array;
  readonly openItems: number;
  readonly support: number;
  /** Each measure round by round, when the run keeps them. */
  readonly series: Series;
  /** The record so far, oldest first (empty when the run keeps none). */
  readonly events: readonly RunEvent[];
}

/** What does not change during a run: who is there, and the convenor's conditions. */
export interface SettingObservation {
  readonly n: number;
  readonly d: number;
  id(i: number): string;
  indexOf(id: string): number;
  readonly ideal: Float64Array;
  readonly power: Float64Array;
  /** Resources at the start. */
  readonly resources: Float64Array;
  readonly reservation: Float64Array;
  /** ρ*: its effective bottom line, the reservation or the outside option where it counts. */
  readonly floor: Float64Array;
  /** ρ°: its outside floor, below which it walks out (model 2). */
  readonly outsideFloor: Float64Array;
  /** Its leverage: power over the room's power-weighted mean power (model 2). */
  readonly leverage: Float64Array;
  /** How far a text may be from its ideal for it to engage. */
  readonly openness: Float64Array;
  /** Each stakeholder's constituency, as an index into the scenario's constituencies. */
  readonly constituency: Int32Array;
  /** Each stakeholder's roles as bits (sim/population.ts ROLE_BIT). */
  readonly roles: Uint8Array;
  /** The convenor's conditions as validated. */
  readonly convenor: ConvenorSpec;
  readonly rule: RuleType;
  /** The rule's threshold as applied: 0.5 for majority, 1 for unanimity. */
  readonly threshold: number;
  readonly roughConsensus: number;
  /** The acceptable box, per issue. */
  readonly boxMin: Float64Array;
  readonly boxMax: Float64Array;
  /** The convenor's preferred point when it is in the room, else null. */
  readonly preferred: Float64Array | null;
  readonly horizon: number;
  /** The run's passes over the stakeholders run in WebAssembly. */
  readonly kernel: boolean;
}

export function observeRoom(s: RunState): RoomObservation {
  return {
    round: s.t,
    done: s.end !== null,
    position: s.position,
    present: s.present,
    dropped: s.dropped,
    stance: s.stance,
    aspiration: s.aspiration,
    distance: s.distance,
    left: s.left,
    resources: s.resources,
    organized: s.organized,
    chair: s.chair,
    proposal: s.proposal,
    openItems: s.openItems,
    support: s.support,
    series: s.series,
    events: s.record.events,
  };
}

export function observeSetting(s: RunState): SettingObservation {
  const { pop, cond } = s;
  return {
    n: pop.n,
    d: pop.d,
    id: (i) => pop.id(i),
    indexOf: (id) => pop.indexOf(id),
    ideal: pop.ideal,
    power: pop.power,
    resources: pop.resources,
    reservation: pop.reservation,
    floor: s.floor,
    outsideFloor: s.outsideFloor,
    leverage: s.leverage,
    openness: pop.openness,
    constituency: pop.constituency,
    roles: pop.roles,
    convenor: s.scenario.convenor,
    rule: cond.rule,
    threshold: cond.threshold,
    roughConsensus: cond.roughConsensus,
    boxMin: cond.boxMin,
    boxMax: cond.boxMax,
    preferred: cond.preferred,
    horizon: cond.horizon,
    kernel: s.kernel !== null,
  };
}
