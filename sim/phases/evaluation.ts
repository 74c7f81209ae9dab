/**
 * Phase 4, evaluation (MODEL.md 5.4). Each present stakeholder's aspiration falls from 1 toward its
 * floor as its felt time runs toward the deadline (Boulware holds out, Conceder gives early). It
 * engages with a proposal within its openness, supports one that meets its aspiration, and
 * otherwise objects; an objection that engages and misses by no more than `goodEnough` is
 * addressed ("not every decimal point should be chased").
 *
 * The same pass works out where each stakeholder would stand after conceding (phase 6) and tallies
 * the decision (phase 5), so the stakeholders' vectors are read once per round; concession then only
 * keeps those positions if the round goes on.
 */
import type { RunState } from '../run-state.ts';
import { STANCE } from '../run-state.ts';

/** α_i(t) = ρ* + (1 − ρ*)·(1 − min(1, τ/T)^(1/β)). */
export function aspiration(floor: number, felt: number, horizon: number, concession: number): number {
  return floor + (1 - floor) * (1 - timeShare(Math.min(1, felt / horizon), concession));
}

/**
 * r^(1/β), with exact shortcuts for the common shapes (linear, quadratic, square root). The general
 * case is exp(ln r / β): the logarithm is shared by everyone with the same felt time, so the pass
 * below passes it in; this is four times faster than Math.pow and as deterministic.
 */
export function timeShare(r: number, concession: number, logR = Math.log(r)): number {
  if (r === 0 || r === 1 || concession === 1) return r;
  if (concession === 0.5) return r * r;
  if (concession === 2) return Math.sqrt(r);
  return Math.exp(logR / concession);
}

export function evaluate(s: RunState): void {
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
  // Consecutive stakeholders often share felt time (and its logarithm) and concession shape.
  let lastR = -1;
  let lastLogR = 0;
  let lastBeta = -1;
  let lastShare = 0;
  for (let i = 0; i < n; i++) {
    const o = i * d;
    if (!present[i]) {
      stance[i] = absent;
      for (let k = 0; k < d; k++) next[o + k] = y[o + k];
      continue;
    }
    let toIdeal = 0;
    let toStated = 0;
    for (let k = 0; k < d; k++) {
      const w = sal[o + k];
      toIdeal += w * Math.abs(x[o + k] - p[k]);
      toStated += w * Math.abs(y[o + k] - p[k]);
    }
    spread += power[i] * toStated;
    spreadWeight += power[i];
    distance[i] = toIdeal;

    const r = Math.min(1, felt[i] / horizonFelt[i]);
    const beta = concession[i];
    if (r !== lastR) {
      lastR = r;
      lastLogR = r > 0 ? Math.log(r) : -Infinity;
      lastBeta = -1;
    }
    if (beta !== lastBeta) {
      lastBeta = beta;
      // timeShare, inlined: this is the hottest line of a round.
      lastShare =
        r === 0 || r === 1 || beta === 1 ? r : beta === 0.5 ? r * r : beta === 2 ? Math.sqrt(r) : Math.exp(lastLogR / beta);
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
    if (st !== supports && recording) record.add({ round: t, type: 'objection', stakeholder: pop.id(i), value: a - utility });

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
      for (let k = 0; k < d; k++) next[o + k] = x[o + k] + theta * (p[k] - x[o + k]);
    }
  }
  s.dispersion = spreadWeight > 0 ? spread / spreadWeight : 0;
  const tally = s.tally;
  tally.deciding = deciding;
  tally.yes = yes;
  tally.heads = heads;
  tally.headsYes = headsYes;
  tally.anyObjection = anyObjection;
  tally.implementerObjects = implementerObjects;
}
