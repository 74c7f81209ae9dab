/**
 * What crosses the worker boundary: a scenario's fixed description once (`Meta`), then one
 * `Frame` per step with the state the view draws and what the run added since the last frame.
 */
import type { ConvenorSpec, Measure, RuleType, RunEvent, RunResult } from '../sim/index.ts';

export interface Meta {
  name: string;
  description: string;
  seed: number;
  /** The scenario's own seed (the default when the address gives none). */
  scenarioSeed: number;
  issues: { id: string; label: string }[];
  constituencies: { id: string; label: string }[];
  n: number;
  d: number;
  ids: string[];
  /** Each stakeholder's label from the scenario (a generated group's, for its members); '' for none. */
  labels: string[];
  ideal: Float64Array;
  power: Float64Array;
  /** Resources at the start, to fade stakeholders as theirs run out. */
  resources: Float64Array;
  reservation: Float64Array;
  constituency: Int32Array;
  roles: Uint8Array;
  boxMin: number[];
  boxMax: number[];
  preferred: number[] | null;
  rule: RuleType;
  threshold: number;
  roughConsensus: number;
  horizon: number;
  /** The convenor's conditions as validated (its deadline among them), for the conditions form. */
  convenor: ConvenorSpec;
  /** The run's passes over the stakeholders run in WebAssembly (sim/kernel), as from 1,000 on. */
  kernel: boolean;
  /** What the scenario cannot do that it seems meant to (sim/foreseen.ts), for beside the conditions. */
  warnings: { path: string; text: string }[];
}

/** Entry types the record holds one of per stakeholder per round. */
export const ROUTINE = new Set<string>(['joined', 'absent', 'objection']);
/** At most this many of the newest entries travel with a frame; the minutes ask the worker for more. */
export const LATEST_ENTRIES = 100;

export interface MinutesQuery {
  stakeholder: string | null;
  constituency: string | null;
}

export interface Frame {
  round: number;
  /** The frame carries the run from round 0 on (a new run, or one run again to go back in time). */
  fresh: boolean;
  done: boolean;
  position: Float64Array;
  present: Uint8Array;
  dropped: Uint8Array;
  /** Per stakeholder: 0 while it may take part, else why it left (sim/phases/leaving.ts' LEFT). */
  left: Uint8Array;
  stance: Uint8Array;
  resources: Float64Array;
  organized: Uint8Array;
  chair: Int32Array;
  /** The proposal of the latest round run (the defining mean before round 0). */
  proposal: Float64Array;
  openItems: number;
  support: number;
  /** Each measure's values from round `seriesFrom` on. */
  seriesFrom: number;
  series: Record<Measure, number[]>;
  /**
   * Notable record entries added since the previous frame: everything but the routine, per-stakeholder
   * `joined`, `absent` and `objection` entries, which can number tens of thousands a round.
   */
  events: RunEvent[];
  /** The latest record entries of any type added since the previous frame, at most LATEST_ENTRIES. */
  latest: RunEvent[];
  /** Objections recorded in the latest round run. */
  objections: number;
  result: RunResult | null;
}

export type LoadReply = { ok: true; meta: Meta; frame: Frame } | { ok: false; errors: { path: string; text: string }[] };
