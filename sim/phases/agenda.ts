/**
 * Phase 7, agenda (MODEL.md 5.7): "each working group uncovers new problems". Each organized caucus
 * with members present opens a new item with probability g; felt time then advances for those
 * present, the slower the more items are open, so a growing agenda slows every concession.
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
  // Without a branch: adding step × 0 leaves an absent stakeholder's felt time exactly as it was.
  const { present, felt } = s;
  const n = pop.n;
  for (let i = 0; i < n; i++) felt[i] += step * present[i];
}
