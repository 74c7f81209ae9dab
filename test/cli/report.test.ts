/** `convene report`: one self-contained HTML file of charts from a batch's or a sweep's results. */
import { existsSync, mkdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'd3-format';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, BINS, sharesOfRuns, parameterPanel, parseResults, roundsHistogram, type ReportData, type ReportRun, createSummary, wilsonInterval } from '../../analysis/index.ts';
import { reportHtml, scriptJson } from '../../cli/report-html.ts';
import { MAX_RESULTS_BYTES } from '../../cli/report-command.ts';
import { OUTCOMES } from '../../sim/index.ts';
import { HAVE_BROWSER, launchChromium, SCREENSHOTS } from '../viz/browser.ts';
import { cli, ROOT, spawnCli, STACK_LINE } from './harness.ts';

let dir = '';
const file = (name: string) => join(dir, name);
const text = (name: string) => readFile(file(name), 'utf8');

/** Markup in a parameter's name and values: the report must show it as text. */
const EVIL_NAME = '<img src=x onerror="alert(2);window.pwned=1">';
const EVIL_VALUE = (v: string) => `</script><script>alert(1);window.pwned=1</script>${v}`;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'convene-report-'));
  for (const out of ['batch.csv', 'batch.jsonl']) {
    const r = await cli(['batch', 'scenarios/reference.yaml', '--runs', '40', '--out', file(out), '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
  }
  // The bundled experiment, with 6 seeds a point instead of 40.
  const experiment = (await readFile(join(ROOT, 'scenarios/experiments/attendance-cost-and-threshold.yaml'), 'utf8'))
    .replace('scenario: ../reference.yaml', `scenario: ${JSON.stringify(join(ROOT, 'scenarios/reference.yaml'))}`)
    .replace(/^seeds: \d+$/m, 'seeds: 6');
  await writeFile(file('sweep.yaml'), experiment);
  for (const out of ['sweep.csv', 'sweep.jsonl']) {
    const r = await cli(['sweep', file('sweep.yaml'), '--out', file(out), '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
  }
  // The same sweep with markup in a parameter's name and values (RFC 4180 quoting where needed).
  const lines = (await text('sweep.csv')).trimEnd().split('\n');
  const evil = lines.map((line, i) => {
    const cells = line.split(',');
    if (i === 0) cells[1] = `"${EVIL_NAME.replace(/"/g, '""')}"`;
    else cells[2] = `"${EVIL_VALUE(cells[2]).replace(/"/g, '""')}, quoted"`;
    return cells.join(',');
  });
  await writeFile(file('evil.csv'), evil.join('\n') + '\n');
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function report(name: string): Promise<ReportData> {
  const format = name.endsWith('.csv') ? 'csv' : 'jsonl';
  return buildReport(parseResults(await text(name), format, name), [name]);
}

describe('what the report computes', () => {
  it("a batch's shares and intervals are the batch summary's", async () => {
    const data = await report('batch.csv');
    expect(data.kind).toBe('batch');
    expect(data.runs).toBe(40);
    const summary = createSummary();
    for (const line of (await text('batch.jsonl')).trimEnd().split('\n')) summary.add(JSON.parse(line));
    const expected = summary.finish();
    expect(data.outcomes.map((s) => [s.outcome, s.count, s.share, s.low, s.high])).toEqual(
      expected.outcomes.map((o) => [o.outcome, o.count, o.share, o.low, o.high]),
    );
    expect(data.rounds.median).toBe(expected.medianRounds);
    expect(data.legitimacy.median).toBe(expected.medianLegitimacy);
    expect(data.legitimacy.none).toBe(40 - expected.adopted);
    expect(data.rounds.bins.reduce((n, b) => n + b.count, 0)).toBe(40);
    expect(data.legitimacy.bins.reduce((n, b) => n + b.count, 0)).toBe(expected.adopted);
  });

  it('CSV and JSONL of the same runs give the same report', async () => {
    const { title: _a, files: _b, ...csv } = await report('batch.csv');
    const { title: _c, files: _d, ...jsonl } = await report('batch.jsonl');
    expect(jsonl).toEqual(csv);
    const { title: _e, files: _f, ...sweepCsv } = await report('sweep.csv');
    const { title: _g, files: _h, ...sweepJsonl } = await report('sweep.jsonl');
    expect(sweepJsonl).toEqual(sweepCsv);
  });

  it("a sweep's panels give each parameter value's shares, pooled over the other parameters", async () => {
    const data = await report('sweep.csv');
    expect(data.kind).toBe('sweep');
    expect(data.runs).toBe(9 * 6);
    expect(data.points).toBe(9);
    expect(data.parameters).toEqual(['convenor.attendanceCost', 'convenor.rule.threshold']);
    const [cost, threshold] = data.panels;
    expect(cost.groups.map((g) => [g.label, g.x, g.runs])).toEqual([['1', 1, 18], ['2', 2, 18], ['4', 4, 18]]);
    expect(threshold.groups.map((g) => g.label)).toEqual(['0.7', '0.8', '0.9']);
    // Against the rows themselves.
    const rows = (await text('sweep.jsonl')).trimEnd().split('\n').map((l) => JSON.parse(l));
    for (const g of cost.groups) {
      const at = rows.filter((r) => r.parameters['convenor.attendanceCost'] === g.x);
      for (const s of g.shares) {
        const count = at.filter((r) => r.outcome === s.outcome).length;
        expect([s.count, s.share, s.low, s.high]).toEqual([count, count / at.length, ...wilsonInterval(count, at.length)]);
      }
    }
  });

  it('bins a parameter with many distinct values (a Latin hypercube) into about eight bins', () => {
    const runs: ReportRun[] = Array.from({ length: 200 }, (_, i) => ({
      outcome: OUTCOMES[i % 3],
      rounds: 10,
      legitimacy: null,
      flags: [],
      parameters: { cost: String(i / 199 * 4) },
    }));
    const panel = parameterPanel(runs, 'cost');
    expect(panel.binned).toBe(true);
    expect(panel.groups).toHaveLength(BINS);
    expect(panel.groups.reduce((n, g) => n + g.runs, 0)).toBe(200);
    expect(panel.groups[0].label).toBe('0–0.5');
    expect(panel.groups.map((g) => g.x)).toEqual([...panel.groups.map((g) => g.x!)].sort((a, b) => a - b));
  });

  it('bins rounds by a nice width aligned on its multiples, one number of rounds a bin when few', () => {
    expect(roundsHistogram([3, 5, 5])).toEqual([{ x0: 3, x1: 4, count: 1 }, { x0: 4, x1: 5, count: 0 }, { x0: 5, x1: 6, count: 2 }]);
    const bins = roundsHistogram([49, 60, 96]);
    expect(bins.map((b) => b.x1 - b.x0)).toEqual(new Array(bins.length).fill(2));
    expect(bins[0].x0).toBe(48);
    expect(bins.at(-1)!.x1).toBe(98);
    expect(roundsHistogram([0, 1000]).length).toBeLessThanOrEqual(25);
  });

  it('reads quoted CSV cells and text values, in the order they first appear', () => {
    const csv = 'point,"a, b",seed,outcome,end,rounds,support,bestSupport,blockedRounds,participation,inclusion,legitimacy,openItems,flags\n' +
      '0,"x, ""y""",1,collapse,collapse,5,0.1,0.2,0,0.5,0.5,,3,exclusion;capture\n' +
      '1,plain,1,rough-consensus,adopted,9,0.9,0.9,0,1,1,0.8,0,\n';
    const data = buildReport(parseResults(csv, 'csv', 'q.csv'), ['q.csv']);
    expect(data.parameters).toEqual(['a, b']);
    expect(data.panels[0].numeric).toBe(false);
    expect(data.panels[0].groups.map((g) => g.label)).toEqual(['x, "y"', 'plain']);
    expect(data.legitimacy.none).toBe(1);
    expect(data.flags.rows.find((f) => f.flag === 'capture')?.count).toBe(1);
    expect(data.flags.none).toBe(1);
  });

  it('outcome shares are in the order of OUTCOMES, zeros included', () => {
    expect(sharesOfRuns([{ outcome: 'collapse' }]).map((s) => [s.outcome, s.count])).toEqual(OUTCOMES.map((o) => [o, o === 'collapse' ? 1 : 0]));
  });

  it('data in the page cannot close its script element', () => {
    const json = scriptJson({ v: '</script><script>alert(1)</script>\u2028' });
    expect(json).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(json)).toEqual({ v: '</script><script>alert(1)</script>\u2028' });
    const html = reportHtml({ title: '</script>' } as ReportData, 'console.log("</script>")');
    expect(html.match(/<\/script>/g)).toHaveLength(2);
  });
});

describe('convene report', () => {
  it('writes one HTML file with the data, the charts and D3 inline, and says what it wrote', async () => {
    const r = await cli(['report', file('batch.csv'), '--out', file('batch.html')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^40 runs \(a batch\) from .*batch\.csv: report written to .*batch\.html\n$/);
    const html = await text('batch.html');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<script type="application/json" id="report-data">');
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=|https?:\/\/(?!www\.w3\.org)/);
  });

  it('reads several files of one kind as one', async () => {
    const r = await cli(['report', file('sweep.csv'), file('sweep.jsonl'), '--out', file('both.html')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/^108 runs \(a sweep of 9 points over convenor\.attendanceCost, convenor\.rule\.threshold\)/);
    const mixed = await cli(['report', file('sweep.csv'), file('batch.csv'), '--out', file('mixed.html')]);
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toMatch(/batch\.csv: a batch, unlike .*sweep\.csv/);
  });

  it('the built command writes the same report', async () => {
    if (!existsSync(join(ROOT, 'dist-cli', 'convene.js'))) throw new Error('dist-cli/convene.js is missing: run `npm run build:cli`');
    const r = spawnCli(['report', file('batch.jsonl'), '--out', file('built.html')]);
    expect(r.code, r.stderr).toBe(0);
    const inProcess = await cli(['report', file('batch.jsonl'), '--out', file('source.html')]);
    expect(inProcess.code).toBe(0);
    // Compared whole but reported briefly: the page script alone is 65 kB.
    expect((await text('built.html')) === (await text('source.html')), 'the built report differs: is dist-cli stale? (npm run build:cli)').toBe(true);
  });

  it('refuses a results file over its limit by its size, before reading it', async () => {
    // A sparse file: 400,000,001 bytes long, holding nothing, made at once.
    const { truncate } = await import('node:fs/promises');
    await writeFile(file('huge.csv'), '');
    await truncate(file('huge.csv'), MAX_RESULTS_BYTES + 1);
    const r = await cli(['report', file('huge.csv'), '--out', file('huge.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`${file('huge.csv')}: the file is too large (${MAX_RESULTS_BYTES + 1} bytes; at most ${MAX_RESULTS_BYTES})\n`);
    expect(existsSync(file('huge.html'))).toBe(false);
  });

  it.each([
    ['a missing file', () => ['report', file('missing.csv'), '--out', file('x.html')], /missing\.csv: no such file/],
    ['an empty file', () => ['report', file('empty.csv'), '--out', file('x.html')], /empty\.csv: the file is empty/],
    ['a header and no runs', () => ['report', file('header.csv'), '--out', file('x.html')], /header\.csv: the file has a header but no runs/],
    ['a CSV that is not results', () => ['report', file('other.csv'), '--out', file('x.html')], /other\.csv: not a results file: expected the header of `convene batch`/],
    ['a sweep summary', () => ['report', file('sweep.summary.csv'), '--out', file('x.html')], /sweep\.summary\.csv: a sweep's summary, one row per point; `convene report` reads the rows file/],
    ['a JSONL line that is not JSON', () => ['report', file('bad.jsonl'), '--out', file('x.html')], /bad\.jsonl: line 2: not valid JSON/],
    ['an unknown outcome', () => ['report', file('outcome.jsonl'), '--out', file('x.html')], /outcome\.jsonl: line 1: outcome: expected one of rough-consensus/],
    ['an unknown extension', () => ['report', 'scenarios/reference.yaml', '--out', file('x.html')], /reference\.yaml: expected a results file ending in \.csv or \.jsonl/],
    ['--out not .html', () => ['report', file('batch.csv'), '--out', file('x.csv')], /--out .*x\.csv: expected a file name ending in \.html/],
    ['--out in a missing folder', () => ['report', file('batch.csv'), '--out', file('no/x.html')], /the folder .*no does not exist/],
  ])('exits 2 for %s, naming the file and what was expected', async (_, args, message) => {
    await writeFile(file('empty.csv'), '');
    await writeFile(file('header.csv'), 'seed,outcome,end,rounds,support,bestSupport,blockedRounds,participation,inclusion,legitimacy,openItems,flags\n');
    await writeFile(file('other.csv'), 'name,value\na,1\n');
    await writeFile(file('bad.jsonl'), (await text('batch.jsonl')).split('\n')[0] + '\n{oops\n');
    await writeFile(file('outcome.jsonl'), '{"outcome":"victory","rounds":3,"legitimacy":null,"flags":[]}\n');
    const r = await cli(args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(file('x.html'))).toBe(false);
  });

  it('exits 2 without --out', async () => {
    const r = await cli(['report', file('batch.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out/);
  });
});

describe.skipIf(!HAVE_BROWSER)('the report in headless Chromium, from file://', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  async function open(results: string, html: string) {
    const r = await cli(['report', file(results), '--out', file(html)]);
    expect(r.code, r.stderr).toBe(0);
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    const dialogs: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (q) => requests.push(q.url()));
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const url = pathToFileURL(file(html)).href;
    await page.goto(url);
    await page.waitForSelector('svg[data-chart="outcomes"]');
    return { page, errors, requests, dialogs, url, close: () => context.close() };
  }

  const percent = format('.1~%');

  it('draws a batch: one bar per outcome class with its share, and both histograms', async () => {
    const data = await report('batch.csv');
    const { page, errors, requests, url, close } = await open('batch.csv', 'batch.html');
    expect(await page.locator('svg[data-chart="outcomes"] rect.bar').count()).toBe(OUTCOMES.length);
    for (const s of data.outcomes) {
      expect(Number(await page.locator(`rect.bar[data-outcome="${s.outcome}"]`).getAttribute('data-share'))).toBe(s.share);
      expect(await page.locator(`text.share-label[data-outcome="${s.outcome}"]`).textContent()).toBe(`${percent(s.share)} ${s.count} of 40 · interval ${percent(s.low)}–${percent(s.high)}`);
    }
    expect(await page.locator('svg[data-chart="rounds"] rect.bar').count()).toBe(data.rounds.bins.length);
    expect(await page.locator('svg[data-chart="legitimacy"] rect.bar').count()).toBe(data.legitimacy.bins.length);
    expect(await page.getByTestId('legitimacy-none').getAttribute('data-none')).toBe(String(data.legitimacy.none));
    expect(await page.locator('[data-testid="flags"] tbody tr').count()).toBe(data.flags.rows.length + 1);
    expect(await page.getByTestId('summary').textContent()).toBe('40 runs of one scenario (convene batch).');
    expect(await page.title()).toBe('Convene report: batch.csv');
    // The file's manifest, as written beside it by convene batch.
    const provenance = page.getByTestId('provenance');
    expect(await provenance.locator('dt').textContent()).toBe('batch.csv');
    expect(await provenance.locator('dd').getAttribute('data-intact')).toBe('true');
    expect(await provenance.locator('dd p code').textContent()).toBe(`convene batch scenarios/reference.yaml --runs 40 --out ${file('batch.csv')} --workers 1`);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-batch.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await close();
  });

  it('draws a sweep: a panel per parameter, a mark per outcome class seen and value, with intervals', async () => {
    const data = await report('sweep.csv');
    const { page, errors, requests, url, close } = await open('sweep.csv', 'sweep.html');
    const seen = data.outcomes.filter((s) => s.count > 0);
    const panels = page.locator('figure.panel');
    expect(await panels.count()).toBe(2);
    for (const [i, panel] of data.panels.entries()) {
      const figure = panels.nth(i);
      expect(await figure.locator('figcaption').textContent()).toBe(panel.name);
      expect(await figure.locator('g.series').count()).toBe(seen.length);
      expect(await figure.locator('path.band').count()).toBe(seen.length);
      expect(await figure.locator('circle.mark').count()).toBe(seen.length * panel.groups.length);
      for (const s of seen) {
        const shown = await figure.locator(`circle.mark[data-outcome="${s.outcome}"]`).evaluateAll((cs) => cs.map((c) => Number(c.getAttribute('data-share'))));
        expect(shown).toEqual(panel.groups.map((g) => g.shares.find((x) => x.outcome === s.outcome)!.share));
      }
    }
    expect(await page.getByTestId('summary').textContent()).toBe(
      '54 runs: a sweep of 9 points over the parameters convenor.attendanceCost, convenor.rule.threshold (convene sweep).',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'report.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await close();
  });

  it('shows markup in parameter names and values as text: no script runs', async () => {
    const { page, errors, dialogs, requests, url, close } = await open('evil.csv', 'evil.html');
    const panel = page.locator('figure.panel').nth(1);
    expect(await page.locator('figure.panel').first().locator('figcaption').textContent()).toBe(EVIL_NAME);
    expect(await panel.locator('code.value').first().textContent()).toBe(`${EVIL_VALUE('0.7')}, quoted`);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(2);
    expect(await page.locator('img').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-markup.png'), fullPage: true });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await close();
  });
});
