/**
 * Phase 4, evaluation (MODEL.md 5.4). Each present stakeholder's aspiration falls from 1 toward its
 * floor as its felt time runs toward the deadline (Boulware holds out, Conceder gives early). It
 * engages with a proposal within its openness, supports one that meets its aspiration, and
 * otherwise objects; an objection that engages and misses by no more than `goodEnough` is
 * addressed ("not every decimal point should be chased").
 *
 * The arithmetic is in the evaluation pass (kernel/evaluation-pass.ts), which also tallies the
 * decision and works out the concessions; this phase reads its sums into the run.
 */
import { EVALUATION_SUMS as SUM, evaluationPass } from '../kernel/evaluation-pass.ts';
import type { RunState } from '../run-state.ts';
import { countRoundsBelowOutside } from './leaving.ts';

export function evaluate(s: RunState): void {
  const sums = evaluationPass(s);
  countRoundsBelowOutside(s);
  s.dispersion = sums[SUM.spreadWeight] > 0 ? sums[SUM.spread] / sums[SUM.spreadWeight] : 0;
  const tally = s.tally;
  tally.deciding = sums[SUM.deciding];
  tally.yes = sums[SUM.yes];
  tally.heads = sums[SUM.heads];
  tally.headsYes = sums[SUM.headsYes];
  tally.anyObjection = sums[SUM.objections] > 0;
  tally.implementerObjects = sums[SUM.implementerObjections] > 0;
}
