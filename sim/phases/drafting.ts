/**
 * Phase 3, drafting (MODEL.md 5.3): the proposal is, issue by issue, the mean of stated positions
 * weighted by voice × salience (model 2: the compromise model), pulled toward the convenor's
 * preferred point when it is in the room, with drafting noise, and clamped into the convenor's
 * acceptable box. An organized caucus speaks through its chair with the summed w·s of its present
 * members at their w·s-weighted mean position, which adds up to the same sums as each member
 * speaking with its own; a member of a constituency that has not organized yet speaks alone with
 * half its power. One that did not engage with the last proposal has no voice in the next.
 */
import { ROLE_BIT } from '../population.ts';
import type { RunState } from '../run-state.ts';

/**
 * Phase 3 from the sums the attendance pass left (kernel/attendance-pass.ts); the opening round
 * drafts from ideals.
 */
export function draftFromVoices(s: RunState): void {
  const { pop, cond, proposal } = s;
  const { d } = pop;
  const mean = s.scratch;
  const total = s.voiceTotal;
  if (s.t === 0) agendaSetterMean(s, mean, total);
  // Issue by issue; an issue nobody speaks to keeps the last proposal (before noise and pull).
  for (let k = 0; k < d; k++) mean[k] = total[k] > 0 ? mean[k] / total[k] : proposal[k];

  const gamma = cond.pull;
  for (let k = 0; k < d; k++) {
    let v = (1 - gamma) * mean[k];
    if (cond.preferred) v += gamma * cond.preferred[k];
    if (cond.draftNoise > 0) v += cond.draftNoise * s.rng.normal();
    proposal[k] = Math.min(cond.boxMax[k], Math.max(cond.boxMin[k], v));
  }
  if (s.record.enabled) s.record.add({ round: s.t, type: 'proposal', position: Array.from(proposal) });
}

/**
 * m(0), issue by issue: Σ w·s·x / Σ w·s over those who define the issue (all involved if none
 * does), the compromise model of the spatial-bargaining literature (capability × salience; Achen
 * 2006). The sums go to `sum` and `total`; draftFromVoices divides.
 */
function agendaSetterMean(s: RunState, sum: Float64Array, total: Float64Array): void {
  const { pop } = s;
  const { n, d, salience } = pop;
  sum.fill(0);
  total.fill(0);
  let anyDefines = false;
  for (let i = 0; i < n; i++) if (pop.roles[i] & ROLE_BIT.defines) anyDefines = true;
  for (let i = 0; i < n; i++) {
    if (anyDefines ? !(pop.roles[i] & ROLE_BIT.defines) : !s.involved[i]) continue;
    for (let k = 0; k < d; k++) {
      const weightOnIssue = pop.power[i] * salience[i * d + k];
      sum[k] += weightOnIssue * pop.ideal[i * d + k];
      total[k] += weightOnIssue;
    }
  }
}
