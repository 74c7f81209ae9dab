import { describe, expect, it } from 'vitest';
import { growAgenda } from '../../../sim/phases/agenda.ts';
import { attend } from '../../../sim/phases/attendance.ts';
import { makeState } from '../make-scenario.ts';

describe('agenda', () => {
  it('each present organized caucus uncovers an item with probability g; unorganized ones do not', () => {
    const s = makeState({
      constituencies: [
        { id: 'c', roles: ['involved', 'decides'] },
        { id: 'd', roles: ['involved', 'decides'] },
        { id: 'loose', organized: false, roles: ['involved', 'decides'] },
      ],
      stakeholders: [
        { id: 'a', constituency: 'c', ideal: [0, 0] },
        { id: 'b', constituency: 'd', ideal: [0, 0] },
        { id: 'e', constituency: 'loose', ideal: [0, 0] },
      ],
      convenor: { agenda: { items: 2, growth: 1, focusLoss: 0.5 } },
    });
    attend(s);
    growAgenda(s);
    expect(s.openItems).toBe(4);
    expect(s.record.events.filter((e) => e.type === 'item-opened').map((e) => e.constituency)).toEqual(['c', 'd']);
    // felt time advances by 1 / (1 + κ(K − 1)) = 1 / (1 + 0.5 × 3) = 0.4, and (model 2) not at all
    // for e, whose constituency has not organized yet: it holds to its ideal until it has.
    expect(Array.from(s.felt)).toEqual([0.4, 0.4, 0]);
  });

  it('felt time advances by one round for those present when one item is open, and not at all for the absent', () => {
    const s = makeState({
      stakeholders: [
        { id: 'a', constituency: 'c', ideal: [0, 0] },
        { id: 'b', constituency: 'c', ideal: [0, 0], resources: 0 },
      ],
      convenor: { attendanceCost: 1 },
    });
    attend(s);
    growAgenda(s);
    expect(Array.from(s.felt)).toEqual([1, 0]);
  });
});
