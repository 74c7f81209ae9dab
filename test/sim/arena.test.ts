import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createArena, releaseArenaBuffer, takeArenaBuffer } from '../../sim/arena.ts';
import { loadScenario } from '../../sim/scenario/load.ts';
import { createRun, runScenario, stateOf } from '../../sim/run.ts';
import { makeScenario } from './make-scenario.ts';

describe('the arena of a run', () => {
  it('hands out aligned views of one buffer, and fresh arrays once it is full', () => {
    const arena = createArena(64);
    const a = arena.u8(3);
    const b = arena.f64(2);
    expect(b.buffer).toBe(a.buffer);
    expect(b.byteOffset).toBe(8);
    expect(arena.overflowed).toBe(false);
    const c = arena.f64(10);
    expect(arena.overflowed).toBe(true);
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
    const s = stateOf(run);
    const arrays = [s.pop.ideal, s.pop.salience, s.pop.roles, s.pop.cost, s.position, s.nextPosition, s.stance, s.blockedCount, s.felt, s.weight, s.chair, s.scratch];
    for (const array of arrays) expect(array.buffer).toBe(s.pop.power.buffer);
  });

  it('takes a buffer let go by an earlier run zeroed, and only one of the same size', () => {
    const used = new ArrayBuffer(48);
    new Float64Array(used).fill(7);
    releaseArenaBuffer(used);
    expect(takeArenaBuffer(40).byteLength).toBe(40);
    const again = takeArenaBuffer(48);
    expect(again).toBe(used);
    expect(Array.from(new Uint8Array(again)).every((b) => b === 0)).toBe(true);
    expect(takeArenaBuffer(48)).not.toBe(used);
  });

  it('gives runs that take a finished run\'s buffer the results of fresh ones', () => {
    // runScenario lets each run's buffer go to the next; two scenarios alternate, so a run finds a
    // buffer of another size as well as one of its own.
    const scenarios = ['reference', 'exclusion'].map((id) => {
      const loaded = loadScenario(readFileSync(join(import.meta.dirname, `../../scenarios/${id}.yaml`), 'utf8'));
      if (!loaded.ok) throw new Error(`${id} does not validate`);
      return loaded.scenario;
    });
    for (let seed = 1; seed <= 8; seed++) {
      for (const scenario of [...scenarios, scenarios[0]]) {
        const options = { seed, record: true, events: true, series: true };
        const reused = runScenario(scenario, options);
        const fresh = createRun(scenario, { seed }).finish(options);
        expect(JSON.stringify(reused)).toBe(JSON.stringify(fresh));
      }
    }
  });
});
