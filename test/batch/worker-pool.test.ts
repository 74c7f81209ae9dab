/** The worker pool behind `convene batch --workers W`: same rows for any W, in seed order. */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../sim/index.ts';
import { readScenario } from '../../batch/read-scenario.ts';
import { BatchRunsFailed, runBatch } from '../../batch/run-batch.ts';
import { createWorkerPool, WORKER_YOUNG_GENERATION_MB } from '../../batch/worker-pool.ts';
import { cli, PRIVACY, ROOT, SMALL } from '../cli/harness.ts';

const CRASHING = new URL('../fixtures/cli/crashing-worker.mjs', import.meta.url);
const LIMITS = new URL('../fixtures/cli/limits-worker.mjs', import.meta.url);

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'convene-pool-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function collect(workers: number, extra: Partial<Parameters<typeof runBatch>[1]> = {}) {
  const { scenario } = await readScenario(SMALL, { cwd: ROOT });
  const results: RunResult[] = [];
  const indices: number[] = [];
  const stats = await runBatch(scenario, {
    runs: 37,
    seedStart: 500,
    workers,
    chunkSize: 4,
    onResult: (r, k) => {
      results.push(r);
      indices.push(k);
    },
    ...extra,
  });
  return { scenario, results, indices, stats };
}

describe('runBatch on a pool of worker threads', () => {
  it('hands over every run in seed order, each equal to runScenario, for 1, 2 and 3 workers', async () => {
    const { scenario, results: one } = await collect(1);
    const expected = one.map((_, k) => runScenario(scenario, { seed: 500 + k, record: false }));
    expect(one).toEqual(expected);
    for (const workers of [2, 3]) {
      const { results, indices } = await collect(workers);
      expect(indices).toEqual(Array.from({ length: 37 }, (_, k) => k));
      expect(results).toEqual(expected);
    }
  });

  it('holds a bounded number of finished chunks when the writer is slow', async () => {
    const slow = () => new Promise<void>((resolve) => setTimeout(resolve, 2));
    const { stats, results } = await collect(2, { runs: 400, chunkSize: 2, onResult: slow } as never);
    expect(results).toHaveLength(0); // onResult replaced by the slow one
    expect(stats.peakBufferedChunks).toBeGreaterThan(0);
    expect(stats.peakBufferedChunks).toBeLessThanOrEqual(2 * 4);
  });

  it('reports a worker that crashed and runs its chunk again', async () => {
    process.env.CONVENE_TEST_CRASH_SEED = '510';
    process.env.CONVENE_TEST_CRASH_MARKER = join(dir, 'crashed-once');
    const warnings: string[] = [];
    try {
      const { scenario, results } = await collect(2, { workerUrl: CRASHING, onWarning: (m: string) => warnings.push(m) });
      expect(results.map((r) => r.seed)).toEqual(Array.from({ length: 37 }, (_, k) => 500 + k));
      expect(results[10]).toEqual(runScenario(scenario, { seed: 510, record: false }));
      expect(warnings).toEqual([expect.stringMatching(/^a worker crashed \(exit code 3\) running seeds 508 to 511; running them again$/)]);
      expect(await readFile(join(dir, 'crashed-once'), 'utf8')).toBe('crashed\n');
    } finally {
      delete process.env.CONVENE_TEST_CRASH_SEED;
      delete process.env.CONVENE_TEST_CRASH_MARKER;
    }
  });

  it('sends the chunks waiting behind a crashed one to the new worker, in order, without a warning', async () => {
    process.env.CONVENE_TEST_CRASH_SEED = '510';
    process.env.CONVENE_TEST_CRASH_MARKER = join(dir, 'crashed-with-a-queue');
    const { scenario } = await readScenario(SMALL, { cwd: ROOT });
    const warnings: string[] = [];
    const pool = createWorkerPool({ size: 1, workerUrl: CRASHING, onWarning: (m) => warnings.push(m) });
    try {
      // Three chunks given to the one worker at once: it dies running the first.
      const outputs = await Promise.all([508, 512, 516].map((first) => pool.runChunk(0, scenario, first, 4)));
      expect(outputs.map((o) => o.results.map((r) => r.seed))).toEqual([
        [508, 509, 510, 511],
        [512, 513, 514, 515],
        [516, 517, 518, 519],
      ]);
      expect(outputs[0].results[2]).toEqual(runScenario(scenario, { seed: 510, record: false }));
      expect(warnings).toEqual(['a worker crashed (exit code 3) running seeds 508 to 511; running them again']);
    } finally {
      await pool.close();
      delete process.env.CONVENE_TEST_CRASH_SEED;
      delete process.env.CONVENE_TEST_CRASH_MARKER;
    }
  });

  it('starts its workers with a small young generation, which a long chunk does not outgrow', async () => {
    const { scenario } = await readScenario(SMALL, { cwd: ROOT });
    const pool = createWorkerPool({ size: 1, workerUrl: LIMITS });
    try {
      // 20,000 runs allocate hundreds of MB: without the limit V8 grows the young generation
      // from its first 1 MB semi-space towards its default 16 MB ones.
      const { bytes } = await pool.runChunk(0, scenario, 1, 20_000);
      const { resourceLimits, newSpaceBytes } = JSON.parse(new TextDecoder().decode(bytes));
      expect(resourceLimits.maxYoungGenerationSizeMb).toBe(WORKER_YOUNG_GENERATION_MB);
      expect(newSpaceBytes).toBeLessThanOrEqual(WORKER_YOUNG_GENERATION_MB * 2 ** 20);
    } finally {
      await pool.close();
    }
  });

  it('fails with the seeds when a worker crashes twice on the same chunk', async () => {
    process.env.CONVENE_TEST_CRASH_SEED = '510';
    process.env.CONVENE_TEST_CRASH_ALWAYS = '1';
    try {
      await expect(collect(2, { workerUrl: CRASHING })).rejects.toThrow('a worker crashed twice running seeds 508 to 511 (exit code 3)');
    } finally {
      delete process.env.CONVENE_TEST_CRASH_SEED;
      delete process.env.CONVENE_TEST_CRASH_ALWAYS;
    }
  });

  it('reports every run that threw, with its seed, after the others', async () => {
    const { scenario } = await readScenario(SMALL, { cwd: ROOT });
    const broken = { ...scenario, stakeholders: null } as never;
    const seen: number[] = [];
    const error = await runBatch(broken, { runs: 5, seedStart: 7, workers: 2, chunkSize: 2, onResult: (r) => void seen.push(r.seed) }).catch((e) => e);
    expect(error).toBeInstanceOf(BatchRunsFailed);
    expect((error as BatchRunsFailed).failures.map((f) => f.seed)).toEqual([7, 8, 9, 10, 11]);
    expect((error as Error).message).toMatch(/^5 runs failed, seeds 7, 8, 9, 10, 11; the first: /);
    expect(seen).toEqual([]);
  });
});

describe('convene batch --workers', () => {
  for (const ext of ['csv', 'jsonl']) {
    it(`writes byte-identical .${ext} files with 1, 2 and 3 workers`, async () => {
      const texts: string[] = [];
      for (const workers of ['1', '2', '3']) {
        const out = join(dir, `w${workers}.${ext}`);
        const r = await cli(['batch', PRIVACY, '--runs', '30', '--seed-start', '90', '--workers', workers, '--out', out]);
        expect(r.code, r.stderr).toBe(0);
        texts.push(await readFile(out, 'utf8'));
      }
      expect(texts[1]).toBe(texts[0]);
      expect(texts[2]).toBe(texts[0]);
      if (ext === 'jsonl') {
        const lines = texts[0].trimEnd().split('\n');
        expect(lines).toHaveLength(30);
        const run = await cli(['run', PRIVACY, '--json', '--seed', '107']);
        expect(lines[17] + '\n').toBe(run.stdout);
      }
    });
  }

  it('prints no progress bar when standard error is not a terminal', async () => {
    const r = await cli(['batch', SMALL, '--runs', '20', '--workers', '2']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/runs\/s/);
    expect(r.stderr).toMatch(/^20 runs \(seeds/);
  });
});
