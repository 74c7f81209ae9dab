/**
 * Phase 4, evaluation (MODEL.md 5.4). Each present stakeholder's aspiration falls from 1 toward its
 * floor as its felt time runs toward the deadline (Boulware holds out, Conceder gives early). It
 * engages with a proposal within its openness, supports one that meets its aspiration, and
 * otherwise objects; an objection that engages and misses by no more than `goodEnough` is
 * addressed ("not every decimal point should be chased").
 */
import type { RunState } from '../run-state.ts';
import { STANCE } from '../run-state.ts';

/** α_i(t) = ρ* + (1 − ρ*)·(1 − min(1, τ/T)^(1/β)). */
export function aspiration(floor: number, felt: number, horizon: number, concession: number): number {
  return floor + (1 - floor) * (1 - Math.pow(Math.min(1, felt / horizon), 1 / concession));
}

export function evaluate(s: RunState): void {
  const { pop, cond, proposal: p, record, t } = s;
  const { n, d } = pop;
  const x = pop.ideal;
  const sal = pop.salience;
  const y = s.position;
  let spread = 0;
  let spreadWeight = 0;
  for (let i = 0; i < n; i++) {
    if (!s.present[i]) {
      s.stance[i] = STANCE.absent;
      continue;
    }
    const o = i * d;
    let toIdeal = 0;
    let toStated = 0;
    for (let k = 0; k < d; k++) {
      toIdeal += sal[o + k] * Math.abs(x[o + k] - p[k]);
      toStated += sal[o + k] * Math.abs(y[o + k] - p[k]);
    }
    spread += pop.power[i] * toStated;
    spreadWeight += pop.power[i];
    s.distance[i] = toIdeal;
    const a = aspiration(s.floor[i], s.felt[i], s.horizonFelt[i], pop.concession[i]);
    s.aspiration[i] = a;
    const utility = 1 - toIdeal;
    const engages = toIdeal <= pop.openness[i];
    if (engages && utility >= a) {
      s.stance[i] = STANCE.supports;
      continue;
    }
    const shortfall = a - utility;
    s.stance[i] = !engages ? STANCE.disengaged : shortfall <= cond.goodEnough ? STANCE.addressed : STANCE.objects;
    record.add({ round: t, type: 'objection', stakeholder: pop.id(i), value: shortfall });
  }
  s.dispersion = spreadWeight > 0 ? spread / spreadWeight : 0;
}
