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
  /** With their roles at the convenor's table (`implements`: its objection is always sustained). */
  constituencies: { id: string; label: string; roles: string[] }[];
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

/** A round of the minutes in one line: what mattered, with the full entries a click away. */
export interface RoundLine {
  round: number;
  /** The record's entries of the round, all of them (routine ones included). */
  entries: number;
  objected: number;
  /** Up to three of those who objected, the most powerful first. */
  objectors: string[];
  /** Support at the end of the round. */
  support: number;
  /** The round's notable entries (not the routine joined, absent and objection ones, nor the proposal). */
  notable: RunEvent[];
  /** Who the round's entries are about, for marking a stakeholder's rounds; null above SMALL_ROOM stakeholders. */
  involves: string[] | null;
}

/** Rooms up to this size say who each round's entries are about (RoundLine.involves). */
export const SMALL_ROOM = 400;

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
  /** Objections recorded in the latest round run. */
  objections: number;
  /** The minutes of the rounds run since the previous frame, one line a round. */
  rounds: RoundLine[];
  result: RunResult | null;
}

export type LoadReply = { ok: true; meta: Meta; frame: Frame } | { ok: false; errors: { path: string; text: string }[] };
