/**
 * Phase 7, agenda (MODEL.md 5.7): "each working group uncovers new problems". Each organized caucus
 * with members present opens a new item with probability g; felt time then advances for those
 * present whose constituency is organized, the slower the more items are open, so a growing
 * agenda slows every concession.
 */
import type { RunState } from '../run-state.ts';

export function growAgenda(s: RunState): void {
  const { pop, cond, record, t } = s;
  const constituencies = s.scenario.constituencies;
  if (cond.growth > 0) {
    for (let c = 0; c < constituencies.length; c++) {
      if (!s.organized[c] || s.presentCount[c] === 0) continue;
      if (s.rng.uniform() < cond.growth) {
        s.openItems++;
        record.add({ round: t, type: 'item-opened', constituency: constituencies[c].id, value: s.openItems });
      }
    }
  }
  const step = 1 / (1 + cond.focusLoss * (s.openItems - 1));
  // Model 2: felt time advances only for those present whose constituency is organized: one that
  // has not organized yet cannot caucus first, so its members hold to their ideals until it has
  // ("it may be necessary to allow time for them to self-organize"), and a late caucus delays
  // every decision that needs it. Without a branch: adding step × 0 leaves it exactly as it was.
  const { present, felt, organized } = s;
  const { n, constituency } = pop;
  for (let i = 0; i < n; i++) felt[i] += step * (present[i] & organized[constituency[i]]);
}
