/**
 * What a run reports (RESULT.md): the result object that `convene run --json` prints, one
 * batch row, the view's outcome panel and the tests all read.
 */

export const OUTCOMES = [
  'rough-consensus',
  'contested-decision',
  'tyranny-of-the-minority',
  'collapse',
  'declared-failure',
  'glacial-drift',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ENDS = ['adopted', 'deadline', 'horizon', 'declared-failure', 'collapse'] as const;
export type End = (typeof ENDS)[number];

/** Flags in the order RESULT.md fixes. */
export const FLAGS = ['capture', 'exclusion', 'collateral-attack'] as const;
export type Flag = (typeof FLAGS)[number];

/** The measures of MODEL.md section 8 taken every round, by name. */
export const MEASURES = ['support', 'headSupport', 'dispersion', 'participation', 'openItems', 'inclusion'] as const;
export type Measure = (typeof MEASURES)[number];
export type Series = Record<Measure, number[]>;

export const EVENT_TYPES = [
  'joined',
  'absent',
  'dropped-out',
  'declined',
  'walked-out',
  'caucus-formed',
  'chair-elected',
  'proposal',
  'objection',
  'blocked',
  'item-settled',
  'item-opened',
  'failure-declared',
  'collapse',
  'adopted',
  'collateral-attack',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** One entry of the record ("records must be kept"), MODEL.md section 7. */
export interface RunEvent {
  round: number;
  type: EventType;
  /** The stakeholder the event is about (joined, absent, dropped-out, chair-elected, objection, collateral-attack). */
  stakeholder?: string;
  /** The constituency the event is about (caucus-formed, chair-elected, item-opened). */
  constituency?: string;
  /** The stakeholders involved (blocked: that round's blockers). */
  stakeholders?: string[];
  /** A number where useful: the resources left (absent), a support share, the open items left. */
  value?: number;
  /** A point of the policy space (proposal, adopted). */
  position?: number[];
  /** The utility that decided it: the best the box can give (declined), the proposal's (walked-out). */
  utility?: number;
  /** The floor it fell short of: ρ* (declined), the outside floor ρ° (walked-out). */
  floor?: number;
}

export interface RunResult {
  convene: 1;
  engine: string;
  /** The version of MODEL.md the engine implements. */
  model: 2;
  scenario: string;
  seed: number;
  outcome: Outcome;
  end: End;
  flags: Flag[];
  rounds: number;
  adopted: { round: number; position: number[]; support: number } | null;
  bestSupport: { round: number; support: number };
  blockedRounds: number;
  blockers: string[];
  /** The support share in the last round that ran. */
  support: number;
  participation: number;
  inclusion: number;
  legitimacy: number | null;
  openItems: number;
  /** Stakeholders that declined the invitation at round 0 (model 2). */
  declined: number;
  /** Stakeholders that walked out (model 2). */
  walkedOut: number;
  explanation: string;
  series?: Series;
  events?: RunEvent[];
}
