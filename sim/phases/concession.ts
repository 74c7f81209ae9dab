/**
 * Phase 6, concession (MODEL.md 5.6). A present stakeholder that engages states the point of the
 * segment from its ideal to the proposal farthest toward the proposal that still meets its
 * aspiration: θ = clamp((1 − α) / d(x, p), 0, 1). One that does not engage states its ideal.
 * Interests never move; only what is said does.
 */
import type { RunState } from '../run-state.ts';
import { STANCE } from '../run-state.ts';

export function concede(s: RunState): void {
  const { pop, proposal: p } = s;
  const { n, d } = pop;
  const x = pop.ideal;
  const y = s.position;
  for (let i = 0; i < n; i++) {
    const stance = s.stance[i];
    if (stance === STANCE.absent) continue;
    const o = i * d;
    if (stance === STANCE.disengaged) {
      for (let k = 0; k < d; k++) y[o + k] = x[o + k];
      continue;
    }
    const dist = s.distance[i];
    const theta = dist > 0 ? Math.min(1, Math.max(0, (1 - s.aspiration[i]) / dist)) : 1;
    for (let k = 0; k < d; k++) y[o + k] = x[o + k] + theta * (p[k] - x[o + k]);
  }
}
