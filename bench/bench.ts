/**
 * `npm run bench`: speed of the core, printed as figures and ratios (never asserted by tests).
 *  - nanoseconds per stakeholder-round for N = 30, 1,000 and 100,000 stakeholders, D = 2 and 8;
 *  - runs per second on one core for the bundled reference scenario (30 stakeholders, 3 issues,
 *    100 rounds), with the record off as batches run it, and the memory each run allocates;
 *  - `convene batch` throughput with 1 and 2 workers, and the ratio between them;
 *  - the page in headless Chromium: its gzipped size, its first render, 10,000 stakeholders playing.
 * Figures are recorded in BENCHMARKS.md with the machine and date.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cpus } from 'node:os';
import { KERNEL_FROM } from '../sim/kernel/kernel.ts';
import { createRun, runScenario } from '../sim/run.ts';
import { populationScenario } from '../scenarios/population-scenario.ts';

// The scenario loader and the batch benchmark are imported only after the per-stakeholder figures.
// Loading a CommonJS package (the YAML parser) through tsx moves an ArrayBuffer between threads,
// which invalidates V8's "array buffer detaching" protector for the rest of the process: from then
// on every typed-array access in optimized TypeScript checks for a detached buffer (the WebAssembly
// kernel is not affected), about 25 ns per stakeholder-round at D = 8 without the kernel. The built
// command line loads the parser without tsx and never pays this; neither does the page's worker,
// which copies its frames rather than transfer them. See BENCHMARKS.md.

const STAKEHOLDER_ROUNDS = 30_000_000;

/**
 * Timings per figure. This VM's speed comes and goes in bursts of a few seconds (±40%), so the
 * timings of all figures take turns, spread over the whole benchmark, and the fastest of each is
 * printed: the one least disturbed by the rest of the machine.
 */
const REPEATS = 5;

interface Figure {
  n: number;
  d: number;
  shapes: 'shared' | 'each';
  kernel?: boolean;
  best: number;
}

/** Times whole rounds of a fresh run of the figure's population, after five opening rounds. */
function timeRounds(f: Figure): number {
  const scenario = populationScenario(f.n, f.d, f.shapes);
  const rounds = Math.max(30, Math.min(20_000, Math.round(STAKEHOLDER_ROUNDS / (f.n * Math.max(1, f.d / 2)))));
  const run = createRun(scenario, { seed: 1, record: false, kernel: f.kernel });
  run.step(5);
  const start = process.hrtime.bigint();
  const ran = run.step(rounds);
  const elapsed = Number(process.hrtime.bigint() - start);
  if (ran !== rounds) throw new Error(`the benchmark scenario ended after ${ran} rounds`);
  return elapsed / (f.n * rounds);
}

/** Each figure's fastest of REPEATS timings, taken in turns; the first turn warms the JIT up. */
function nsPerStakeholderRound(figures: Figure[]): void {
  for (const f of figures) timeRounds(f);
  for (let repeat = 0; repeat < REPEATS; repeat++) for (const f of figures) f.best = Math.min(f.best, timeRounds(f));
}

async function runsPerSecond(file: string): Promise<{ perSecond: number; rounds: number }> {
  const { loadScenario } = await import('../sim/scenario/load.ts');
  const loaded = loadScenario(readFileSync(file, 'utf8'), { filename: file });
  if (!loaded.ok) throw new Error(`${file} does not validate`);
  const scenario = loaded.scenario;
  for (let seed = 0; seed < 300; seed++) runScenario(scenario, { seed });
  // Twice as many shorter timings as for the figures above, so that they span a burst of slowness.
  const runs = 1500;
  let best = 0;
  let rounds = 0;
  for (let repeat = 0; repeat < 2 * REPEATS; repeat++) {
    rounds = 0;
    const start = process.hrtime.bigint();
    for (let seed = 1; seed <= runs; seed++) rounds += runScenario(scenario, { seed }).rounds;
    best = Math.max(best, runs / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  return { perSecond: best, rounds: rounds / runs };
}

console.log(`Convene core benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}`);
console.log('');
console.log(`ns per stakeholder-round (record off; fastest of ${REPEATS}; from ${KERNEL_FROM.toLocaleString('en')} stakeholders on in WebAssembly)`);
console.log('      N    D=2     D=8   D=8/D=2');
const figure = (n: number, d: number, shapes: Figure['shapes'] = 'shared', kernel?: boolean): Figure => ({ n, d, shapes, kernel, best: Infinity });
const table = [30, 1000, 100_000].map((n) => [figure(n, 2), figure(n, 8)]);
const typescript = figure(100_000, 8, 'shared', false);
const each = figure(100_000, 8, 'each');
nsPerStakeholderRound([...table.flat(), typescript, each]);
for (const [two, eight] of table) {
  console.log(`${String(two.n).padStart(7)} ${two.best.toFixed(1).padStart(6)} ${eight.best.toFixed(1).padStart(7)} ${(eight.best / two.best).toFixed(2).padStart(9)}`);
}
const target = table[2][1].best;
console.log(`target at N = 100,000, D = 8: ≤ 40 ns; measured ${target.toFixed(1)} ns (${(target / 40).toFixed(2)} × target)`);
console.log(`the TypeScript passes alone (kernel off), N = 100,000, D = 8: ${typescript.best.toFixed(1)} ns (${(typescript.best / target).toFixed(2)} × with the kernel)`);
console.log(`with a concession shape drawn for every stakeholder (N = 100,000, D = 8): ${each.best.toFixed(1)} ns (${(each.best / target).toFixed(2)} × shared shapes)`);
console.log('');
const reference = await runsPerSecond('scenarios/reference.yaml');
console.log(
  `reference scenario (30 stakeholders, 3 issues): ${Math.round(reference.perSecond)} runs/s on one core, ${reference.rounds.toFixed(1)} rounds per run on average; target ≥ 3,000 (${(reference.perSecond / 3000).toFixed(2)} × target)`,
);
const memory = JSON.parse(
  execFileSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./run-memory.ts', import.meta.url)), 'scenarios/reference.yaml'], { encoding: 'utf8' }),
);
console.log(`  each run allocates ${memory.allocated.toFixed(1)} KB (sampled), of which ${memory.promoted.toFixed(1)} KB outlive a scavenge`);

// Batch throughput: the built command with 1 worker (the calling thread) and 2 worker threads,
// on a batch of an analyst's size (a sweep of 20 points × 5,000 seeds) and on a short one, with
// what a batch costs before its first run and the ceiling of this machine's two cores (see
// batch-throughput.ts).
const { batchRunsPerSecond, batchStartSeconds, independentRunsPerSecond } = await import('./batch-throughput.ts');
const REFERENCE = 'scenarios/reference.yaml';
console.log('');
console.log('convene batch, reference runs to /dev/null, start-up included (best of 3, 1 and 2 workers in turns):');
for (const runs of [100_000, 20_000]) {
  const { one, two, ratios } = await batchRunsPerSecond(REFERENCE, runs);
  const target = runs === 100_000 ? ' (target ≥ 1.8)' : '';
  console.log(
    `  ${runs.toLocaleString('en').padStart(7)} runs: 1 worker ${Math.round(one)} runs/s, 2 workers ${Math.round(two)} runs/s; ratio ${(two / one).toFixed(2)}${target}; turn by turn ${ratios.map((r) => r.toFixed(2)).join(', ')}`,
  );
}
const start = await batchStartSeconds(REFERENCE);
console.log(`  a 2-run batch takes ${(start.one * 1000).toFixed(0)} ms with 1 worker, ${(start.two * 1000).toFixed(0)} ms with 2 (fastest of 5): the start-up a short batch does not amortize`);
const ceiling = await independentRunsPerSecond(REFERENCE, 2, 10_000);
console.log(
  `  ceiling, two one-worker commands of 10,000 runs started together: ${Math.round(ceiling.alone)} → ${Math.round(ceiling.together)} runs/s; ratio ${(ceiling.together / ceiling.alone).toFixed(2)}`,
);

// Memory against a batch's length (batch-memory.ts): the peak of a 1,000,000-run batch against a
// 10,000-run one, rows to /dev/null and to a file. A peak varies by a few MB from one batch to the
// next, a ratio's worth of 0.05: each is the median of three, short and long taking turns.
const { batchPeakMegabytes } = await import('./batch-memory.ts');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
console.log('');
for (const to of ['stdout', 'file'] as const) {
  const short: number[] = [];
  const long: number[] = [];
  for (let k = 0; k < 3; k++) {
    short.push(batchPeakMegabytes(10_000, to));
    long.push(batchPeakMegabytes(1_000_000, to));
  }
  const range = (values: number[]) => `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`;
  console.log(
    `convene batch of the small committee, 2 workers, CSV ${to === 'file' ? 'to a file (--out)' : 'to /dev/null'}: peak resident memory ${median(short).toFixed(0)} MB for 10,000 runs (${range(short)}), ${median(long).toFixed(0)} MB for 1,000,000 (${range(long)}), medians of 3; ratio ${(median(long) / median(short)).toFixed(2)} (target < 1.2)`,
  );
}

// The page in headless Chromium (page.ts): what it loads, its first render, 10,000 stakeholders playing.
const { pageFigures } = await import('./page.ts');
const page = await pageFigures();
console.log('');
if (!page) console.log('the page: skipped, /usr/bin/chromium is missing');
else {
  console.log(`the page (built static site, headless Chromium, 1366×768):`);
  console.log(
    `  JavaScript and CSS a visit loads, the worker's included: ${page.gzipKB.toFixed(1)} KB gzipped in English, ${page.gzipFrenchKB.toFixed(1)} KB in French (target ≤ 150); every file built, all languages and scenarios: ${page.gzipAllKB.toFixed(1)} KB`,
  );
  console.log(
    `  first render, navigation start to the room drawn: best ${page.firstRenderMs.best.toFixed(0)} ms, median ${page.firstRenderMs.median.toFixed(0)} ms of 7 (target ≤ 300); medians of its steps: the page's script running ${page.firstRenderMs.scriptMedian.toFixed(0)} ms, the worker's first reply ${page.firstRenderMs.replyMedian.toFixed(0)} ms`,
  );
  console.log(
    `  10,000 stakeholders at 20 rounds/s for 6 s: ${page.large.fps.toFixed(0)} frames/s (target ≥ 30), ${page.large.rounds} rounds, longest main-thread task ${page.large.longestTaskMs.toFixed(0)} ms, ${page.large.tasksOver50} over 50 ms`,
  );
  console.log(
    `  regime map of the reference scenario, 20 × 20 cells × 50 seeds (${page.map.runs.toLocaleString('en')} runs) in the page's workers: ${page.map.seconds.toFixed(1)} s (target < 30), longest main-thread task ${page.map.longestTaskMs.toFixed(0)} ms`,
  );
}
