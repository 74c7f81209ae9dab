/**
 * The WebAssembly passes (sim/kernel) must change nothing but speed: a run with them and one
 * without give the same numbers bit for bit, events included, for the bundled scenarios (forced
 * onto the kernel) and for populations large enough to use it by default, over odd and even
 * numbers of issues.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { populationScenario } from '../../scenarios/population-scenario.ts';
import { KERNEL_FROM } from '../../sim/kernel/kernel.ts';
import { createRun, runScenario, type Run } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { stateOf } from '../../sim/run.ts';

const ROOT = join(import.meta.dirname, '../..');

/** Everything a round leaves in the state that a result, a frame or the next round reads. */
function snapshot(run: Run): string {
  const s = stateOf(run);
  return JSON.stringify({
    t: s.t, end: s.end, proposal: [...s.proposal], position: [...s.position], stance: [...s.stance], aspiration: [...s.aspiration],
    distance: [...s.distance], present: [...s.present], resources: [...s.resources], felt: [...s.felt], chair: [...s.chair],
    support: s.support, head: s.headSupport, dispersion: s.dispersion, voices: s.voices, scratch: [...s.scratch],
    presentWeight: s.presentWeight, items: s.openItems, events: s.record.events,
  });
}

describe('the WebAssembly kernel', () => {
  it('is what kernel.wat assembles to', () => {
    expect(() => execFileSync(process.execPath, [join(ROOT, 'scripts/build-kernel.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it(`runs from ${KERNEL_FROM} stakeholders on, unless switched off`, () => {
    expect(stateOf(createRun(populationScenario(KERNEL_FROM, 2), { seed: 1 })).kernel).not.toBeNull();
    expect(stateOf(createRun(populationScenario(KERNEL_FROM - 1, 2), { seed: 1 })).kernel).toBeNull();
    expect(stateOf(createRun(populationScenario(KERNEL_FROM, 2), { seed: 1, kernel: false })).kernel).toBeNull();
    expect(stateOf(createRun(populationScenario(30, 2), { seed: 1, kernel: true })).kernel).not.toBeNull();
  });

  it('gives every bundled scenario the same result, record and series, bit for bit', () => {
    const dir = join(ROOT, 'scenarios');
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const loaded = loadScenario(readFileSync(join(dir, file), 'utf8'), { filename: file });
      if (!loaded.ok) throw new Error(`${file} does not validate`);
      for (let seed = 1; seed <= 5; seed++) {
        const options = { seed, record: true, events: true, series: true };
        const withKernel = runScenario(loaded.scenario, { ...options, kernel: true });
        const without = runScenario(loaded.scenario, { ...options, kernel: false });
        expect(JSON.stringify(withKernel), `${file} seed ${seed}`).toBe(JSON.stringify(without));
      }
    }
  });

  it("gives runs that take a finished run's memory the results of fresh ones", () => {
    // runScenario lets each run's memory go to the next; sizes alternate so both reuse and a miss happen.
    const small = { ...populationScenario(1000, 3), horizon: 6 };
    const large = { ...populationScenario(1500, 3), horizon: 6 };
    for (let seed = 1; seed <= 6; seed++) {
      for (const scenario of [small, small, large]) {
        const options = { seed, record: true, events: true, series: true };
        const reused = runScenario(scenario, options);
        const plain = createRun(scenario, { seed, kernel: false }).finish(options);
        expect(JSON.stringify(reused), `seed ${seed}`).toBe(JSON.stringify(plain));
      }
    }
  });

  for (const d of [1, 3, 6, 8, 10]) {
    it(`leaves a population of 2,000 over ${d} issue(s) in the same state after every round`, () => {
      for (const shapes of ['shared', 'each'] as const) {
        const scenario = populationScenario(2000, d, shapes);
        const fast = createRun(scenario, { seed: 5 });
        const plain = createRun(scenario, { seed: 5, kernel: false });
        expect(stateOf(fast).kernel).not.toBeNull();
        for (let round = 0; round < 40; round++) {
          fast.step();
          plain.step();
          expect(snapshot(fast), `round ${round}, ${shapes} shapes`).toBe(snapshot(plain));
        }
      }
    });
  }
});
