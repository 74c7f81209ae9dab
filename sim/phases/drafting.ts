/**
 * Phase 3, drafting (MODEL.md 5.3): the proposal is the voice-weighted mean of stated positions,
 * pulled toward the convenor's preferred point when it is in the room, with drafting noise, and
 * clamped into the convenor's acceptable box. An organized caucus speaks through its chair with
 * the summed power of its present members at their power-weighted mean position, which adds up to
 * the same sum as each member speaking with its own power; a member of a constituency that has not
 * organized yet speaks alone with half its power.
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
  let total = s.voices;
  if (s.t === 0) {
    mean.fill(0);
    total = agendaSetterMean(s, mean);
  }
  // An empty room drafts nothing new: the last proposal stands (before noise and pull).
  if (total > 0) for (let k = 0; k < d; k++) mean[k] /= total;
  else mean.set(proposal);

  const gamma = cond.pull;
  for (let k = 0; k < d; k++) {
    let v = (1 - gamma) * mean[k];
    if (cond.preferred) v += gamma * cond.preferred[k];
    if (cond.draftNoise > 0) v += cond.draftNoise * s.rng.normal();
    proposal[k] = Math.min(cond.boxMax[k], Math.max(cond.boxMin[k], v));
  }
  if (s.record.enabled) s.record.add({ round: s.t, type: 'proposal', position: Array.from(proposal) });
}

/** m(0): the power-weighted mean ideal of those who define the issue (of all involved if none does). */
function agendaSetterMean(s: RunState, mean: Float64Array): number {
  const { pop } = s;
  const { n, d } = pop;
  let anyDefines = false;
  for (let i = 0; i < n; i++) if (pop.roles[i] & ROLE_BIT.defines) anyDefines = true;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (anyDefines ? !(pop.roles[i] & ROLE_BIT.defines) : !s.involved[i]) continue;
    total += pop.power[i];
    for (let k = 0; k < d; k++) mean[k] += pop.power[i] * pop.ideal[i * d + k];
  }
  return total;
}
