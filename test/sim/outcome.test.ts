import { describe, expect, it } from 'vitest';
import { createRun, runScenario, stateOf } from '../../sim/run.ts';
import { priceOfBlocking } from '../../sim/outcome.ts';
import { makeScenario } from './make-scenario.ts';

const like = (id: string, ideal: number[], extra: Record<string, unknown> = {}) => ({ id, constituency: 'c', ideal, ...extra });

describe('outcome classes', () => {
  it('rough consensus: a room that shares its interests adopts the opening text at once', () => {
    const r = runScenario(makeScenario({ stakeholders: [like('a', [0.4, 0.6]), like('b', [0.4, 0.6])] }));
    expect(r.outcome).toBe('rough-consensus');
    expect(r.end).toBe('adopted');
    expect(r.rounds).toBe(1);
    expect(r.adopted).toEqual({ round: 0, position: [0.4, 0.6], support: 1 });
    expect(r.legitimacy).toBe(1);
  });

  it('contested decision: a majority imposes a text that a large minority never accepts', () => {
    const r = runScenario(
      makeScenario({
        stakeholders: [
          { generate: 6, idPrefix: 'm', constituency: 'c', ideal: [0.2, 0.2] },
          // The box's best point for them, (0.4, 0.4), gives them 1 − 0.5 = 0.5: a floor of 0.45 keeps
          // them in the room (model 2: a floor above 0.5 and they would decline the invitation), and
          // at a distance of 0.5 > openness 0.2 they never engage with a text inside the box.
          { generate: 4, idPrefix: 'n', constituency: 'c', ideal: [0.9, 0.9], reservation: 0.45, openness: 0.2 },
        ],
        // the convenor's acceptable box keeps the text from drifting to the minority's side
        convenor: { rule: { type: 'majority' }, declareFailure: { allowed: false }, acceptable: { max: [0.4, 0.4] } },
      }),
    );
    expect(r.outcome).toBe('contested-decision');
    expect(r.adopted!.support).toBeCloseTo(0.6, 12);
    expect(r.blockedRounds).toBe(0);
  });

  it('tyranny of the minority: one small holdout under unanimity blocks until the deadline', () => {
    const r = runScenario(
      makeScenario({
        stakeholders: [
          { generate: 13, idPrefix: 'm', constituency: 'c', ideal: [0.5, 0.5] },
          like('holdout', [1, 1], { power: 0.25, reservation: 0.99 }),
        ],
        convenor: { rule: { type: 'unanimity' }, deadline: 48, declareFailure: { allowed: false } },
      }),
    );
    expect(r.outcome).toBe('tyranny-of-the-minority');
    expect(r.end).toBe('deadline');
    expect(r.rounds).toBe(48);
    expect(r.blockedRounds).toBe(48);
    expect(r.blockers[0]).toBe('holdout');
    expect(r.explanation).toContain('Blocked: 1 of 14 stakeholders, holding 2% of the power, objected in 48 rounds under unanimity');
  });

  it('collapse: an unfunded room empties below quorum', () => {
    const r = runScenario(
      makeScenario({
        stakeholders: [
          { generate: 5, idPrefix: 'left', constituency: 'c', ideal: [0.1, 0.1], resources: 3, openness: 0.3 },
          { generate: 5, idPrefix: 'right', constituency: 'c', ideal: [0.9, 0.9], resources: 3, openness: 0.3 },
          like('rich-a', [0.3, 0.3], { openness: 0.1 }),
          like('rich-b', [0.7, 0.7], { openness: 0.1 }),
        ],
        convenor: { attendanceCost: 1, rule: { type: 'unanimity' } },
      }),
    );
    expect(r.outcome).toBe('collapse');
    expect(r.end).toBe('collapse');
    // three rounds paid, then three unable to pay (dropping out in the third), below quorum for three
    expect(r.rounds).toBe(6);
    expect(r.participation).toBeCloseTo(2 / 12, 12);
    expect(r.explanation).toContain('10 stakeholders had dropped out');
  });

  it('declared failure: the convenor ends a stalled process', () => {
    const r = runScenario(
      makeScenario({
        stakeholders: [like('a', [0, 0], { openness: 0.1 }), like('b', [1, 1], { openness: 0.1 })],
        convenor: { declareFailure: { allowed: true, stallRounds: 10, minGain: 0.01 } },
      }),
    );
    expect(r.outcome).toBe('declared-failure');
    expect(r.rounds).toBe(11);
    expect(r.adopted).toBeNull();
    expect(r.legitimacy).toBeNull();
  });

  it('glacial drift: without a declared failure, the deadline comes first', () => {
    const r = runScenario(
      makeScenario({
        stakeholders: [like('a', [0, 0], { openness: 0.1 }), like('b', [1, 1], { openness: 0.1 })],
        convenor: { deadline: 30, declareFailure: { allowed: false } },
      }),
    );
    expect(r.outcome).toBe('glacial-drift');
    expect(r.end).toBe('deadline');
    expect(r.rounds).toBe(30);
  });
});

describe('the price of blocking', () => {
  it('is the power-weighted utility those who agreed in the first blocked round lost by adoption', () => {
    const scenario = makeScenario({
      stakeholders: [
        { generate: 9, idPrefix: 'm', constituency: 'c', ideal: [0.3, 0.3] },
        like('holdout', [1, 1], { reservation: 0.6, concession: 0.2 }),
      ],
      convenor: { rule: { type: 'unanimity' }, deadline: 60, declareFailure: { allowed: false } },
    });
    const run = createRun(scenario);
    const result = run.finish();
    const s = stateOf(run);
    expect(s.firstBlock).not.toBeNull();
    let lost = 0;
    for (let i = 0; i < 9; i++) {
      const at = (p: ArrayLike<number>) => 1 - 0.5 * Math.abs(0.3 - p[0]) - 0.5 * Math.abs(0.3 - p[1]);
      lost += at(s.firstBlock!.proposal) - at(s.proposal);
    }
    expect(priceOfBlocking(s)).toBeCloseTo(lost / 9, 12);
    expect(result.outcome).toBe(result.adopted && priceOfBlocking(s) < 0.05 ? 'rough-consensus' : 'tyranny-of-the-minority');
  });
});

describe('flags', () => {
  it('capture: the convenor in the room pulls the adopted text to its own point', () => {
    const r = runScenario(
      makeScenario({
        stakeholders: [like('a', [0.2, 0.2]), like('b', [0.3, 0.3]), like('ally', [0.9, 0.9], { power: 3 })],
        convenor: { inRoom: { preferred: [0.9, 0.9], pull: 1 }, rule: { type: 'majority' } },
      }),
    );
    expect(r.end).toBe('adopted');
    expect(r.flags).toContain('capture');
  });

  it('exclusion: an affected constituency with nobody present at adoption', () => {
    const r = runScenario(
      makeScenario({
        constituencies: [
          { id: 'c', roles: ['defines', 'affected', 'involved', 'decides'] },
          { id: 'public', roles: ['affected'] },
        ],
        stakeholders: [like('a', [0.5, 0.5]), { id: 'p', constituency: 'public', ideal: [0.9, 0.9] }],
      }),
    );
    expect(r.flags).toEqual(['exclusion']);
    expect(r.inclusion).toBe(0.5);
    expect(r.legitimacy).toBe(0.5 * 0.5);
  });

  it('collateral attack: with a side channel, an implementer whose outside option beats the outcome goes around', () => {
    const scenario = (sideChannel: boolean) =>
      makeScenario({
        stakeholders: [
          { generate: 9, idPrefix: 'm', constituency: 'c', ideal: [0.2, 0.2] },
          like('lobby', [0.9, 0.9], { outside: 0.8, power: 0.1 }),
        ],
        convenor: { sideChannel, rule: { type: 'majority' } },
      });
    const open = runScenario(scenario(true), { events: true });
    expect(open.flags).toContain('collateral-attack');
    expect(open.events!.filter((e) => e.type === 'collateral-attack').map((e) => e.stakeholder)).toEqual(['lobby']);
    expect(runScenario(scenario(false)).flags).not.toContain('collateral-attack');
  });
});
