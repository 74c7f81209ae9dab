/**
 * `convene batch` when a chunk kills its worker twice: the batch stops (exit 1) naming the
 * chunk's seeds, and keeps the rows written before it in the partial file, so `--resume` goes on
 * once the cause is gone and ends byte-identical to a batch that never crashed. The pool runs the
 * crashing worker of the pool's own tests, which crashes only when told to.
 */
import { readFile } from 'node:fs/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cli, PRIVACY, useTempFolder } from '../cli/harness.ts';

const CRASHING = new URL('../fixtures/cli/crashing-worker.mjs', import.meta.url);
vi.mock('../../batch/worker-pool.ts', async (importOriginal) => {
  const pool = await importOriginal<typeof import('../../batch/worker-pool.ts')>();
  return { ...pool, createWorkerPool: (options: Parameters<typeof pool.createWorkerPool>[0]) => pool.createWorkerPool({ ...options, workerUrl: CRASHING }) };
});

const folder = useTempFolder('crash');

afterEach(() => {
  delete process.env.CONVENE_TEST_CRASH_SEED;
  delete process.env.CONVENE_TEST_CRASH_ALWAYS;
});

describe('a chunk that kills its worker twice', () => {
  it('stops the batch, names its seeds, and keeps the rows before it for --resume', async () => {
    const whole = folder.path('crash-whole.csv');
    expect((await cli(['batch', PRIVACY, '--runs', '600', '--workers', '2', '--out', whole])).code).toBe(0);
    const out = folder.path('crash.csv');
    // The privacy scenario's seed is 7: seed 407 is the 401st run, in the 11th chunk of 38.
    process.env.CONVENE_TEST_CRASH_SEED = '407';
    process.env.CONVENE_TEST_CRASH_ALWAYS = '1';
    const r = await cli(['batch', PRIVACY, '--runs', '600', '--workers', '2', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a worker crashed twice running seeds 387 to 424 .*; the \d+ rows written before it are kept in .*crash\.csv\.partial: run the same command with --resume/);
    const kept = (await readFile(`${out}.partial`, 'utf8')).split('\n').length - 2;
    expect(kept).toBeGreaterThanOrEqual(380);
    delete process.env.CONVENE_TEST_CRASH_SEED;
    const resumed = await cli(['batch', PRIVACY, '--runs', '600', '--workers', '2', '--out', out, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(await readFile(whole, 'utf8'));
  }, 60_000);
});

