/** `--shard I/N` and `convene merge`: shards joined give exactly the one-machine file. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shardRange } from '../../cli/shard.ts';
import { useTempFolder, cli, PRIVACY, ROOT } from './harness.ts';

const folder = useTempFolder('shard');

describe('shards', () => {
  it('cover the list in contiguous, nearly equal blocks', () => {
    expect([0, 1, 2].map((index) => shardRange(10, { index, count: 3 }))).toEqual([[0, 3], [3, 6], [6, 10]]);
    expect(shardRange(2, { index: 0, count: 3 })).toEqual([0, 0]);
  });

  for (const ext of ['csv', 'jsonl']) {
    it(`merged in any order give the one-machine .${ext} file byte for byte`, async () => {
      const whole = folder.path(`whole.${ext}`);
      expect((await cli(['batch', PRIVACY, '--runs', '25', '--seed-start', '3', '--workers', '1', '--out', whole])).code).toBe(0);
      const parts: string[] = [];
      for (const i of [0, 1, 2]) {
        const part = folder.path(`part${i}.${ext}`);
        const r = await cli(['batch', PRIVACY, '--runs', '25', '--seed-start', '3', '--workers', '2', '--shard', `${i}/3`, '--out', part]);
        expect(r.code, r.stderr).toBe(0);
        parts.push(part);
      }
      const merged = folder.path(`merged.${ext}`);
      const r = await cli(['merge', parts[2], parts[0], parts[1], '--out', merged]);
      expect(r.code, r.stderr).toBe(0);
      expect(await readFile(merged, 'utf8')).toBe(await readFile(whole, 'utf8'));
    });
  }

  it('refuses a bad --shard', async () => {
    const bad = await cli(['batch', PRIVACY, '--runs', '4', '--shard', '2/2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--shard 2/2: expected I/N');
  });
});

describe('the GNU parallel recipe (deploy/gnu-parallel.sh)', () => {
  const hasParallel = existsSync('/usr/bin/parallel');
  it.skipIf(!hasParallel && !process.env.CONVENE_REQUIRE_PARALLEL)('runs 3 shards through parallel and merges them into the one-machine file', async () => {
    const whole = folder.path('gp-whole.csv');
    expect((await cli(['batch', PRIVACY, '--runs', '30', '--workers', '1', '--out', whole])).code).toBe(0);
    const out = folder.path('gp.csv');
    execFileSync('bash', [join(ROOT, 'deploy/gnu-parallel.sh'), PRIVACY, '30', '3', out], { cwd: ROOT, stdio: 'pipe' });
    expect(await readFile(out, 'utf8')).toBe(await readFile(whole, 'utf8'));
  }, 60_000);
});
