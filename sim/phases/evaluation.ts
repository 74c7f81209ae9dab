/**
 * Phase 4, evaluation (MODEL.md 5.4). Each present stakeholder's aspiration falls from 1 toward its
 * floor as its felt time runs toward the deadline (Boulware holds out, Conceder gives early). It
 * engages with a proposal within its openness, supports one that meets its aspiration, and
 * otherwise objects; an objection that engages and misses by no more than `goodEnough` is
 * addressed ("not every decimal point should be chased").
 *
 * The same pass works out where each stakeholder would stand after conceding (phase 6) and tallies
 * the decision (phase 5), so the stakeholders' vectors are read once per round; concession then only
 * keeps those positions if the round goes on. This pass is most of a round's time: see
 * BENCHMARKS.md for what was measured, and keep every change to it bit for bit identical.
 */
import type { RunState } from '../run-state.ts';
import type { Kernel } from '../kernel/kernel.ts';
import { STANCE } from '../run-state.ts';
import { memo, memoSlot, rememberTimeShare, timeShare } from './time-share.ts';

export { timeShare };

/** α_i(t) = ρ* + (1 − ρ*)·(1 − min(1, τ/T)^(1/β)). */
export function aspiration(floor: number, felt: number, horizon: number, concession: number): number {
  return floor + (1 - floor) * (1 - timeShare(Math.min(1, felt / horizon), concession));
}

/**
 * Populations from this size on look shares up in the memo (time-share.ts). A small run computes a
 * few shares a round, each for the first time (felt time has moved on), and the memo would only
 * add its own cost: the reference scenario draws a concession shape for each of its ten firms.
 */
const MEMO_FROM = 1000;

/**
 * What the pass over the stakeholders adds up, handed to `evaluate` in a typed array: spread and
 * its weight, then the tally (deciding weight, yes weight, heads, heads yes, objections among
 * deciders, objections of implementers).
 */
const passSums = new Float64Array(8);
const [SPREAD, SPREAD_WEIGHT, DECIDING, YES, HEADS, HEADS_YES, OBJECTIONS, IMPLEMENTER_OBJECTIONS] = [0, 1, 2, 3, 4, 5, 6, 7];

export function evaluate(s: RunState): void {
  const sums = s.kernel ? passInKernel(s, s.kernel) : passOverStakeholders(s);
  s.dispersion = sums[SPREAD_WEIGHT] > 0 ? sums[SPREAD] / sums[SPREAD_WEIGHT] : 0;
  const tally = s.tally;
  tally.deciding = sums[DECIDING];
  tally.yes = sums[YES];
  tally.heads = sums[HEADS];
  tally.headsYes = sums[HEADS_YES];
  tally.anyObjection = sums[OBJECTIONS] > 0;
  tally.implementerObjects = sums[IMPLEMENTER_OBJECTIONS] > 0;
}

/**
 * The pass itself, which writes nothing into the state object after its loop: with many
 * stakeholders V8 compiles the loop while the first round runs (on-stack replacement), and keeps
 * re-entering that code in later rounds; a store into the state object after the loop found the
 * state's shape changed by then (numbers that became fractions) and deoptimized every round.
 */
function passOverStakeholders(s: RunState): Float64Array {
  const { pop, cond, proposal: p, record, t } = s;
  const { n, d, ideal: x, salience: sal, power, openness, concession } = pop;
  const { present, stance, distance, felt, floor, horizonFelt, weight, decides, implementer, aspiration: aspirations } = s;
  const recording = record.enabled;
  const { absent, supports, addressed, objects, disengaged } = STANCE;
  const y = s.position;
  const next = s.nextPosition;
  const goodEnough = cond.goodEnough;
  let spread = 0;
  let spreadWeight = 0;
  let deciding = 0;
  let yes = 0;
  let heads = 0;
  let headsYes = 0;
  let anyObjection = false;
  let implementerObjects = false;
  // Consecutive stakeholders often share felt time and concession shape: then the share is the same.
  let lastR = -1;
  let lastBeta = -1;
  let lastShare = 0;
  /** ln lastR once a share has needed it (NaN until then), for neighbours with other shapes. */
  let lastLogR = NaN;
  // Felt time moves every round, so the memo only pays when many stakeholders share each pair.
  const memoized = n >= MEMO_FROM;
  for (let i = 0; i < n; i++) {
    const o = i * d;
    if (!present[i]) {
      stance[i] = absent;
      for (let k = 0; k < d; k++) next[o + k] = y[o + k];
      continue;
    }
    let toIdeal = 0;
    let toStated = 0;
    // Two issues a step: V8 does not unroll loops, and at D = 8 the loop's own bookkeeping was a
    // fifth of the pass. Each sum still adds its terms in issue order, so the results are the same.
    let k = 0;
    for (; k + 1 < d; k += 2) {
      const j = o + k;
      const p0 = p[k], p1 = p[k + 1], w0 = sal[j], w1 = sal[j + 1];
      toIdeal += w0 * Math.abs(x[j] - p0);
      toStated += w0 * Math.abs(y[j] - p0);
      toIdeal += w1 * Math.abs(x[j + 1] - p1);
      toStated += w1 * Math.abs(y[j + 1] - p1);
    }
    if (k < d) {
      const w = sal[o + k];
      toIdeal += w * Math.abs(x[o + k] - p[k]);
      toStated += w * Math.abs(y[o + k] - p[k]);
    }
    spread += power[i] * toStated;
    spreadWeight += power[i];
    distance[i] = toIdeal;

    const r = Math.min(1, felt[i] / horizonFelt[i]);
    const beta = concession[i];
    if (r !== lastR || beta !== lastBeta) {
      if (r !== lastR) lastLogR = NaN;
      lastR = r;
      lastBeta = beta;
      if (memoized) {
        // r^(1/β) from the memo: a hundred thousand stakeholders share a hundred or so pairs.
        const slot = memoSlot(r, beta);
        if (memo[slot] === r && memo[slot + 1] === beta) lastShare = memo[slot + 2];
        else {
          if (Number.isNaN(lastLogR)) lastLogR = Math.log(r);
          lastShare = rememberTimeShare(slot, r, beta, lastLogR);
        }
      } else {
        if (Number.isNaN(lastLogR)) lastLogR = Math.log(r);
        lastShare = timeShare(r, beta, lastLogR);
      }
    }
    const a = floor[i] + (1 - floor[i]) * (1 - lastShare);
    aspirations[i] = a;
    const utility = 1 - toIdeal;
    const engages = toIdeal <= openness[i];
    let st: number;
    if (engages && utility >= a) st = supports;
    else if (!engages) st = disengaged;
    else st = a - utility <= goodEnough ? addressed : objects;
    stance[i] = st;
    if (recording && st !== supports) record.add({ round: t, type: 'objection', stakeholder: pop.id(i), value: a - utility });

    if (decides[i]) {
      deciding += weight[i];
      heads++;
      if (st <= addressed) {
        yes += weight[i];
        headsYes++;
      }
      if (st !== supports) anyObjection = true;
    }
    if (implementer[i] && st >= objects) implementerObjects = true;

    // Concession (phase 6): the farthest point toward the proposal that keeps the aspiration.
    if (st === disengaged) {
      for (let k = 0; k < d; k++) next[o + k] = x[o + k];
    } else {
      const theta = toIdeal > 0 ? Math.min(1, Math.max(0, (1 - a) / toIdeal)) : 1;
      let k = 0;
      for (; k + 1 < d; k += 2) {
        const j = o + k;
        const x0 = x[j], x1 = x[j + 1];
        next[j] = x0 + theta * (p[k] - x0);
        next[j + 1] = x1 + theta * (p[k + 1] - x1);
      }
      if (k < d) next[o + k] = x[o + k] + theta * (p[k] - x[o + k]);
    }
  }
  const sums = passSums;
  sums[SPREAD] = spread;
  sums[SPREAD_WEIGHT] = spreadWeight;
  sums[DECIDING] = deciding;
  sums[YES] = yes;
  sums[HEADS] = heads;
  sums[HEADS_YES] = headsYes;
  sums[OBJECTIONS] = anyObjection ? 1 : 0;
  sums[IMPLEMENTER_OBJECTIONS] = implementerObjects ? 1 : 0;
  return sums;
}

/**
 * The same pass in WebAssembly (kernel/kernel.wat), which leaves the same eight sums in
 * `kernel.sums`; the minutes' objections are then taken from the stances it wrote, in the same
 * order and with the same shortfalls.
 */
function passInKernel(s: RunState, kernel: Kernel): Float64Array {
  const { pop, cond, record, t } = s;
  const { n, d } = pop;
  kernel.evaluate(
    n, d,
    pop.ideal.byteOffset, pop.salience.byteOffset, s.position.byteOffset, s.nextPosition.byteOffset, s.proposal.byteOffset,
    s.present.byteOffset, s.stance.byteOffset, s.distance.byteOffset,
    s.felt.byteOffset, s.horizonFelt.byteOffset, pop.concession.byteOffset, s.floor.byteOffset,
    pop.openness.byteOffset, s.aspiration.byteOffset,
    pop.power.byteOffset, s.weight.byteOffset, s.decides.byteOffset, s.implementer.byteOffset,
    cond.goodEnough, kernel.memo.byteOffset, kernel.sums.byteOffset,
  );
  if (record.enabled) {
    const { stance, aspiration, distance } = s;
    for (let i = 0; i < n; i++) {
      const st = stance[i];
      if (st !== STANCE.absent && st !== STANCE.supports) {
        record.add({ round: t, type: 'objection', stakeholder: pop.id(i), value: aspiration[i] - (1 - distance[i]) });
      }
    }
  }
  return kernel.sums;
}
