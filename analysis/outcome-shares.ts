/**
 * Each outcome class's count, share and 95% Wilson interval: the one computation behind the
 * summary of `convene batch` and `convene sweep`, the report and the page's "Run 200 seeds".
 */
import { OUTCOMES, type Outcome } from '../sim/index.ts';
import { wilsonInterval } from './wilson.ts';

export interface OutcomeShare {
  outcome: Outcome;
  count: number;
  /** count / runs; 0 when there are no runs. */
  share: number;
  /** The 95% Wilson interval of the share. */
  low: number;
  high: number;
}

/** The count of each outcome, indexed as OUTCOMES. An outcome not in OUTCOMES is an error. */
export function countOutcomes(outcomes: Iterable<string>): Float64Array {
  const counts = new Float64Array(OUTCOMES.length);
  for (const outcome of outcomes) {
    const o = (OUTCOMES as readonly string[]).indexOf(outcome);
    if (o < 0) throw new Error(`unknown outcome ${JSON.stringify(outcome)}`);
    counts[o]++;
  }
  return counts;
}

/** From counts indexed as OUTCOMES (countOutcomes), every class in OUTCOMES' order, zeros included. */
export function outcomeShares(counts: ArrayLike<number>): OutcomeShare[] {
  let runs = 0;
  for (let o = 0; o < OUTCOMES.length; o++) runs += counts[o];
  return OUTCOMES.map((outcome, o) => {
    const count = counts[o];
    const [low, high] = wilsonInterval(count, runs);
    return { outcome, count, share: runs > 0 ? count / runs : 0, low, high };
  });
}
