/**
 * What a run keeps depends on what will be read: a run without its series (as a batch runs) or
 * without its record gives the same result as one with them, to the last digit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRun, runScenario } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { stateOf } from '../../sim/run.ts';

const DIR = join(import.meta.dirname, '../../scenarios');

describe('what a run keeps', () => {
  it('keeps the measures round by round only when they are asked for, with the same result', () => {
    for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml'))) {
      const loaded = loadScenario(readFileSync(join(DIR, file), 'utf8'), { filename: file });
      if (!loaded.ok) throw new Error(`${file} does not validate`);
      for (let seed = 1; seed <= 4; seed++) {
        const { series, ...withSeries } = runScenario(loaded.scenario, { seed, series: true });
        const without = runScenario(loaded.scenario, { seed });
        expect(without.series).toBeUndefined();
        expect(without, `${file} seed ${seed}`).toEqual(withSeries);
        expect(series!.support).toHaveLength(without.rounds);
        const bare = createRun(loaded.scenario, { seed, keepSeries: false, record: false });
        bare.step(1000);
        expect(stateOf(bare).series.support).toEqual([]);
      }
    }
  });
});
