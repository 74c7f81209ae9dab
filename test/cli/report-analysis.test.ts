/**
 * `convene report` of a sensitivity analysis's indices and of a regime map, drawn in headless
 * Chromium from file://: bars with their intervals and the sentence; a phase diagram with a cell
 * per grid point, coloured by its dominant outcome, boundaries where the regime changes, and words
 * on hover. Nothing is fetched.
 */
import { copyFile, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, useTempFolder } from './harness.ts';
import { HAVE_BROWSER, launchChromium, SCREENSHOTS } from '../viz/browser.ts';

const folder = useTempFolder('report-analysis');
const here = () => ({ cwd: folder.dir });

beforeAll(async () => {
  await copyFile(`${ROOT}scenarios/reference.yaml`, folder.path('reference.yaml'));
  await writeFile(
    folder.path('experiment.yaml'),
    'experiment: 1\nscenario: reference.yaml\ndesign: {morris: {trajectories: 6, levels: 4, seed: 2}}\nseeds: 6\nparameters:\n  convenor.attendanceCost: {from: 0.5, to: 4}\n  convenor.deadline: [30, 60, 90, 120]\n',
  );
  for (const args of [
    ['sensitivity', 'experiment.yaml', '--method', 'morris', '--out', 'effects.csv'],
    ['sensitivity', 'experiment.yaml', '--method', 'sobol', '--out', 'indices.json'],
    ['map', 'reference.yaml', '--x', 'convenor.attendanceCost=0:4:5', '--y', 'convenor.deadline=30:120:4', '--seeds', '6', '--out', 'map.csv'],
  ]) {
    const r = await cli(args, here());
    expect(r.code, r.stderr).toBe(0);
  }
}, 120_000);

describe('convene report of indices and of a map', () => {
  it('refuses a second file beside an analysis, and a JSON file that is not indices', async () => {
    const two = await cli(['report', 'effects.csv', 'map.csv', '--out', 'x.html'], here());
    expect(two.code).toBe(2);
    expect(two.stderr).toContain("map.csv: a report of a sensitivity analysis's indices draws one file");
    await writeFile(folder.path('other.json'), '{"a": 1}');
    const other = await cli(['report', 'other.json', '--out', 'x.html'], here());
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('other.json: not the indices of `convene sensitivity`');
  });
});

describe.skipIf(!HAVE_BROWSER)('the reports of analyses in headless Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    await mkdir(SCREENSHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(input: string, html: string, selector: string) {
    const r = await cli(['report', input, '--out', html], here());
    expect(r.code, r.stderr).toBe(0);
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (q) => requests.push(q.url()));
    const url = pathToFileURL(folder.path(html)).href;
    await page.goto(url);
    await page.waitForSelector(selector);
    return { page, errors, requests, url, close: () => context.close() };
  }

  it('draws Morris effects as bars with intervals, one chart per output that varies, with its sentence', async () => {
    const { page, errors, requests, url, close } = await open('effects.csv', 'effects.html', 'svg[data-chart="indices"]');
    const charts = page.locator('section[data-output]');
    expect(await charts.count()).toBeGreaterThan(0);
    const first = charts.first();
    expect(await first.locator('rect.bar').count()).toBe(2);
    expect(await first.locator('g.interval').count()).toBe(2);
    // 6 trajectories × (2 + 1) points, from the table's manifest.
    expect(await page.getByTestId('summary').textContent()).toBe('Morris elementary effects of 2 conditions over 18 points × 6 seeds.');
    // Largest first, and the sentence names the largest.
    const values = await first.locator('rect.bar').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('data-value'))));
    expect(values[0]).toBeGreaterThanOrEqual(values[1]);
    const top = await first.locator('g.index').first().getAttribute('data-parameter');
    expect(await first.getByTestId('sentence').textContent()).toContain(`most: ${top} (mean absolute effect`);
    expect(await page.getByTestId('provenance').locator('dd').getAttribute('data-intact')).toBe('true');
    await page.screenshot({ path: join(SCREENSHOTS, 'report-morris.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await close();
  });

  it('draws Sobol indices: total and first-order bars', async () => {
    const { page, errors, close } = await open('indices.json', 'indices.html', 'svg[data-chart="indices"]');
    const first = page.locator('section[data-output]').first();
    expect(await first.locator('rect.bar').count()).toBe(2);
    expect(await first.locator('rect.first').count()).toBe(2);
    expect(await page.getByTestId('summary').textContent()).toBe('Sobol indices of 2 conditions over 1024 points × 6 seeds.');
    await page.screenshot({ path: join(SCREENSHOTS, 'report-sobol.png'), fullPage: true });
    expect(errors).toEqual([]);
    await close();
  });

  it('draws the map as a phase diagram: a cell per grid point, boundaries where the dominant outcome changes, words on hover', async () => {
    const { page, errors, requests, url, close } = await open('map.csv', 'map.html', 'svg[data-chart="map"]');
    const cells = page.locator('rect.cell');
    expect(await cells.count()).toBe(20);
    expect(await page.getByTestId('summary').textContent()).toBe('5 × 4 cells of convenor.attendanceCost (across) and convenor.deadline (up), 120 runs.');
    // A boundary edge for every pair of neighbouring cells whose dominant outcomes differ.
    const grid = await cells.evaluateAll((rects) => rects.map((r) => [Number(r.getAttribute('x')), Number(r.getAttribute('y')), r.getAttribute('data-outcome')] as const));
    const xs = [...new Set(grid.map((g) => g[0]))].sort((a, b) => a - b);
    const ys = [...new Set(grid.map((g) => g[1]))].sort((a, b) => a - b);
    const at = new Map(grid.map((g) => [`${g[0]}|${g[1]}`, g[2]]));
    let differing = 0;
    xs.forEach((x, i) => ys.forEach((y, j) => {
      if (i + 1 < xs.length && at.get(`${xs[i + 1]}|${y}`) !== at.get(`${x}|${y}`)) differing++;
      if (j + 1 < ys.length && at.get(`${x}|${ys[j + 1]}`) !== at.get(`${x}|${y}`)) differing++;
    }));
    expect(await page.locator('g.boundary line').count()).toBe(differing);
    await cells.first().hover();
    expect(await page.getByTestId('cell-words').textContent()).toMatch(/^With convenor\.attendanceCost at 0 and convenor\.deadline at (30|120): .+ in \d+% of 6 runs \(95% interval \d+%–\d+%, .+\)/);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-map.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await close();
  });
});
