/**
 * Phase 8, stall and failure (MODEL.md 5.8): "if you can't declare the conditions for failure or
 * success at the outset, you can't succeed". A convenor allowed to declare failure does so when the
 * best support share has not grown by `minGain` in `stallRounds` rounds; the deadline, or else the
 * horizon, ends the run.
 */
import type { End } from '../result.ts';
import type { RunState } from '../run-state.ts';

/** Returns how the run ends after this round, or null when it goes on. */
export function checkStall(s: RunState): End | null {
  const { cond, t } = s;
  s.bestByRound.push(s.bestSupport);
  if (cond.failureAllowed && t >= cond.stallRounds && s.bestSupport - s.bestByRound[t - cond.stallRounds] < cond.minGain) {
    return 'declared-failure';
  }
  if (cond.deadline !== null && t + 1 >= cond.deadline) return 'deadline';
  if (t + 1 >= cond.horizon) return 'horizon';
  return null;
}
