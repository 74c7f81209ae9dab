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
  const { pop, cond, record, t, rng } = s;
  const { n, constituency, cost, absence, power } = pop;
  const { present, involved, dropped, resources, broke, joined, weight, affected, presentCount } = s;
  const subsidy = cond.subsidy;
  presentCount.fill(0);
  let presentWeight = 0;
  let presentAffected = 0;
  for (let i = 0; i < n; i++) {
    present[i] = 0;
    if (!involved[i] || dropped[i]) continue;
    const c = constituency[i];
    const r = resources[i] + subsidy[c];
    if (r >= cost[i]) {
      broke[i] = 0;
      // Only a stakeholder that can be absent by chance draws from the stream.
      if (absence[i] > 0 && rng.uniform() < absence[i]) {
        resources[i] = r;
        continue;
      }
      resources[i] = r - cost[i];
      present[i] = 1;
      presentCount[c]++;
      presentWeight += weight[i];
      presentAffected += affected[i];
      if (!joined[i]) {
        joined[i] = 1;
        if (record.enabled) record.add({ round: t, type: 'joined', stakeholder: pop.id(i) });
      }
    } else {
      resources[i] = r;
      broke[i]++;
      if (record.enabled) record.add({ round: t, type: 'absent', stakeholder: pop.id(i), value: r });
      if (broke[i] >= ROUNDS_IN_A_ROW) {
        dropped[i] = 1;
        if (record.enabled) record.add({ round: t, type: 'dropped-out', stakeholder: pop.id(i) });
      }
    }
  }
  s.presentWeight = presentWeight;
  s.presentAffected = presentAffected;
  organize(s, power);
}

/** Caucuses form at their round; chairs are re-chosen each round among those present. */
function organize(s: RunState, power: Float64Array): void {
  const { pop, cond, record, t, present, organized } = s;
  const constituency = pop.constituency;
  const ids = s.scenario.constituencies;
  let anyOrganized = false;
  for (let c = 0; c < ids.length; c++) {
    if (!organized[c] && (cond.organizedAtStart[c] || t >= cond.organizeRounds[c])) {
      organized[c] = 1;
      record.add({ round: t, type: 'caucus-formed', constituency: ids[c].id });
    }
    if (organized[c]) anyOrganized = true;
  }
  if (!anyOrganized) return;
  const chair = s.nextChair;
  chair.fill(-1);
  for (let i = 0; i < pop.n; i++) {
    if (!present[i]) continue;
    const c = constituency[i];
    if (organized[c] && (chair[c] < 0 || power[i] > power[chair[c]])) chair[c] = i;
  }
  for (let c = 0; c < ids.length; c++) {
    if (chair[c] !== s.chair[c] && chair[c] >= 0) {
      record.add({ round: t, type: 'chair-elected', constituency: ids[c].id, stakeholder: pop.id(chair[c]) });
    }
    s.chair[c] = chair[c];
  }
}
