/**
 * The page's performance (teaching issue, point 11), in headless Chromium on the built static
 * site: the gzipped JavaScript and CSS a visit loads, counted from the requests the page and its
 * Web Worker make until the lessons are listed (target at most 150 KB; in English, and in French,
 * whose words are chunks an English visit never loads),
 * the first render (navigation start to the room drawn and the controls live, target within
 * 300 ms), and 10,000 stakeholders playing (frames per second, target 30 or more, and the longest
 * main-thread task, target none over 50 ms); and a 20 × 20 regime map of 50 seeds a cell on the
 * reference scenario (what-if issue: under 30 s on a 2-core machine). Printed by `npm run bench`,
 * never asserted by tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CHROMIUM = '/usr/bin/chromium';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.md': 'text/markdown' };

/** The 10,000-stakeholder room of the large-population test: the reference scenario's groups grown. */
const LARGE = '?scenario=reference&seed=1&set.stakeholders%5B0%5D.generate=9980&set.convenor.acceptable.min=%5B0.1%2C0.1%2C0%5D&set.convenor.acceptable.max=%5B0.9%2C0.9%2C1%5D';

/** Collects the page's main-thread tasks over 50 ms in `window.tasks` (as text: tsx's helpers are not in the page). */
const WATCH_TASKS = `window.tasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.tasks.push(e.duration))).observe({ type: 'longtask', buffered: false });`;

export interface PageFigures {
  /** Gzipped kilobytes of the JavaScript and CSS an English visit loads, the worker's included. */
  gzipKB: number;
  /** The same for a French visit (`?lang=fr`). */
  gzipFrenchKB: number;
  /** Every JavaScript and CSS file the build wrote, all languages and all bundled scenarios. */
  gzipAllKB: number;
  /** The first render, milliseconds from navigation start: best and median of the tries, and the medians of its steps. */
  firstRenderMs: { best: number; median: number; scriptMedian: number; replyMedian: number };
  /** 10,000 stakeholders playing at 20 rounds a second. */
  large: { fps: number; longestTaskMs: number; tasksOver50: number; rounds: number };
  /** A 20 × 20 regime map of 50 seeds a cell on the reference scenario, computed in the page's workers. */
  map: { seconds: number; runs: number; longestTaskMs: number };
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
}

export async function pageFigures(tries = 7): Promise<PageFigures | null> {
  if (!existsSync(CHROMIUM)) return null;
  const out = mkdtempSync(join(tmpdir(), 'convene-site-'));
  execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', out, '--logLevel', 'error'], { cwd: ROOT });
  const assets = files(join(out, 'assets')).filter((f) => /\.(js|css)$/.test(f));
  const gzipped = (f: string) => gzipSync(readFileSync(f), { level: 9 }).length / 1024;
  const gzipAllKB = assets.reduce((sum, f) => sum + gzipped(f), 0);
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent((req.url ?? '/').split('?')[0])).replace(/^(\.\.[/\\])+/, '');
    const file = join(out, path.endsWith('/') ? `${path}index.html` : path);
    if (!existsSync(file)) return void res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  try {
    /** What a visit loads: every script and style sheet the page and its worker ask for, gzipped. */
    const visitKB = async (lang: string) => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      const asked = new Set<string>();
      page.on('request', (r) => {
        const path = new URL(r.url()).pathname;
        if (/\.(js|css)$/.test(path)) asked.add(path);
      });
      await page.goto(`${url}?lang=${lang}`);
      await page.waitForSelector('body[data-lessons]');
      await page.close();
      return [...asked].reduce((sum, path) => sum + gzipped(join(out, path)), 0);
    };
    const gzipKB = await visitKB('en');
    const gzipFrenchKB = await visitKB('fr');
    const renders: number[] = [];
    // Its steps: the page's script running (its words loaded), the worker's reply to the first scenario.
    const scripts: number[] = [];
    const replies: number[] = [];
    for (let k = 0; k < tries; k++) {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(`${url}?scenario=reference&seed=1`);
      await page.waitForSelector('body[data-ready]');
      const [script, reply, ready] = await page.evaluate(() => ['convene-script', 'convene-reply', 'convene-ready'].map((n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN));
      renders.push(ready);
      scripts.push(script);
      replies.push(reply);
      await page.close();
    }
    const median = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)];
    renders.sort((a, b) => a - b);

    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${url}${LARGE}&speed=20`);
    await page.waitForSelector('body[data-ready]');
    await page.evaluate(WATCH_TASKS);
    const before = Number(await page.getByTestId('round').getAttribute('data-round'));
    await page.locator('#play').click();
    // As text: tsx names the functions it compiles with a helper the page does not have.
    const large = (await page.evaluate(`new Promise((resolve) => {
      let frames = 0;
      const began = performance.now();
      const tick = () => {
        frames++;
        if (performance.now() - began < 6000) requestAnimationFrame(tick);
        else resolve({ fps: (frames * 1000) / (performance.now() - began), tasks: window.tasks });
      };
      requestAnimationFrame(tick);
    })`)) as { fps: number; tasks: number[] };
    const after = Number(await page.getByTestId('round').getAttribute('data-round'));
    await page.close();

    const mapPage = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const axes = `map.x=${encodeURIComponent('convenor.attendanceCost=0:3:20')}&map.y=${encodeURIComponent('convenor.deadline=10:200:20')}&map.seeds=50`;
    const began = Date.now();
    await mapPage.goto(`${url}?scenario=reference&seed=1&${axes}`);
    await mapPage.waitForSelector('body[data-ready]');
    await mapPage.evaluate(WATCH_TASKS);
    await mapPage.waitForSelector('#map[data-state="done"], #map[data-state="error"]', { timeout: 300_000 });
    if ((await mapPage.locator('#map').getAttribute('data-state')) === 'error') throw new Error(`the map failed: ${await mapPage.locator('#map-errors').textContent()}`);
    const seconds = (Date.now() - began) / 1000;
    const mapTasks = (await mapPage.evaluate('window.tasks')) as number[];
    await mapPage.close();
    return {
      gzipKB,
      gzipFrenchKB,
      gzipAllKB,
      firstRenderMs: { best: renders[0], median: median(renders), scriptMedian: median(scripts), replyMedian: median(replies) },
      large: { fps: large.fps, longestTaskMs: Math.max(0, ...large.tasks), tasksOver50: large.tasks.filter((t) => t > 50).length, rounds: after - before },
      map: { seconds, runs: 20 * 20 * 50, longestTaskMs: Math.max(0, ...mapTasks) },
    };
  } finally {
    await browser.close();
    server.close();
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const figures = await pageFigures();
  if (!figures) console.log(`the page: skipped, ${CHROMIUM} is missing`);
  else console.log(JSON.stringify(figures, null, 2));
}
