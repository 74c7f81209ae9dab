/**
 * The model's formulas one at a time, as MODEL.md states them, for the tests: the round runs them
 * fused into two passes over the stakeholders (sim/kernel/attendance-pass.ts and
 * evaluation-pass.ts, each with a WebAssembly twin), and test/sim/reference.test.ts holds both
 * passes to these, bit for bit, round after round.
 */
import { FRAGMENTED_VOICE } from '../../sim/conditions.ts';
import { timeShare } from '../../sim/kernel/time-share.ts';
import { draftFromVoices } from '../../sim/phases/drafting.ts';
import { STANCE, type RunState } from '../../sim/run-state.ts';

/**
 * α_i(t) = ρ* + (1 − ρ*)·min(1, (1 − min(1, τ/T)^(1/β))·λ_i) (MODEL.md 5.4), λ_i = w_i / mean w:
 * bargaining power (model 2) scales the share of its room above its floor it holds out for.
 */
export function aspiration(floor: number, felt: number, horizon: number, concession: number, leverage: number): number {
  return floor + (1 - floor) * Math.min(1, (1 - timeShare(Math.min(1, felt / horizon), concession)) * leverage);
}

/**
 * The voices of those present (an organized caucus member with its power, one of a constituency
 * not yet organized with half of it: MODEL.md 5.3) and the voice-weighted sums of their stated
 * positions, in stakeholder order.
 */
export function sumVoices(s: RunState): { voices: number; sums: Float64Array; totals: Float64Array } {
  const { pop, position: y, present, organized, stance } = s;
  const { n, d, constituency, power, salience } = pop;
  const sums = new Float64Array(d);
  const totals = new Float64Array(d);
  let voices = 0;
  for (let i = 0; i < n; i++) {
    // Model 2: one that did not engage with the last proposal has no voice.
    if (!present[i] || stance[i] === STANCE.disengaged) continue;
    const voice = organized[constituency[i]] ? power[i] : power[i] * FRAGMENTED_VOICE;
    voices += voice;
    for (let k = 0; k < d; k++) {
      sums[k] += voice * salience[i * d + k] * y[i * d + k];
      totals[k] += voice * salience[i * d + k];
    }
  }
  return { voices, sums, totals };
}

/** Phase 3 on its own, from the stated positions as they are now (not as attendance found them). */
export function draft(s: RunState): void {
  const { voices, sums, totals } = sumVoices(s);
  s.voices = voices;
  s.scratch.set(sums);
  s.voiceTotal.set(totals);
  draftFromVoices(s);
}

/**
 * Where a stakeholder that engages stands after conceding (MODEL.md 5.6, model 2): the share of the
 * distance is the share of utility given up, θ = (1 − ρ*)·min(1, τ/T)^(1/β) (Friedkin–Johnsen).
 */
export function concededPoint(ideal: ArrayLike<number>, proposal: ArrayLike<number>, floor: number, felt: number, horizon: number, concession: number): number[] {
  const theta = (1 - floor) * timeShare(Math.min(1, felt / horizon), concession);
  return Array.from(ideal, (x, k) => x + theta * (proposal[k] - x));
}
