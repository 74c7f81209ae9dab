/**
 * The evaluation pass: one pass over the present stakeholders that does phase 4, evaluation
 * (MODEL.md 5.4: distance, aspiration, stance), the decision's tally (5.5: deciding and yes
 * weights, heads, objections) and concession's arithmetic (5.6: where each would stand after
 * conceding, into `nextPosition`), so the stakeholders' vectors are read once per round. Its
 * twin is kernel.wat's `evaluate`, operation for operation in the same order; the same run gives
 * the same bits with either (test/sim/kernel.test.ts), and both are held to the formulas one at a
 * time in test/sim/reference.ts. This pass is most of a round's time: see BENCHMARKS.md for what
 * was measured, and keep every change to it bit for bit identical in both.
 */
import { STANCE, type RunState } from '../run-state.ts';
import { EVALUATION_SUMS as SUM } from './boundary.ts';
import type { Kernel } from './kernel.ts';
import { MEMO_FROM, memoSlot, rememberTimeShare, timeShare } from './time-share.ts';
import { log } from '../elementary.ts';
import { FLOOR_TOLERANCE } from '../conditions.ts';

export { SUM as EVALUATION_SUMS };

/** Runs the pass, in WebAssembly when the run has the kernel; returns the run's sums (SUM). */
export function evaluationPass(s: RunState): Float64Array {
  return s.kernel ? passInKernel(s, s.kernel) : passInTypeScript(s);
}

/**
 * Phase 6, concession (MODEL.md 5.6), once the round goes on: the positions the pass worked out
 * become the stated ones (the two arrays trade places; nothing is copied).
 */
export function adoptConcessions(s: RunState): void {
  const stated = s.nextPosition;
  s.nextPosition = s.position;
  s.position = stated;
}

/**
 * The pass itself, which writes nothing into the state object after its loop: with many
 * stakeholders V8 compiles the loop while the first round runs (on-stack replacement), and keeps
 * re-entering that code in later rounds; a store into the state object after the loop found the
 * state's shape changed by then (numbers that became fractions) and deoptimized every round.
 */
function passInTypeScript(s: RunState): Float64Array {
  const { pop, cond, proposal: p, record, t } = s;
  const { n, d, ideal: x, salience: sal, power, openness, concession } = pop;
  const { present, stance, distance, felt, floor, horizonFelt, leverage, weight, decides, implementer, aspiration: aspirations } = s;
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
  const memo = s.memo;
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
          if (Number.isNaN(lastLogR)) lastLogR = log(r);
          lastShare = rememberTimeShare(memo, slot, r, beta, lastLogR);
        }
      } else {
        if (Number.isNaN(lastLogR)) lastLogR = log(r);
        lastShare = timeShare(r, beta, lastLogR);
      }
    }
    // Model 2: bargaining power scales the share of its room above its floor that it holds out for.
    const a = floor[i] + (1 - floor[i]) * Math.min(1, (1 - lastShare) * leverage[i]);
    aspirations[i] = a;
    const utility = 1 - toIdeal;
    const engages = toIdeal <= openness[i];
    // Stance and tally by arithmetic, as the kernel has them: with bargaining power neighbours'
    // stances no longer go together, and branches on them were mispredicted (BENCHMARKS.md). A text
    // that gives exactly the aspiration (the floor, at the end) is accepted: no outcome hangs on
    // rounding. Engaged: 3 − h − s·(2 − h) is 1 (supports), 2 (addressed) or 3 (objects).
    const meets = +(utility >= a - FLOOR_TOLERANCE);
    const near = +(a - utility <= goodEnough);
    const st = engages ? 3 - near - meets * (2 - near) : disengaged;
    stance[i] = st;
    if (recording && st !== supports) record.add({ round: t, type: 'objection', stakeholder: pop.id(i), value: a - utility });

    if (decides[i]) {
      const w = weight[i];
      const counts = +(st <= addressed);
      deciding += w;
      heads++;
      // Adding w·0 leaves the sum exactly as it was.
      yes += w * counts;
      headsYes += counts;
      anyObjection = anyObjection || st !== supports;
    }
    implementerObjects = implementerObjects || (implementer[i] === 1 && st >= objects);

    // Concession (phase 6): y = x + θ·(p − x).
    // Model 2: the share of the distance it concedes is the share of its utility it has given up,
    // (1 − ρ*)·r^(1/β), its aspiration's fall before bargaining power scales it: common to all with
    // the same floor and felt time (Friedkin–Johnsen), so each keeps an anchor at its ideal and a
    // far one pulls no more than its weight (MODEL.md 5.6; docs/model.md has why). One that does
    // not engage states its ideal, x + 0·(p − x), as the kernel computes it without a branch.
    const theta = st === disengaged ? 0 : (1 - floor[i]) * lastShare;
    let k2 = 0;
    for (; k2 + 1 < d; k2 += 2) {
      const j = o + k2;
      const x0 = x[j], x1 = x[j + 1];
      next[j] = x0 + theta * (p[k2] - x0);
      next[j + 1] = x1 + theta * (p[k2 + 1] - x1);
    }
    if (k2 < d) next[o + k2] = x[o + k2] + theta * (p[k2] - x[o + k2]);
  }
  const sums = s.sums;
  sums[SUM.spread] = spread;
  sums[SUM.spreadWeight] = spreadWeight;
  sums[SUM.deciding] = deciding;
  sums[SUM.yes] = yes;
  sums[SUM.heads] = heads;
  sums[SUM.headsYes] = headsYes;
  sums[SUM.objections] = anyObjection ? 1 : 0;
  sums[SUM.implementerObjections] = implementerObjects ? 1 : 0;
  return sums;
}

/**
 * The same pass in WebAssembly (kernel/kernel.wat), which leaves the same eight sums in
 * the run's sums; the minutes' objections are then taken from the stances it wrote, in the same
 * order and with the same shortfalls.
 */
function passInKernel(s: RunState, kernel: Kernel): Float64Array {
  const { pop, cond, record, t } = s;
  const { n, d } = pop;
  kernel.evaluate({
    n, d,
    x: pop.ideal, sal: pop.salience, y: s.position, next: s.nextPosition, p: s.proposal,
    present: s.present, stance: s.stance, distance: s.distance,
    felt: s.felt, horizon: s.horizonFelt, beta: pop.concession, floor: s.floor, leverage: s.leverage,
    openness: pop.openness, aspiration: s.aspiration,
    power: pop.power, weight: s.weight, decides: s.decides, implementer: s.implementer,
    goodEnough: cond.goodEnough, memo: s.memo, sums: s.sums,
  });
  if (record.enabled) {
    const { stance, aspiration, distance } = s;
    for (let i = 0; i < n; i++) {
      const st = stance[i];
      if (st !== STANCE.absent && st !== STANCE.supports) {
        record.add({ round: t, type: 'objection', stakeholder: pop.id(i), value: aspiration[i] - (1 - distance[i]) });
      }
    }
  }
  return s.sums;
}
