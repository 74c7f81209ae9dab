/** A batch that fails half-way (exit 1) leaves the existing --out file as it was. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cli, SMALL } from './harness.ts';

vi.mock('../../sim/index.ts', async (importOriginal) => {
  const core = await importOriginal<typeof import('../../sim/index.ts')>();
  return {
    ...core,
    runScenario: (...args: Parameters<typeof core.runScenario>) => {
      if (args[1]?.seed === 1005) throw new Error('the engine broke at seed 1005');
      return core.runScenario(...args);
    },
  };
});

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe('a batch that fails half-way', () => {
  for (const ext of ['csv', 'jsonl']) {
    it(`keeps the existing .${ext} file and leaves no temporary file`, async () => {
      const dir = await mkdtemp(join(tmpdir(), 'convene-fail-'));
      dirs.push(dir);
      const out = join(dir, `rows.${ext}`);
      await writeFile(out, 'good\n');
      const r = await cli(['batch', SMALL, '--workers', '1', '--runs', '10', '--seed-start', '1000', '--out', out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('convene: the run with seed 1005 failed: the engine broke at seed 1005');
      expect(await readFile(out, 'utf8')).toBe('good\n');
      expect(await readdir(dir)).toEqual([`rows.${ext}`]);
    });
  }

  it('creates no file when there was none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'convene-fail-'));
    dirs.push(dir);
    const r = await cli(['batch', SMALL, '--workers', '1', '--runs', '10', '--seed-start', '1000', '--out', join(dir, 'new.csv')]);
    expect(r.code).toBe(1);
    expect(await readdir(dir)).toEqual([]);
  });
});
