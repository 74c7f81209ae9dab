import { describe, expect, it } from 'vitest';
import { attend } from '../../../sim/phases/attendance.ts';
import { timeShare } from '../../../sim/kernel/time-share.ts';
import { evaluate } from '../../../sim/phases/evaluation.ts';
import { aspiration } from '../reference.ts';
import { STANCE } from '../../../sim/run-state.ts';
import { makeState } from '../make-scenario.ts';

describe('aspiration', () => {
  it('starts at 1, falls to the floor at the deadline, and stays there', () => {
    expect(aspiration(0.5, 0, 100, 1, 1)).toBe(1);
    expect(aspiration(0.5, 50, 100, 1, 1)).toBeCloseTo(0.75, 15);
    expect(aspiration(0.5, 100, 100, 1, 1)).toBe(0.5);
    expect(aspiration(0.5, 150, 100, 1, 1)).toBe(0.5);
  });

  it('holds out with β < 1 (Boulware) and gives early with β > 1 (Conceder)', () => {
    // 0.6 + 0.4·(1 − 0.5^(1/0.5)) = 0.6 + 0.4·0.75 = 0.9
    expect(aspiration(0.6, 5, 10, 0.5, 1)).toBeCloseTo(0.9, 15);
    // 0.6 + 0.4·(1 − 0.5^(1/2)) = 0.6 + 0.4·(1 − 0.70711) = 0.71716
    expect(aspiration(0.6, 5, 10, 2, 1)).toBeCloseTo(0.7171572875, 10);
    // a general shape agrees with the power function
    expect(timeShare(0.3, 0.7)).toBeCloseTo(Math.pow(0.3, 1 / 0.7), 14);
  });
});

describe('evaluation', () => {
  const scenario = (stakeholders: Record<string, unknown>[], convenor: Record<string, unknown> = {}) =>
    makeState({ stakeholders: stakeholders.map((x) => ({ constituency: 'c', ...x })), convenor });

  it('measures salience-weighted distance and sorts supporters, addressed and plain objectors, and the disengaged', () => {
    const s = scenario([
      { id: 'near', ideal: [0.5, 0.5] },
      { id: 'decimal', ideal: [0.51, 0.5], salience: [1, 0] },
      { id: 'far', ideal: [0.9, 0.5], salience: [3, 1] },
      { id: 'closed', ideal: [0.0, 0.0], openness: 0.3 },
    ]);
    attend(s);
    s.proposal.set([0.5, 0.5]);
    s.felt.fill(50); // deadline 100, floor 0.5, β = 1: aspiration 0.75
    evaluate(s);
    expect(Array.from(s.aspiration)).toEqual([0.75, 0.75, 0.75, 0.75]);
    expect(s.distance[2]).toBeCloseTo(0.75 * 0.4, 15);
    expect(s.distance[3]).toBeCloseTo(0.5, 15);
    expect(Array.from(s.stance)).toEqual([STANCE.supports, STANCE.supports, STANCE.objects, STANCE.disengaged]);
    s.felt.fill(0); // aspiration 1: 'decimal' is 0.01 short, within goodEnough
    evaluate(s);
    expect(s.stance[0]).toBe(STANCE.supports);
    expect(s.stance[1]).toBe(STANCE.addressed);
    const objections = s.record.events.filter((e) => e.type === 'objection' && e.round === 0);
    expect(objections.find((e) => e.stakeholder === 'far')!.value).toBeCloseTo(0.75 - 0.7, 15);
  });

  it('raises the floor to the outside option unless the process decides and no side channel exists', () => {
    const floorWith = (convenor: Record<string, unknown>) =>
      scenario([{ id: 'a', ideal: [0.5, 0.5], reservation: 0.3, outside: 0.8 }], convenor).floor[0];
    expect(floorWith({ mandate: 'decision' })).toBe(0.3);
    expect(floorWith({ mandate: 'recommendation' })).toBeCloseTo(0.4, 15);
    expect(floorWith({ mandate: 'consultation' })).toBe(0.8);
    expect(floorWith({ mandate: 'decision', sideChannel: true })).toBe(0.8);
  });

  it('tallies support among present deciders, by power or by head', () => {
    const make = (weighting: string) =>
      scenario(
        [
          { id: 'big', ideal: [0.5, 0.5], power: 3 },
          { id: 'small', ideal: [1, 1], power: 1, reservation: 0.6 },
        ],
        { weighting },
      );
    for (const [weighting, share] of [['power', 0.75], ['head', 0.5]] as const) {
      const s = make(weighting);
      attend(s);
      s.proposal.set([0.5, 0.5]);
      s.felt.fill(100);
      evaluate(s);
      expect(s.tally.yes / s.tally.deciding).toBe(share);
      expect(s.tally.headsYes / s.tally.heads).toBe(0.5);
      expect(s.tally.anyObjection).toBe(true);
      expect(s.tally.implementerObjects).toBe(true);
    }
  });

  it('measures dispersion as the power-weighted distance from stated positions to the proposal', () => {
    const s = scenario([
      { id: 'a', ideal: [0, 0], power: 1 },
      { id: 'b', ideal: [1, 1], power: 3 },
    ]);
    attend(s);
    s.proposal.set([0.5, 0.5]);
    s.position.set([0.4, 0.4, 0.5, 0.7]);
    evaluate(s);
    expect(s.dispersion).toBeCloseTo((1 * 0.1 + 3 * 0.1) / 4, 15);
  });
});
