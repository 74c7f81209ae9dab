import { describe, expect, it } from 'vitest';
import { createArena } from '../../sim/arena.ts';
import { createRun } from '../../sim/run.ts';
import { makeScenario } from './make-scenario.ts';

describe('the arena of a run', () => {
  it('hands out aligned views of one buffer, and fresh arrays once it is full', () => {
    const arena = createArena(64);
    const a = arena.u8(3);
    const b = arena.f64(2);
    expect(b.buffer).toBe(a.buffer);
    expect(b.byteOffset).toBe(8);
    const c = arena.f64(10);
    expect(c.buffer).not.toBe(a.buffer);
    expect(c.length).toBe(10);
  });

  it('holds every per-stakeholder array of a run in one buffer', () => {
    const run = createRun(
      makeScenario({
        constituencies: [{ id: 'c', roles: ['involved', 'decides'] }, { id: 'd' }],
        stakeholders: [
          { id: 'a', constituency: 'c', ideal: [0.1, 0.2] },
          { generate: 50, idPrefix: 'g', constituency: 'd', ideal: { uniform: [0, 1] } },
        ],
      }),
    );
    const s = run.state;
    const arrays = [s.pop.ideal, s.pop.salience, s.pop.roles, s.pop.cost, s.position, s.nextPosition, s.stance, s.blockedCount, s.felt, s.weight, s.chair, s.scratch];
    for (const array of arrays) expect(array.buffer).toBe(s.pop.power.buffer);
  });
});
