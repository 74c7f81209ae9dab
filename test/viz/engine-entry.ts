/**
 * The core alone, for test/viz/engines-agree.test.ts: bundled as a script for a blank Chromium
 * page, it runs a validated scenario over seeds and returns each result's JSON.
 */
import { runScenario, type Scenario } from '../../sim/index.ts';

(globalThis as unknown as { conveneCore: unknown }).conveneCore = {
  run(scenario: Scenario, seeds: number[], kernel?: boolean): string[] {
    return seeds.map((seed) => JSON.stringify(runScenario(scenario, { seed, record: false, kernel })));
  },
};
