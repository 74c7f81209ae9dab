/**
 * The golden cases: every bundled scenario over a few seeds, with its series and minutes, and the
 * synthetic population over 1, 3, 8 and 16 issues with the WebAssembly kernel on and off. Their
 * results, every field, are committed in `results.json`; `npm run golden` writes them anew, which
 * a change of the model does on purpose, in the commit that says why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario, type RunResult } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { populationScenario } from '../../scenarios/population-scenario.ts';

export const GOLDEN_FILE = join(import.meta.dirname, 'results.json');
const SCENARIOS = join(import.meta.dirname, '../../scenarios');

export interface GoldenCase {
  name: string;
  result: RunResult;
}

export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  for (const file of readdirSync(SCENARIOS).filter((f) => f.endsWith('.yaml')).sort()) {
    const loaded = loadScenario(readFileSync(join(SCENARIOS, file), 'utf8'), { filename: file });
    if (!loaded.ok) throw new Error(`${file} does not validate`);
    for (const seed of [1, 2, 3]) {
      // The minutes of one seed; the series of all three.
      cases.push({ name: `${file} seed ${seed}`, result: runScenario(loaded.scenario, { seed, record: seed === 1, series: true, events: seed === 1 }) });
    }
  }
  for (const issues of [1, 3, 8, 16]) {
    // Unanimity with a holdout never adopts: a short horizon keeps every round a full one.
    const scenario = { ...populationScenario(1200, issues, 'each'), horizon: 40 };
    for (const kernel of [false, true]) {
      cases.push({ name: `population N=1200 D=${issues} kernel ${kernel ? 'on' : 'off'}`, result: runScenario(scenario, { seed: 5, kernel, series: true }) });
    }
  }
  return cases;
}
