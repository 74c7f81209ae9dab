/**
 * Model 2's two ways of staying out for good (MODEL.md 5.1), besides dropping out for want of
 * money:
 *
 * - **Declining.** At round 0 an invited stakeholder whose floor ρ*_i exceeds the best utility any
 *   point of the convenor's box can give it declines the invitation: "strike a balance between
 *   clarity in range of acceptable outcomes ... and enticing the major powers among the
 *   stakeholders to attend" (report, the convenor's dilemma). With salience-weighted L1 distance
 *   and a box that is a product of intervals, that best point is the ideal clamped into the box,
 *   so the best utility is 1 − Σ_k s_ik·|x_ik − clamp(x_ik)|: O(D) a stakeholder.
 * - **Walking out.** A present stakeholder whose utility for the proposal has stayed below its
 *   outside floor ρ°_i = max((1 − μ)·o_i, [sideChannel]·o_i) for `exitRounds` evaluations in a row
 *   walks out (Hirschman's exit; privacy groups left NTIA's facial-recognition process in 2015).
 *   Rounds it misses neither count nor break the streak. It leaves at the next round's attendance.
 *
 * Both are recorded with the utilities that decided them, and both count as absent wherever
 * absence counts (participation, quorum, inclusion, exclusion). Floors are compared within
 * FLOOR_TOLERANCE, so a text that gives a stakeholder exactly its floor keeps it.
 */
import { FLOOR_TOLERANCE } from '../conditions.ts';
import type { RunState } from '../run-state.ts';

/** Why a stakeholder is out for good (RunState.left). */
export const LEFT = { in: 0, droppedOut: 1, declined: 2, walkedOut: 3 } as const;

/**
 * The best utility any point of the convenor's box can give stakeholder i: its ideal clamped into
 * the box, 1 − Σ_k s_ik·|x_ik − clamp(x_ik)|.
 */
export function bestInBox(s: RunState, i: number): number {
  const { pop, cond } = s;
  const { d, ideal, salience } = pop;
  let shortfall = 0;
  for (let k = 0; k < d; k++) {
    const x = ideal[i * d + k];
    shortfall += salience[i * d + k] * Math.abs(x - Math.min(cond.boxMax[k], Math.max(cond.boxMin[k], x)));
  }
  return 1 - shortfall;
}

/** Round 0: the invited stakeholders the box cannot give their floor decline. */
export function declineInvitations(s: RunState): void {
  const { pop, involved, floor, dropped, left } = s;
  const { n } = pop;
  for (let i = 0; i < n; i++) {
    if (!involved[i]) continue;
    const best = bestInBox(s, i);
    if (floor[i] > best + FLOOR_TOLERANCE) {
      dropped[i] = 1;
      left[i] = LEFT.declined;
      s.record.add({ round: s.t, type: 'declined', stakeholder: pop.id(i), utility: best, floor: floor[i] });
    }
  }
}

/** Attendance, before the pass: those below their outside floor for `exitRounds` evaluations walk out. */
export function walkOuts(s: RunState): void {
  const exitRounds = s.cond.exitRounds;
  if (exitRounds === null || !s.anyOutsideFloor) return;
  const { pop, belowOutside, dropped, left } = s;
  for (let i = 0; i < pop.n; i++) {
    if (belowOutside[i] >= exitRounds && !dropped[i]) {
      dropped[i] = 1;
      left[i] = LEFT.walkedOut;
      s.record.add({ round: s.t, type: 'walked-out', stakeholder: pop.id(i), utility: s.lastUtility[i], floor: s.outsideFloor[i] });
    }
  }
}

/** After evaluation: each present stakeholder's streak of rounds below its outside floor. */
export function countRoundsBelowOutside(s: RunState): void {
  if (s.cond.exitRounds === null || !s.anyOutsideFloor) return;
  const { present, distance, outsideFloor, belowOutside, lastUtility } = s;
  for (let i = 0; i < s.pop.n; i++) {
    if (!present[i]) continue;
    const utility = 1 - distance[i];
    lastUtility[i] = utility;
    belowOutside[i] = utility < outsideFloor[i] - FLOOR_TOLERANCE ? belowOutside[i] + 1 : 0;
  }
}
