import { describe, expect, it } from 'vitest';
import { decide, rulePasses } from '../../../sim/phases/decision.ts';
import { attend } from '../../../sim/phases/attendance.ts';
import { evaluate } from '../../../sim/phases/evaluation.ts';
import { makeState } from '../make-scenario.ts';

describe('decision rules', () => {
  it('unanimity fails on any objection, addressed or not', () => {
    expect(rulePasses('unanimity', 1, 1, false, false)).toBe(true);
    expect(rulePasses('unanimity', 1, 1, true, false)).toBe(false);
  });
  it('rough consensus needs the threshold and no unaddressed objection of an implementer', () => {
    expect(rulePasses('rough-consensus', 0.8, 0.8, true, false)).toBe(true);
    expect(rulePasses('rough-consensus', 0.8, 0.79, true, false)).toBe(false);
    expect(rulePasses('rough-consensus', 0.8, 0.95, true, true)).toBe(false);
  });
  it('a supermajority needs only the threshold; a majority more than half', () => {
    expect(rulePasses('supermajority', 2 / 3, 0.7, true, true)).toBe(true);
    expect(rulePasses('supermajority', 2 / 3, 0.6, true, false)).toBe(false);
    expect(rulePasses('majority', 0.5, 0.5, true, false)).toBe(false);
    expect(rulePasses('majority', 0.5, 0.51, true, true)).toBe(true);
  });
});

/** Nine supporters of power 1 at the proposal and one objector of the given power far from it. */
function room(rule: Record<string, unknown>, holdout: Record<string, unknown> = {}, items = 1) {
  const s = makeState({
    constituencies: [
      { id: 'c', roles: ['defines', 'affected', 'involved', 'decides'] },
      { id: 'impl', roles: ['affected', 'involved', 'decides', 'implements'] },
    ],
    stakeholders: [
      { generate: 9, idPrefix: 'yes', constituency: 'c', ideal: [0.5, 0.5] },
      { id: 'holdout', constituency: 'c', ideal: [1, 1], reservation: 0.9, ...holdout },
    ],
    convenor: { rule, agenda: { items } },
  });
  attend(s);
  s.proposal.set([0.5, 0.5]);
  s.felt.fill(100);
  evaluate(s);
  return s;
}

describe('decision', () => {
  it('settles an item when the rule passes and adopts when the last one is settled', () => {
    const s = room({ type: 'supermajority', threshold: 0.85 }, {}, 2);
    expect(decide(s)).toBe(false);
    expect(s.support).toBeCloseTo(0.9, 15);
    expect(s.openItems).toBe(1);
    s.t = 1;
    expect(decide(s)).toBe(true);
    expect(s.adoptedRound).toBe(1);
    expect(s.record.events.filter((e) => e.type === 'item-settled').map((e) => e.value)).toEqual([1, 0]);
  });

  it('counts a blocked round when support reaches rough consensus but the rule fails, with its blockers', () => {
    const s = room({ type: 'unanimity' });
    expect(decide(s)).toBe(false);
    expect(s.blockedRounds).toBe(1);
    expect(s.blockedCount[9]).toBe(1);
    expect(s.firstBlock!.round).toBe(0);
    expect(Array.from(s.firstBlock!.consented).slice(0, 10)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(s.record.events.find((e) => e.type === 'blocked')!.stakeholders).toEqual(['holdout']);
  });

  it('does not count a failed vote below rough consensus as blocked', () => {
    const s = room({ type: 'unanimity' }, { power: 5 });
    expect(decide(s)).toBe(false);
    expect(s.support).toBeCloseTo(9 / 14, 15);
    expect(s.blockedRounds).toBe(0);
  });

  it('under rough consensus an implementer blocks alone, and only the implementer is the blocker', () => {
    const s = room({ type: 'rough-consensus', threshold: 0.8 }, { constituency: 'impl' });
    expect(decide(s)).toBe(false);
    expect(s.blockedRounds).toBe(1);
    expect(s.record.events.find((e) => e.type === 'blocked')!.stakeholders).toEqual(['holdout']);
    const plain = room({ type: 'rough-consensus', threshold: 0.8 });
    expect(decide(plain)).toBe(true);
  });

  it('keeps the best support share and its round', () => {
    const s = room({ type: 'unanimity' }, { power: 5 });
    s.t = 3;
    decide(s);
    expect(s.bestSupport).toBeCloseTo(9 / 14, 15);
    expect(s.bestSupportRound).toBe(3);
  });
});
