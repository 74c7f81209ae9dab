import { describe, expect, it } from 'vitest';
import { attend } from '../../../sim/phases/attendance.ts';
import { makeState } from '../make-scenario.ts';

const stakeholder = (id: string, extra: Record<string, unknown> = {}) => ({ id, constituency: 'c', ideal: [0.5, 0.5], ...extra });

describe('attendance', () => {
  it('grants the subsidy, then charges the cost of the round to those who attend', () => {
    const s = makeState({
      stakeholders: [stakeholder('rich', { resources: 10 }), stakeholder('poor', { resources: 0.5 })],
      convenor: { attendanceCost: 2, subsidies: { c: 1 } },
    });
    attend(s);
    expect(Array.from(s.present)).toEqual([1, 0]);
    expect(s.resources[0]).toBe(9); // 10 + 1 − 2
    expect(s.resources[1]).toBe(1.5); // 0.5 + 1, not enough for 2
    expect(s.presentWeight).toBe(1);
    expect(s.record.events.filter((e) => e.type === 'absent').map((e) => e.stakeholder)).toEqual(['poor']);
  });

  it('drops out a stakeholder that cannot afford three rounds in a row, for good', () => {
    const s = makeState({ stakeholders: [stakeholder('a', { resources: 0 })], convenor: { attendanceCost: 1 } });
    for (let t = 0; t < 3; t++) {
      s.t = t;
      attend(s);
    }
    expect(s.dropped[0]).toBe(1);
    expect(s.record.events.map((e) => e.type).filter((t) => t === 'absent' || t === 'dropped-out')).toEqual([
      'absent',
      'absent',
      'absent',
      'dropped-out',
    ]);
    s.resources[0] = 100;
    s.t = 3;
    attend(s);
    expect(s.present[0]).toBe(0);
  });

  it('a stakeholder that can pay again resets its count of rounds it could not afford', () => {
    const s = makeState({ stakeholders: [stakeholder('a', { resources: 0 })], convenor: { attendanceCost: 1 } });
    attend(s);
    attend(s);
    s.resources[0] = 1;
    attend(s);
    expect(s.present[0]).toBe(1);
    expect(s.broke[0]).toBe(0);
    expect(s.dropped[0]).toBe(0);
  });

  it('stakeholders that are not involved are never in the room', () => {
    const s = makeState({
      constituencies: [
        { id: 'c', roles: ['affected', 'involved', 'decides'] },
        { id: 'outside', roles: ['affected'] },
      ],
      stakeholders: [stakeholder('in'), { id: 'out', constituency: 'outside', ideal: [0, 0] }],
    });
    attend(s);
    expect(Array.from(s.present)).toEqual([1, 0]);
    expect(s.invitedWeight).toBe(1);
    expect(s.presentAffected).toBe(1);
  });

  it('absence by chance follows its probability and draws only for those who can be absent', () => {
    const s = makeState({
      stakeholders: [stakeholder('steady'), { generate: 2000, idPrefix: 'flaky', constituency: 'c', ideal: [0.5, 0.5], absence: 0.3 }],
    });
    attend(s);
    expect(s.present[0]).toBe(1);
    let absent = 0;
    for (let i = 1; i < s.pop.n; i++) absent += 1 - s.present[i];
    expect(absent / 2000).toBeGreaterThan(0.26);
    expect(absent / 2000).toBeLessThan(0.34);
  });

  it('organizes a constituency at its round and elects the present member of highest power, lowest index on ties', () => {
    const s = makeState({
      constituencies: [{ id: 'c', organized: false, organizeRounds: 2 }],
      stakeholders: [stakeholder('a', { power: 2 }), stakeholder('b', { power: 3 }), stakeholder('d', { power: 3 })],
    });
    attend(s);
    expect(s.organized[0]).toBe(0);
    expect(s.chair[0]).toBe(-1);
    s.t = 2;
    attend(s);
    expect(s.organized[0]).toBe(1);
    expect(s.chair[0]).toBe(1);
    const events = s.record.events.filter((e) => e.type === 'caucus-formed' || e.type === 'chair-elected');
    expect(events).toEqual([
      { round: 2, type: 'caucus-formed', constituency: 'c' },
      { round: 2, type: 'chair-elected', constituency: 'c', stakeholder: 'b' },
    ]);
  });
});
