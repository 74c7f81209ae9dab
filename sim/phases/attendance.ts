/**
 * Phase 1, attendance (MODEL.md 5.1): "those with money and time can show up". Every involved
 * stakeholder still in the process receives its constituency's subsidy, then attends if it can pay
 * the cost of the round and is not absent by chance. Three rounds in a row unable to pay and it
 * drops out for good. Constituencies organize at their round; each caucus chair is its present
 * member of highest power (lowest index on ties), chosen again every round.
 *
 * After the opening round, the same pass sums what drafting needs (phase 3) over those it finds
 * present, voices and voice-weighted stated positions, into `s.voices` and `s.scratch`: one pass
 * over the stakeholders instead of two. `draftFromVoices` then drafts from these sums.
 */
import { FRAGMENTED_VOICE, ROUNDS_IN_A_ROW } from '../conditions.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { RunState } from '../run-state.ts';

export function attend(s: RunState): void {
  formCaucuses(s);
  const presentCount = s.presentCount;
  const chair = s.nextChair;
  // Loops rather than fill(): these arrays are a few entries long, and fill() is a call.
  for (let c = 0; c < chair.length; c++) chair[c] = -1;
  for (let c = 0; c < presentCount.length; c++) presentCount[c] = 0;
  // Drafting's voice-weighted sum of stated positions (the opening round drafts from ideals instead).
  const summing = s.t > 0;
  const totals = s.kernel ? passInKernel(s, s.kernel, summing) : passOverStakeholders(s, summing);
  s.presentWeight = totals[PRESENT_WEIGHT];
  s.presentAffected = totals[PRESENT_AFFECTED];
  s.voices = totals[VOICES];
  electChairs(s);
}

/** What the pass adds up, handed back in a typed array (as evaluation.ts does, for the same reason). */
const passTotals = new Float64Array(3);
const [PRESENT_WEIGHT, PRESENT_AFFECTED, VOICES] = [0, 1, 2];

/**
 * The pass itself, which writes nothing into the state object: with many stakeholders V8 compiles
 * its loop while it runs, and a store into the state after the loop, never reached before, made
 * that code give up at the end of every round.
 */
function passOverStakeholders(s: RunState, summing: boolean): Float64Array {
  const { pop, cond, record, t } = s;
  const { n, constituency, cost, absence, power } = pop;
  const { present, involved, dropped, resources, broke, joined, weight, affected, presentCount, organized } = s;
  const subsidy = cond.subsidy;
  const rng = s.rng;
  const recording = record.enabled;
  const chair = s.nextChair;
  let presentWeight = 0;
  let presentAffected = 0;
  const { d } = pop;
  const y = s.position;
  const sum = s.scratch;
  for (let k = 0; k < d; k++) sum[k] = 0;
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
      if (summing) {
        // As drafting.ts sums them: in stakeholder order, each voice times its stated position.
        const voice = organized[c] ? power[i] : power[i] * FRAGMENTED_VOICE;
        voices += voice;
        const o = i * d;
        // Two issues a step (as in evaluation.ts); each sum still adds up in stakeholder order.
        let k = 0;
        for (; k + 1 < d; k += 2) {
          sum[k] += voice * y[o + k];
          sum[k + 1] += voice * y[o + k + 1];
        }
        if (k < d) sum[k] += voice * y[o + k];
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
  passTotals[PRESENT_WEIGHT] = presentWeight;
  passTotals[PRESENT_AFFECTED] = presentAffected;
  passTotals[VOICES] = voices;
  return passTotals;
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
  kernel.attend(
    n, d,
    involved.byteOffset, dropped.byteOffset, constituency.byteOffset, resources.byteOffset,
    subsidy.byteOffset, cost.byteOffset, absence.byteOffset, kernel.rng.byteOffset,
    s.broke.byteOffset, s.present.byteOffset, s.joined.byteOffset, s.presentCount.byteOffset,
    s.weight.byteOffset, s.affected.byteOffset, s.organized.byteOffset, s.nextChair.byteOffset, power.byteOffset,
    summing ? 1 : 0, s.position.byteOffset, s.scratch.byteOffset, FRAGMENTED_VOICE,
    ROUNDS_IN_A_ROW, note.byteOffset, kernel.sums.byteOffset,
  );
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
  return kernel.sums;
}

/** The kernel's notes for the minutes (kernel.wat's attend). */
const NOTE = { joined: 1, couldNotPay: 2, droppedOut: 3 } as const;

/** A constituency that is not organized becomes organized at its round (MODEL.md 5.1). */
function formCaucuses(s: RunState): void {
  const { cond, record, t, organized } = s;
  const ids = s.scenario.constituencies;
  for (let c = 0; c < ids.length; c++) {
    if (!organized[c] && (cond.organizedAtStart[c] || t >= cond.organizeRounds[c])) {
      organized[c] = 1;
      record.add({ round: t, type: 'caucus-formed', constituency: ids[c].id });
    }
  }
}

function electChairs(s: RunState): void {
  const ids = s.scenario.constituencies;
  const chosen = s.nextChair;
  for (let c = 0; c < ids.length; c++) {
    if (chosen[c] !== s.chair[c] && chosen[c] >= 0) {
      s.record.add({ round: s.t, type: 'chair-elected', constituency: ids[c].id, stakeholder: s.pop.id(chosen[c]) });
    }
    s.chair[c] = chosen[c];
  }
}
