import { describe, expect, it } from 'vitest';
import { attend } from '../../../sim/phases/attendance.ts';
import { adoptConcessions } from '../../../sim/kernel/evaluation-pass.ts';
import { evaluate } from '../../../sim/phases/evaluation.ts';
import { makeState } from '../make-scenario.ts';

describe('concession', () => {
  it('states the farthest point toward the proposal that keeps the aspiration', () => {
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
    s.felt.fill(80); // aspiration 0.5 + 0.5 × 0.2 = 0.6
    evaluate(s);
    adoptConcessions(s);
    // a: d = 0.5, θ = (1 − 0.6) / 0.5 = 0.8 → 0.4
    expect(s.position[0]).toBeCloseTo(0.4, 15);
    expect(s.position[1]).toBeCloseTo(0.4, 15);
    // b: d = 0.1 < 0.4, θ clamps to 1 → the proposal
    expect(s.position[2]).toBeCloseTo(0.5, 15);
    // closed does not engage (d = 0.5 > 0.2) and states its ideal
    expect(Array.from(s.position.subarray(4, 6))).toEqual([1, 1]);
    // absent stakeholders keep what they said
    expect(Array.from(s.position.subarray(6, 8))).toEqual([0.35, 0.35]);
  });
});
