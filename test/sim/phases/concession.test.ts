import { describe, expect, it } from 'vitest';
import { attend } from '../../../sim/phases/attendance.ts';
import { adoptConcessions } from '../../../sim/kernel/evaluation-pass.ts';
import { evaluate } from '../../../sim/phases/evaluation.ts';
import { makeState } from '../make-scenario.ts';

describe('concession', () => {
  it('concedes the share of the distance that is the share of its utility it has given up (model 2)', () => {
    const s = makeState({
      stakeholders: [
        { id: 'a', constituency: 'c', ideal: [0, 0] },
        { id: 'b', constituency: 'c', ideal: [0.6, 0.6] },
        { id: 'closed', constituency: 'c', ideal: [1, 1], openness: 0.2 },
        { id: 'away', constituency: 'c', ideal: [0.3, 0.3], absence: 0.999999 },
      ],
    });
    attend(s);
    expect(s.present[3]).toBe(0);
    s.position.set([0.9, 0.9], 4); // 'closed' had said something else before
    s.position.set([0.35, 0.35], 6);
    s.proposal.set([0.5, 0.5]);
    // Felt time 80 of 100, β = 1: the time share is 0.8, the aspiration 0.5 + 0.5 × 0.2 = 0.6, and
    // each that engages concedes θ = (1 − ρ*)·0.8 = 0.4 of its distance to the proposal, however far.
    s.felt.fill(80);
    evaluate(s);
    adoptConcessions(s);
    // a: 0 + 0.4 × (0.5 − 0) = 0.2
    expect(s.position[0]).toBeCloseTo(0.2, 15);
    expect(s.position[1]).toBeCloseTo(0.2, 15);
    // b, near the proposal, keeps its anchor too (version 1 stated the proposal itself):
    // 0.6 + 0.4 × (0.5 − 0.6) = 0.56
    expect(s.position[2]).toBeCloseTo(0.56, 15);
    // closed does not engage (d = 0.5 > 0.2) and states its ideal
    expect(Array.from(s.position.subarray(4, 6))).toEqual([1, 1]);
    // absent stakeholders keep what they said
    expect(Array.from(s.position.subarray(6, 8))).toEqual([0.35, 0.35]);
  });
});
