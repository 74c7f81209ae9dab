/**
 * Phase 6, concession (MODEL.md 5.6). A present stakeholder that engages states the point of the
 * segment from its ideal to the proposal farthest toward the proposal that still meets its
 * aspiration: θ = clamp((1 − α) / d(x, p), 0, 1). One that does not engage states its ideal.
 * Interests never move; only what is said does. Evaluation has worked these points out in the
 * same pass over the stakeholders; conceding makes them the stated positions.
 */
import type { RunState } from '../run-state.ts';

export function concede(s: RunState): void {
  const stated = s.nextPosition;
  s.nextPosition = s.position;
  s.position = stated;
}
