/**
 * Same seed, same bits, in the browser too: every bundled scenario and the synthetic population
 * (1,200 stakeholders, with the WebAssembly kernel and without) over 1,000 seeds give, in headless
 * Chromium, exactly the results they give in Node, every field of every run. Chromium's V8 and
 * Node's differ in the last bit of Math.exp, log, sin and cos for some inputs; the core computes
 * with its own (sim/elementary.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { describe, expect, it } from 'vitest';
import { runScenario, type Scenario } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { populationScenario } from '../../scenarios/population-scenario.ts';
import { HAVE_BROWSER, launchChromium, ROOT } from './browser.ts';

const SEEDS = Array.from({ length: 1000 }, (_, k) => k + 1);

interface Case {
  name: string;
  scenario: Scenario;
  kernel?: boolean;
}

function cases(): Case[] {
  const dir = join(ROOT, 'scenarios');
  const bundled = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((file) => {
      const loaded = loadScenario(readFileSync(join(dir, file), 'utf8'), { filename: file });
      if (!loaded.ok) throw new Error(`${file} does not validate`);
      return { name: file, scenario: loaded.scenario };
    });
  // Unanimity with a holdout never adopts: a short horizon keeps the run short, every round full.
  const population = { ...populationScenario(1200, 3, 'each'), horizon: 30 };
  return [...bundled, { name: 'population N=1200 kernel off', scenario: population, kernel: false }, { name: 'population N=1200 kernel on', scenario: population, kernel: true }];
}

describe.skipIf(!HAVE_BROWSER)('the core in Chromium and in Node', () => {
  it('gives the same result, bit for bit, for every bundled scenario and the population over 1,000 seeds', async () => {
    const bundle = await build({
      configFile: false,
      root: ROOT,
      logLevel: 'silent',
      build: { write: false, minify: false, lib: { entry: join(ROOT, 'test/viz/engine-entry.ts'), formats: ['iife'], name: 'engineEntry', fileName: 'core' } },
    });
    const output = (Array.isArray(bundle) ? bundle[0] : bundle) as { output: { code?: string }[] };
    const code = output.output[0].code!;
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><title>core</title>');
      await page.addScriptTag({ content: code });
      const differing: string[] = [];
      let runs = 0;
      const all = cases();
      // Every bundled scenario (14 today) and the population twice.
      expect(all.length).toBeGreaterThanOrEqual(16);
      for (const c of all) {
        const inChromium = await page.evaluate(
          ([scenario, seeds, kernel]) => (globalThis as unknown as { conveneCore: { run(s: unknown, seeds: number[], kernel?: boolean): string[] } }).conveneCore.run(scenario, seeds, kernel),
          [c.scenario, SEEDS, c.kernel] as const,
        );
        const inNode = SEEDS.map((seed) => JSON.stringify(runScenario(c.scenario, { seed, record: false, kernel: c.kernel })));
        const seeds = SEEDS.filter((_, k) => inChromium[k] !== inNode[k]);
        if (seeds.length) differing.push(`${c.name}: ${seeds.length} of ${SEEDS.length} seeds differ, first ${seeds[0]}`);
        runs += SEEDS.length;
      }
      expect(differing).toEqual([]);
      expect(runs).toBe(SEEDS.length * all.length);
    } finally {
      await browser.close();
    }
  }, 300_000);
});
