import { describe, expect, it } from 'vitest';
import { attend } from '../../../sim/phases/attendance.ts';
import { draft } from '../reference.ts';
import { makeState } from '../make-scenario.ts';

describe('drafting', () => {
  it('opens with the power-weighted mean ideal of those who define the issue', () => {
    const s = makeState({
      constituencies: [
        { id: 'c', roles: ['defines', 'involved', 'decides'] },
        { id: 'other', roles: ['involved', 'decides'] },
      ],
      stakeholders: [
        { id: 'a', constituency: 'c', ideal: [0.2, 0.4], power: 1 },
        { id: 'b', constituency: 'c', ideal: [0.8, 0.1], power: 3 },
        { id: 'x', constituency: 'other', ideal: [0, 0], power: 100 },
      ],
    });
    attend(s);
    draft(s);
    expect(s.proposal[0]).toBeCloseTo((0.2 * 1 + 0.8 * 3) / 4, 15);
    expect(s.proposal[1]).toBeCloseTo((0.4 * 1 + 0.1 * 3) / 4, 15);
  });

  it('after the opening, an organized caucus speaks with full power and an unorganized member with half', () => {
    const s = makeState({
      constituencies: [
        { id: 'c', roles: ['defines', 'involved', 'decides'] },
        { id: 'loose', organized: false, organizeRounds: 50, roles: ['involved', 'decides'] },
      ],
      stakeholders: [
        { id: 'a', constituency: 'c', ideal: [0, 0], power: 2 },
        { id: 'b', constituency: 'loose', ideal: [1, 1], power: 2 },
      ],
    });
    s.t = 1;
    attend(s);
    s.position.set([0.1, 0.2, 0.9, 0.6]);
    draft(s);
    // voices 2 and 2 × 0.5 = 1
    expect(s.proposal[0]).toBeCloseTo((2 * 0.1 + 1 * 0.9) / 3, 15);
    expect(s.proposal[1]).toBeCloseTo((2 * 0.2 + 1 * 0.6) / 3, 15);
  });

  it('pulls toward the convenor in the room and clamps into the acceptable box', () => {
    const s = makeState({
      stakeholders: [{ id: 'a', constituency: 'c', ideal: [0.1, 0.9] }],
      convenor: { inRoom: { preferred: [0.9, 0.9], pull: 0.25 }, acceptable: { min: [0.4, 0], max: [1, 0.5] } },
    });
    attend(s);
    draft(s);
    // 0.75 × 0.1 + 0.25 × 0.9 = 0.3 on the first issue, clamped up to 0.4; 0.9 on the second, down to 0.5
    expect(s.proposal[0]).toBe(0.4);
    expect(s.proposal[1]).toBe(0.5);
  });

  it('pulls toward the convenor inside the box by exactly γ', () => {
    const s = makeState({
      stakeholders: [{ id: 'a', constituency: 'c', ideal: [0.1, 0.9] }],
      convenor: { inRoom: { preferred: [0.9, 0.1], pull: 0.25 } },
    });
    attend(s);
    draft(s);
    expect(s.proposal[0]).toBeCloseTo(0.3, 15);
    expect(s.proposal[1]).toBeCloseTo(0.7, 15);
  });

  it('adds drafting noise with the given deviation', () => {
    const s = makeState({
      stakeholders: [{ id: 'a', constituency: 'c', ideal: [0.5, 0.5] }],
      convenor: { draftNoise: 0.05 },
    });
    attend(s);
    const offsets: number[] = [];
    for (let r = 0; r < 2000; r++) {
      draft(s);
      offsets.push(s.proposal[0] - 0.5);
    }
    const mean = offsets.reduce((a, b) => a + b, 0) / offsets.length;
    const sd = Math.sqrt(offsets.reduce((a, b) => a + (b - mean) ** 2, 0) / offsets.length);
    expect(Math.abs(mean)).toBeLessThan(0.005);
    expect(sd).toBeGreaterThan(0.045);
    expect(sd).toBeLessThan(0.055);
  });
});
