/**
 * The attendance pass: one pass over the stakeholders that does phase 1, attendance (MODEL.md 5.1:
 * subsidy, cost, absence by chance, dropping out, caucus chairs) and, after the opening round,
 * adds up what drafting needs (5.3): the voices of those present and the voice-weighted sums of
 * their stated positions, into `s.scratch` (draftFromVoices drafts from them). Its twin is
 * kernel.wat's `attend`, which draws from the same random stream in place; both give the same
 * bits (test/sim/kernel.test.ts) and are held to the formulas one at a time in
 * test/sim/reference.ts.
 */
import { FRAGMENTED_VOICE, ROUNDS_IN_A_ROW } from '../conditions.ts';
import { STANCE, type RunState } from '../run-state.ts';
import { ATTENDANCE_TOTALS as TOTAL } from './boundary.ts';
import type { Kernel } from './kernel.ts';

export { TOTAL as ATTENDANCE_TOTALS };

const DISENGAGED = STANCE.disengaged;

/** Runs the pass, in WebAssembly when the run has the kernel; returns the run's sums (TOTAL). */
export function attendancePass(s: RunState, summing: boolean): Float64Array {
  return s.kernel ? passInKernel(s, s.kernel, summing) : passInTypeScript(s, summing);
}

/**
 * The pass itself, which writes nothing into the state object: with many stakeholders V8 compiles
 * its loop while it runs, and a store into the state after the loop, never reached before, made
 * that code give up at the end of every round.
 */
function passInTypeScript(s: RunState, summing: boolean): Float64Array {
  const { pop, cond, record, t } = s;
  const { n, constituency, cost, absence, power } = pop;
  const { present, involved, dropped, resources, broke, joined, weight, affected, presentCount, organized } = s;
  const subsidy = cond.subsidy;
  const rng = s.rng;
  const recording = record.enabled;
  const chair = s.nextChair;
  let presentWeight = 0;
  let presentAffected = 0;
  const { d, salience: sal } = pop;
  const y = s.position;
  const sum = s.scratch;
  const total = s.voiceTotal;
  const stance = s.stance;
  for (let k = 0; k < d; k++) {
    sum[k] = 0;
    total[k] = 0;
  }
  let voices = 0;
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
      if (organized[c] && (chair[c] < 0 || power[i] > power[chair[c]])) chair[c] = i;
      // Model 2: one that did not engage with the last proposal has no voice in the next draft.
      if (summing && stance[i] !== DISENGAGED) {
        // As the reference sumVoices sums them (test/sim/reference.ts): in stakeholder order, on each
        // issue the weight voice × salience, times the stated position.
        const voice = organized[c] ? power[i] : power[i] * FRAGMENTED_VOICE;
        voices += voice;
        const o = i * d;
        for (let k = 0; k < d; k++) {
          const weightOnIssue = voice * sal[o + k];
          sum[k] += weightOnIssue * y[o + k];
          total[k] += weightOnIssue;
        }
      }
      if (!joined[i]) {
        joined[i] = 1;
        if (recording) record.add({ round: t, type: 'joined', stakeholder: pop.id(i) });
      }
    } else {
      resources[i] = r;
      broke[i]++;
      if (recording) record.add({ round: t, type: 'absent', stakeholder: pop.id(i), value: r });
      if (broke[i] >= ROUNDS_IN_A_ROW) {
        dropped[i] = 1;
        if (recording) record.add({ round: t, type: 'dropped-out', stakeholder: pop.id(i) });
      }
    }
  }
  const totals = s.sums;
  totals[TOTAL.presentWeight] = presentWeight;
  totals[TOTAL.presentAffected] = presentAffected;
  totals[TOTAL.voices] = voices;
  return totals;
}

/**
 * The same pass in WebAssembly (kernel/kernel.wat), drawing from the run's stream in place (its
 * state lives in the kernel's memory: rng.ts). The minutes' entries are then written from the
 * notes it leaves, stakeholder by stakeholder as the pass above writes them.
 */
function passInKernel(s: RunState, kernel: Kernel, summing: boolean): Float64Array {
  const { pop, record, t } = s;
  const { n, d, constituency, cost, absence, power } = pop;
  const { involved, dropped, resources } = s;
  const { note, subsidy } = kernel;
  kernel.attend({
    n, d,
    involved, dropped, constituency, resources,
    subsidy, cost, absence, rng: kernel.rng,
    broke: s.broke, present: s.present, joined: s.joined, presentCount: s.presentCount,
    weight: s.weight, affected: s.affected, organized: s.organized, chair: s.nextChair, power,
    summing: summing ? 1 : 0, y: s.position, sum: s.scratch, sal: pop.salience, stance: s.stance, total: s.voiceTotal, fragmented: FRAGMENTED_VOICE,
    roundsInARow: ROUNDS_IN_A_ROW, note, totals: s.sums,
  });
  if (record.enabled) {
    for (let i = 0; i < n; i++) {
      const what = note[i];
      if (what === NOTE.joined) record.add({ round: t, type: 'joined', stakeholder: pop.id(i) });
      else if (what >= NOTE.couldNotPay) {
        record.add({ round: t, type: 'absent', stakeholder: pop.id(i), value: resources[i] });
        if (what === NOTE.droppedOut) record.add({ round: t, type: 'dropped-out', stakeholder: pop.id(i) });
      }
    }
  }
  return s.sums;
}

/** The kernel's notes for the minutes (kernel.wat's attend). */
const NOTE = { joined: 1, couldNotPay: 2, droppedOut: 3 } as const;

