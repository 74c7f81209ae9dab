/**
 * Phase 2, quorum (MODEL.md 5.2): a room that stays emptier than the quorum for three rounds in a
 * row collapses.
 */
import { ROUNDS_IN_A_ROW } from '../conditions.ts';
import type { RunState } from '../run-state.ts';

/** Returns true when the run collapses this round. */
export function checkQuorum(s: RunState): boolean {
  const below = s.presentWeight < s.cond.quorum * s.invitedWeight || s.presentWeight === 0;
  s.lowQuorumRounds = below ? s.lowQuorumRounds + 1 : 0;
  return s.lowQuorumRounds >= ROUNDS_IN_A_ROW;
}
