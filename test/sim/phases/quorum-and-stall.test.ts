import { describe, expect, it } from 'vitest';
import { attend } from '../../../sim/phases/attendance.ts';
import { checkQuorum } from '../../../sim/phases/quorum.ts';
import { checkStall } from '../../../sim/phases/stall.ts';
import { makeState } from '../make-scenario.ts';

describe('quorum', () => {
  it('collapses after three rounds in a row below quorum of the invited weight', () => {
    const s = makeState({
      stakeholders: [
        { id: 'big', constituency: 'c', ideal: [0, 0], power: 3, resources: 0 },
        { id: 'small', constituency: 'c', ideal: [0, 0], power: 1 },
      ],
      convenor: { attendanceCost: 1, quorum: 0.5 },
    });
    const collapsed: boolean[] = [];
    for (let t = 0; t < 3; t++) {
      s.t = t;
      attend(s);
      collapsed.push(checkQuorum(s));
    }
    expect(s.presentWeight / s.invitedWeight).toBe(0.25);
    expect(collapsed).toEqual([false, false, true]);
  });
});

describe('stall and failure', () => {
  const state = (convenor: Record<string, unknown>) =>
    makeState({ stakeholders: [{ id: 'a', constituency: 'c', ideal: [0, 0] }], convenor });

  it('declares failure when the best support has not grown by minGain in stallRounds rounds', () => {
    const s = state({ deadline: null, declareFailure: { allowed: true, stallRounds: 3, minGain: 0.05 } });
    const ends = [0.1, 0.5, 0.52, 0.53, 0.54].map((best, t) => {
      s.t = t;
      s.bestSupport = best;
      return checkStall(s);
    });
    // at round 3 the best grew 0.53 − 0.1 since round 0; at round 4, 0.54 − 0.5 < 0.05
    expect(ends).toEqual([null, null, null, null, 'declared-failure']);
  });

  it('never declares failure when not allowed, and ends at the deadline or else the horizon', () => {
    const s = state({ deadline: 5, declareFailure: { allowed: false } });
    s.t = 3;
    expect(checkStall(s)).toBe(null);
    s.t = 4;
    expect(checkStall(s)).toBe('deadline');
    const open = makeState({ horizon: 7, stakeholders: [{ id: 'a', constituency: 'c', ideal: [0, 0] }], convenor: { deadline: null } });
    open.t = 6;
    expect(checkStall(open)).toBe('horizon');
  });
});
