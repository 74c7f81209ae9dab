/**
 * In Chromium: two runs side by side with one condition changed, and
 * "Run 200 seeds" in workers, each matching the core run in Node seed for seed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTCOMES, runScenario, type Scenario } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { HAVE_BROWSER, useSite, ROOT, SCREENSHOTS } from './browser.ts';

function scenario(id: string, overrides: string[] = []): Scenario {
  const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios', `${id}.yaml`), 'utf8'), { overrides });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return loaded.scenario;
}

describe.skipIf(!HAVE_BROWSER)('comparing runs and seeds in Chromium', () => {
  const site = useSite();

  it('compares the run as set with the same seed under unanimity', async () => {
    const { page, errors } = await site.page();
    await page.goto(`${site.url}?scenario=rough-consensus&seed=4`);
    await page.waitForSelector('body[data-ready]');
    await page.locator('#compare-change').selectOption('unanimity');
    await page.getByRole('button', { name: 'Compare, same seed' }).click();
    await page.waitForSelector('.compare-card[data-outcome] + .compare-card[data-outcome]');
    const shown = await page.locator('.compare-card').evaluateAll((cards) => cards.map((c) => (c as HTMLElement).dataset.outcome));
    expect(shown).toEqual([
      runScenario(scenario('rough-consensus'), { seed: 4 }).outcome,
      runScenario(scenario('rough-consensus', ['convenor.rule={type: unanimity}']), { seed: 4 }).outcome,
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs 200 seeds in workers and shows each class with the counts the core gives', async () => {
    const { page, errors } = await site.page();
    await page.goto(`${site.url}?scenario=tyranny-of-the-minority&seed=10&set.convenor.goodEnough=0.03`);
    await page.waitForSelector('body[data-ready]');
    await page.getByRole('button', { name: 'Run 200 seeds' }).click();
    await page.waitForSelector('[data-testid="seed-shares"]', { timeout: 60_000 });
    const counts = Object.fromEntries(
      await page.locator('[data-testid="seed-shares"] tbody tr').evaluateAll((rows) => rows.map((r) => [(r as HTMLElement).dataset.outcome, Number((r as HTMLElement).dataset.count)])),
    );
    const sc = scenario('tyranny-of-the-minority', ['convenor.goodEnough=0.03']);
    const expected = Object.fromEntries(OUTCOMES.map((o) => [o, 0]));
    for (let k = 0; k < 200; k++) expected[runScenario(sc, { seed: 10 + k }).outcome]++;
    expect(counts).toEqual(expected);
    expect(await page.locator('[data-testid="seed-shares"] caption').textContent()).toBe('200 runs, seeds 10 to 209');
    expect(await page.locator('[data-testid="seed-shares"]').textContent()).toMatch(/\d+% \(\d+%–\d+%\)/);
    await page.getByRole('button', { name: 'Compare, same seed' }).click();
    await page.waitForSelector('.compare-card[data-outcome] + .compare-card[data-outcome]');
    await page.locator('#lesson-picker').selectOption('tyranny-of-the-minority');
    await page.locator('.compare-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'analysis-1280x800-full.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
