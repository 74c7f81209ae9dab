/**
 * The model's formulas one at a time, as MODEL.md states them, for the tests: the round runs them
 * fused into two passes over the stakeholders (sim/kernel/attendance-pass.ts and
 * evaluation-pass.ts, each with a WebAssembly twin), and test/sim/reference.test.ts holds both
 * passes to these, bit for bit, round after round.
 */
import { FRAGMENTED_VOICE } from '../../sim/conditions.ts';
import { timeShare } from '../../sim/kernel/time-share.ts';
import { draftFromVoices } from '../../sim/phases/drafting.ts';
import type { RunState } from '../../sim/run-state.ts';

/** α_i(t) = ρ* + (1 − ρ*)·(1 − min(1, τ/T)^(1/β)) (MODEL.md 5.4). */
export function aspiration(floor: number, felt: number, horizon: number, concession: number): number {
  return floor + (1 - floor) * (1 - timeShare(Math.min(1, felt / horizon), concession));
}

/**
 * The voices of those present (an organized caucus member with its power, one of a constituency
 * not yet organized with half of it: MODEL.md 5.3) and the voice-weighted sums of their stated
 * positions, in stakeholder order.
 */
export function sumVoices(s: RunState): { voices: number; sums: Float64Array } {
  const { pop, position: y, present, organized } = s;
  const { n, d, constituency, power } = pop;
  const sums = new Float64Array(d);
  let voices = 0;
  for (let i = 0; i < n; i++) {
    if (!present[i]) continue;
    const voice = organized[constituency[i]] ? power[i] : power[i] * FRAGMENTED_VOICE;
    voices += voice;
    for (let k = 0; k < d; k++) sums[k] += voice * y[i * d + k];
  }
  return { voices, sums };
}

/** Phase 3 on its own, from the stated positions as they are now (not as attendance found them). */
export function draft(s: RunState): void {
  const { voices, sums } = sumVoices(s);
  s.voices = voices;
  s.scratch.set(sums);
  draftFromVoices(s);
}

/** Where a stakeholder that engages stands after conceding (MODEL.md 5.6): θ = clamp((1 − α) / d, 0, 1). */
export function concededPoint(ideal: ArrayLike<number>, proposal: ArrayLike<number>, distance: number, aspirationNow: number): number[] {
  const theta = distance > 0 ? Math.min(1, Math.max(0, (1 - aspirationNow) / distance)) : 1;
  return Array.from(ideal, (x, k) => x + theta * (proposal[k] - x));
}
