/**
 * The regime map in the page (what-if issue, points 2 and 4), in Chromium: two conditions and
 * their ranges, computed in Web Workers cell by cell; each cell's dominant outcome and share are
 * those `convene map` writes for the same axes and seeds; the boundaries between regimes are the
 * edges between cells whose dominant outcomes differ; a cell says in words what happens there; a
 * click opens it in the room; the address holds the map and draws it again.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { HAVE_BROWSER, ROOT, SCREENSHOTS, useSite, waitForOutcome } from './browser.ts';

// The cost of attending against the deadline, on the reference meeting: three regimes in nine cells.
const X = 'convenor.attendanceCost=0:3:3';
const Y = 'convenor.deadline=20:100:3';

/** `convene map` of the same cells: x, y → [dominant, share]. */
function cliMap(): Map<string, [string, number]> {
  const dir = mkdtempSync(join(tmpdir(), 'convene-map-'));
  try {
    const out = join(dir, 'map.csv');
    const args = ['bin/convene.js', 'map', 'scenarios/reference.yaml', '--x', X, '--y', Y, '--seeds', '5', '--seed-start', '1', '--out', out];
    const r = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`convene ${args.join(' ')} failed: ${r.stderr}`);
    const [head, ...rows] = readFileSync(out, 'utf8').trim().split('\n');
    const at = (name: string) => head.split(',').indexOf(name);
    return new Map(rows.map((row) => row.split(',')).map((c) => [`${Number(c[0])}|${Number(c[1])}`, [c[at('dominant')], Number(c[at('dominant_share')])]]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The edges between neighbouring cells whose dominant outcomes differ, on a grid of values. */
function boundaries(cells: Map<string, [string, number]>, xs: number[], ys: number[]): number {
  let n = 0;
  xs.forEach((x, i) =>
    ys.forEach((y, j) => {
      const here = cells.get(`${x}|${y}`)![0];
      if (i + 1 < xs.length && cells.get(`${xs[i + 1]}|${y}`)![0] !== here) n++;
      if (j + 1 < ys.length && cells.get(`${x}|${ys[j + 1]}`)![0] !== here) n++;
    }),
  );
  return n;
}

describe.skipIf(!HAVE_BROWSER)('the regime map, in Chromium', () => {
  const site = useSite();

  it('draws the cells `convene map` computes, with their boundaries, words and a click into the room', async () => {
    const expected = cliMap();
    expect(expected.size).toBe(9);
    // More than one regime, so there are boundaries to draw.
    expect(new Set([...expected.values()].map(([o]) => o)).size).toBeGreaterThan(1);
    const t = await site.open('?scenario=reference&seed=1', { width: 1366, height: 768 });
    const { page } = t;
    await page.locator('#map-x').selectOption('convenor.attendanceCost');
    await page.locator('#map-x-from').fill('0');
    await page.locator('#map-x-to').fill('3');
    await page.locator('#map-x-steps').fill('3');
    await page.locator('#map-y').selectOption('convenor.deadline');
    await page.locator('#map-y-from').fill('20');
    await page.locator('#map-y-to').fill('100');
    await page.locator('#map-y-steps').fill('3');
    await page.locator('#map-seeds').fill('5');
    await page.locator('#map-run').click();
    await page.waitForSelector('#map[data-state="done"]', { timeout: 60_000 });
    const cells = await page.locator('#map rect.cell').evaluateAll((rs) => rs.map((r) => [`${Number(r.getAttribute('data-x'))}|${Number(r.getAttribute('data-y'))}`, r.getAttribute('data-outcome'), Number(r.getAttribute('data-share'))] as const));
    expect(new Map(cells.map(([k, o, s]) => [k, [o, Number(s.toPrecision(6))]]))).toEqual(new Map([...expected].map(([k, [o, s]]) => [k, [o, Number(s.toPrecision(6))]])));
    const edges = boundaries(expected, [0, 1.5, 3], [20, 60, 100]);
    expect(edges).toBeGreaterThan(0);
    expect(await page.locator('#map .boundary line').count()).toBe(edges);
    // In words, on hover.
    await page.locator('#map rect.cell[data-x="0"][data-y="20"]').hover();
    expect(await page.locator('#map-words').textContent()).toMatch(/^With the cost of attending at 0 and the deadline \(rounds\) at 20: .+ in \d+% of 5 runs \(95% interval \d+%–\d+%, /);
    // The address holds the map.
    const url = new URL(page.url());
    expect([url.searchParams.get('map.x'), url.searchParams.get('map.y'), url.searchParams.get('map.seeds')]).toEqual([X, Y, '5']);
    await page.locator('#map').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'regime-map-1366x768.png') });

    // A click opens the cell in the room with its first seed, and plays it; the map stays.
    await page.locator('#map rect.cell[data-x="3"][data-y="100"]').click();
    const end = await waitForOutcome(page);
    const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios/reference.yaml'), 'utf8'), { overrides: ['convenor.attendanceCost=3', 'convenor.deadline=100'] });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const one = runScenario(loaded.scenario, { seed: 1 });
    expect([end.outcome, end.rounds]).toEqual([one.outcome, one.rounds]);
    expect(await page.locator('#map rect.cell').count()).toBe(9);

    // The link alone draws the same map.
    const again = await site.page({ width: 1366, height: 768 });
    await again.page.goto(`${site.url}?scenario=reference&seed=1&map.x=${encodeURIComponent(X)}&map.y=${encodeURIComponent(Y)}&map.seeds=5`);
    await again.page.waitForSelector('#map[data-state="done"]', { timeout: 60_000 });
    const cells2 = await again.page.locator('#map rect.cell').evaluateAll((rs) => rs.map((r) => `${r.getAttribute('data-x')}|${r.getAttribute('data-y')}|${r.getAttribute('data-outcome')}`).sort());
    expect(cells2).toEqual(cells.map(([k, o]) => `${k}|${o}`).sort());
    expect(again.errors).toEqual([]);
    expect(t.errors).toEqual([]);
    await again.page.close();
    await page.close();
  }, 120_000);

  it('names what is wrong in the form', async () => {
    const t = await site.open('?scenario=reference&seed=1');
    await t.page.locator('#map-x-steps').fill('1');
    await t.page.locator('#map-seeds').fill('zero');
    await t.page.locator('#map-run').click();
    expect(await t.page.locator('#map-errors li').allTextContents()).toEqual([
      'Across, steps: expected a whole number from 2 to 30',
      'Seeds per cell: expected a whole number from 1 to 500',
    ]);
    expect(await t.page.locator('#map rect.cell').count()).toBe(0);
    await t.page.close();
  });
});
