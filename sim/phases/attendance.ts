/**
 * Phase 1, attendance (MODEL.md 5.1): "those with money and time can show up". Every involved
 * stakeholder still in the process receives its constituency's subsidy, then attends if it can pay
 * the cost of the round and is not absent by chance. Three rounds in a row unable to pay and it
 * drops out for good. Constituencies organize at their round; each caucus chair is its present
 * member of highest power.
 */
import { ROUNDS_IN_A_ROW } from '../conditions.ts';
import type { RunState } from '../run-state.ts';

export function attend(s: RunState): void {
  const { pop, cond, record, t } = s;
  const { n } = pop;
  s.presentCount.fill(0);
  let presentWeight = 0;
  for (let i = 0; i < n; i++) {
    s.present[i] = 0;
    if (!s.involved[i] || s.dropped[i]) continue;
    const c = pop.constituency[i];
    s.resources[i] += cond.subsidy[c];
    if (s.resources[i] >= pop.cost[i]) {
      s.broke[i] = 0;
      // Only a stakeholder that can be absent by chance draws from the stream.
      if (pop.absence[i] > 0 && s.rng.uniform() < pop.absence[i]) continue;
      s.resources[i] -= pop.cost[i];
      s.present[i] = 1;
      s.presentCount[c]++;
      presentWeight += s.weight[i];
      if (!s.joined[i]) {
        s.joined[i] = 1;
        record.add({ round: t, type: 'joined', stakeholder: pop.id(i) });
      }
    } else {
      s.broke[i]++;
      record.add({ round: t, type: 'absent', stakeholder: pop.id(i), value: s.resources[i] });
      if (s.broke[i] >= ROUNDS_IN_A_ROW) {
        s.dropped[i] = 1;
        record.add({ round: t, type: 'dropped-out', stakeholder: pop.id(i) });
      }
    }
  }
  s.presentWeight = presentWeight;
  organize(s);
}

/** Caucuses form at their round; chairs are re-chosen each round among those present. */
function organize(s: RunState): void {
  const { pop, cond, record, t } = s;
  const ids = s.scenario.constituencies;
  for (let c = 0; c < ids.length; c++) {
    if (!s.organized[c] && (cond.organizedAtStart[c] || t >= cond.organizeRounds[c])) {
      s.organized[c] = 1;
      record.add({ round: t, type: 'caucus-formed', constituency: ids[c].id });
    }
  }
  const chair = new Int32Array(ids.length).fill(-1);
  for (let i = 0; i < pop.n; i++) {
    if (!s.present[i]) continue;
    const c = pop.constituency[i];
    if (s.organized[c] && (chair[c] < 0 || pop.power[i] > pop.power[chair[c]])) chair[c] = i;
  }
  for (let c = 0; c < ids.length; c++) {
    if (chair[c] !== s.chair[c] && chair[c] >= 0) {
      record.add({ round: t, type: 'chair-elected', constituency: ids[c].id, stakeholder: pop.id(chair[c]) });
    }
    s.chair[c] = chair[c];
  }
}
