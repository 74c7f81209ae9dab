/**
 * Fork from here (sim/fork.ts): a run's state continued under changed conditions. With no change
 * the fork is the run, bit for bit, at every round it is taken, with the kernel and without; with
 * a change it goes its own way from the fork round on, and the same fork twice is the same.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRun } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { populationScenario } from '../../scenarios/population-scenario.ts';

const DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const load = (file: string, overrides: string[] = []) => {
  const loaded = loadScenario(readFileSync(DIR + file, 'utf8'), { filename: file, overrides });
  if (!loaded.ok) throw new Error(file);
  return loaded.scenario;
};

describe('fork', () => {
  for (const file of ['reference.yaml', 'iana-transition.yaml', 'walk-out.yaml', 'collapse-unfunded-civil-society.yaml']) {
    it(`continues ${file} bit for bit when nothing changes, at any round`, () => {
      const scenario = load(file);
      for (const seed of [1, 2]) {
        const whole = createRun(scenario, { seed }).finish({ series: true, events: true });
        for (const at of [0, 1, 7, 20]) {
          const run = createRun(scenario, { seed });
          run.step(at);
          const fork = run.fork();
          expect(fork.round).toBe(Math.min(at, whole.rounds));
          expect(JSON.stringify(fork.finish({ series: true, events: true })), `seed ${seed}, fork at ${at}`).toBe(JSON.stringify(whole));
          // The original goes on as if nothing had happened.
          expect(JSON.stringify(run.finish({ series: true, events: true }))).toBe(JSON.stringify(whole));
        }
      }
    });
  }

  it('continues a population run in WebAssembly bit for bit', () => {
    const scenario = { ...populationScenario(1500, 3, 'each'), horizon: 25 };
    const whole = createRun(scenario, { seed: 4, kernel: true }).finish({ series: true });
    const run = createRun(scenario, { seed: 4, kernel: true });
    run.step(9);
    expect(JSON.stringify(run.fork().finish({ series: true }))).toBe(JSON.stringify(whole));
  });

  it('goes its own way under a changed condition from the fork round on, the same way twice', () => {
    // The walk-out: with nobody allowed to leave from round 10, before anyone has (16 rounds
    // below the floor are needed), no group walks out, and the meeting drifts to its deadline.
    const scenario = load('walk-out.yaml');
    const changed = load('walk-out.yaml', ['convenor.exitRounds=null']);
    const original = createRun(scenario, { seed: 1 });
    original.step(10);
    const a = original.fork({ scenario: changed }).finish({ events: true });
    const again = createRun(scenario, { seed: 1 });
    again.step(10);
    const b = again.fork({ scenario: changed }).finish({ events: true });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const asItWas = original.finish({ events: true });
    expect(asItWas.walkedOut).toBeGreaterThan(0);
    expect(a.walkedOut).toBe(0);
    // The rounds before the fork are the original's.
    const before = (r: typeof a) => JSON.stringify(r.events!.filter((e) => e.round < 10));
    expect(before(a)).toBe(before(asItWas));
  });

  it('refuses a scenario with other stakeholders, saying why', () => {
    const run = createRun(load('walk-out.yaml'), { seed: 1 });
    run.step(3);
    expect(() => run.fork({ scenario: load('walk-out.yaml', ['stakeholders[1].generate=9']) })).toThrow(/cannot fork: stakeholders: a fork keeps who is there/);
  });
});
