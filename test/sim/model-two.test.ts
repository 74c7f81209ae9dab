/**
 * Model 2's behaviours (MODEL.md 5.1, 5.7), each with its figure derived by hand in the comment,
 * and the figures of version 1 that must hold unchanged.
 */
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/index.ts';
import { makeScenario } from './make-scenario.ts';

const ONE_ISSUE = [{ id: 'a' }];

describe('version 1 figures that hold unchanged', () => {
  // Two equal parties, ideals 0 and 1, reservation 0.4, unanimity, deadline 100, no noise. By
  // symmetry the draft stays at 0.5, where each gets 0.5; each accepts when its aspiration
  // 0.4 + 0.6·(1 − (t/100)^(1/β)) ≤ 0.5, i.e. t ≥ 100·(5/6)^β: β = 0.3 gives 94.7, so round 95;
  // β = 1 gives 83.3, so 84; β = 3 gives 57.9, so 58.
  for (const [beta, round] of [[0.3, 95], [1, 84], [3, 58]]) {
    it(`the deadline effect: concession ${beta} adopts at round ${round}`, () => {
      const r = runScenario(
        makeScenario({
          issues: ONE_ISSUE,
          stakeholders: [
            { id: 'left', constituency: 'c', ideal: [0], reservation: 0.4, concession: beta },
            { id: 'right', constituency: 'c', ideal: [1], reservation: 0.4, concession: beta },
          ],
          convenor: { rule: { type: 'unanimity' }, deadline: 100, declareFailure: { allowed: false } },
        }),
        { seed: 1 },
      );
      expect(r.adopted?.round).toBe(round);
      expect(r.adopted!.position[0]).toBeCloseTo(0.5, 12);
    });
  }
});

describe('declining the invitation (the convenor\'s dilemma)', () => {
  /** A registry with power 5 wanting 0.9 and a floor of 0.7, and three small users wanting 0.2. */
  const dilemma = (boxMax: number, reservation = 0.7) =>
    makeScenario({
      issues: ONE_ISSUE,
      constituencies: [
        { id: 'registries', roles: ['affected', 'involved', 'decides', 'implements'] },
        { id: 'users', roles: ['defines', 'affected', 'involved', 'decides'] },
      ],
      stakeholders: [
        { id: 'registry', label: 'The registry', constituency: 'registries', ideal: [0.9], power: 5, reservation },
        { generate: 3, idPrefix: 'user', constituency: 'users', ideal: [0.2] },
      ],
      convenor: { acceptable: { max: [boxMax] }, deadline: 60 },
    });

  it('keeps away a major power whose floor no point of the box reaches, and the exclusion flag says so', () => {
    // The box [0, 0.5]: its best point for the registry is 0.5, worth 1 − 0.4 = 0.6 < its floor 0.7.
    const r = runScenario(dilemma(0.5), { seed: 1, events: true });
    const declined = r.events!.filter((e) => e.type === 'declined');
    expect(declined).toEqual([{ round: 0, type: 'declined', stakeholder: 'registry', utility: 0.6, floor: 0.7 }]);
    expect(r.events!.some((e) => e.type === 'joined' && e.stakeholder === 'registry')).toBe(false);
    // The users (3 of 8 power) adopt alone; the registries, affected, have nobody in the room.
    expect(r.adopted).not.toBeNull();
    expect(r.flags).toContain('exclusion');
    expect(r.participation).toBeCloseTo(3 / 8, 12);
    expect(r.explanation).toContain('The registry declined: no text inside the convenor\'s limits could give it what it gets outside.');
  });

  it('brings it in when the box is widened to reach its floor, at the price of a text nearer its interests', () => {
    // The box [0, 0.8]: best for the registry 1 − 0.1 = 0.9 ≥ 0.7: it attends.
    const narrow = runScenario(dilemma(0.5), { seed: 1, events: true });
    const wide = runScenario(dilemma(0.8), { seed: 1, events: true });
    expect(wide.events!.some((e) => e.type === 'declined')).toBe(false);
    expect(wide.events!.some((e) => e.type === 'joined' && e.stakeholder === 'registry')).toBe(true);
    expect(wide.flags).not.toContain('exclusion');
    if (wide.adopted && narrow.adopted) expect(wide.adopted.position[0]).toBeGreaterThan(narrow.adopted.position[0]);
  });

  it('keeps a stakeholder the box gives exactly its floor (compared within 1e-9)', () => {
    // The box [0, 0.3]: best 1 − (0.9 − 0.3), which in doubles is 0.3999999999999999, against a floor of 0.4.
    const r = runScenario(dilemma(0.3, 0.4), { seed: 1, events: true });
    expect(1 - (0.9 - 0.3)).toBeLessThan(0.4);
    expect(r.events!.some((e) => e.type === 'declined')).toBe(false);
  });
});

describe('walking out', () => {
  /**
   * Industry (power 5, ideal 1) and a privacy group (power 1, ideal 0, outside option 0.9) under a
   * consultation (μ = 0, so its outside floor is the whole 0.9). The opening draft is the
   * power-weighted mean, 5/6; the privacy group's utility for it, 1/6, is far below 0.9, and
   * industry, which holds 5/6 of the power, concedes little: every draft stays far from 0.
   */
  const facialRecognition = (exitRounds: number | null) =>
    makeScenario({
      issues: ONE_ISSUE,
      constituencies: [
        { id: 'industry', roles: ['defines', 'affected', 'involved', 'decides', 'implements'] },
        { id: 'privacy', roles: ['affected', 'involved', 'decides'] },
      ],
      stakeholders: [
        { id: 'industry', constituency: 'industry', ideal: [1], power: 5 },
        { id: 'privacy', label: 'The privacy group', constituency: 'privacy', ideal: [0], power: 1, outside: 0.9, reservation: 0.1 },
      ],
      convenor: { mandate: 'consultation', rule: { type: 'rough-consensus', threshold: 0.9 }, deadline: 100, exitRounds },
    });

  it('after exitRounds evaluations below its outside floor, and the rest adopt without it, flagged exclusion', () => {
    const r = runScenario(facialRecognition(10), { seed: 1, events: true });
    // Evaluated below its floor in rounds 0 to 9 (10 in a row): it leaves at round 10's attendance.
    const out = r.events!.filter((e) => e.type === 'walked-out');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ round: 10, stakeholder: 'privacy', floor: 0.9 });
    expect(out[0].utility!).toBeLessThan(0.3);
    expect(r.events!.filter((e) => e.type === 'joined' && e.stakeholder === 'privacy')).toHaveLength(1);
    // Industry alone holds every deciding weight present: it adopts, and privacy is excluded.
    expect(r.adopted).not.toBeNull();
    expect(r.adopted!.round).toBeGreaterThanOrEqual(10);
    expect(r.flags).toContain('exclusion');
    expect(r.explanation).toContain('The privacy group walked out: for 10 rounds in a row no draft gave it what it gets by going around it.');
  });

  it('never, with exitRounds null', () => {
    const r = runScenario(facialRecognition(null), { seed: 1, events: true });
    expect(r.events!.some((e) => e.type === 'walked-out')).toBe(false);
  });
});

describe('a constituency that must organize', () => {
  /**
   * Two equal parties, ideals 0 and 1, reservation 0.4, unanimity, deadline T = 200, no noise, the
   * right's constituency organizing at round L. Felt time advances only once it has organized, so
   * at round t the left has felt t and the right t − L; each needs utility 0.4 + 0.6·(1 − f/T), and
   * a point between 0 and 1 gives them utilities summing to 1, so agreement needs
   * 0.8 + 0.6·(2 − (2t − L)/T) ≤ 1, i.e. t ≥ 5T/6 + L/2: round 167 organized from the start,
   * round 186.7, so 187, with L = 40.
   */
  const pair = (organizeRounds: number) =>
    makeScenario({
      issues: ONE_ISSUE,
      constituencies: [
        { id: 'west', roles: ['defines', 'affected', 'involved', 'decides'] },
        { id: 'east', organized: organizeRounds === 0, organizeRounds, roles: ['defines', 'affected', 'involved', 'decides'] },
      ],
      stakeholders: [
        { id: 'left', constituency: 'west', ideal: [0], reservation: 0.4 },
        { id: 'right', constituency: 'east', ideal: [1], reservation: 0.4 },
      ],
      convenor: { rule: { type: 'unanimity' }, deadline: 200, declareFailure: { allowed: false } },
    });

  it('delays the adoption by at least 15 rounds when it takes 40 rounds to organize', () => {
    const early = runScenario(pair(0), { seed: 1 });
    const late = runScenario(pair(40), { seed: 1 });
    expect(early.adopted?.round).toBe(167);
    expect(late.adopted).not.toBeNull();
    expect(late.adopted!.round - early.adopted!.round).toBeGreaterThanOrEqual(15);
    expect(late.adopted!.round).toBe(187);
  });
});
