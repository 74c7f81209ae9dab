/**
 * A long batch under a small heap: memory must not grow with the number of runs. 400,000 runs of
 * the small committee under a 40 MB heap. Before the pool stopped racing each chunk against its
 * worker's "died" promise (which kept every finished chunk's rows, about 150 bytes a CSV run:
 * some 60 MB here), and before the summary's medians were bounded (16 bytes a run), this batch
 * ran out of heap and aborted (exit 134) about half-way.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, SMALL } from '../cli/harness.ts';

describe('a long batch under a small heap', () => {
  it('runs 400,000 runs to the end under --max-old-space-size=40', () => {
    const r = spawnSync(process.execPath, ['--max-old-space-size=40', 'bin/convene.js', 'batch', SMALL, '--runs', '400000', '--workers', '2'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    expect(r.status, r.stderr.slice(-2000)).toBe(0);
    expect(r.stderr).toMatch(/^400000 runs \(seeds 3 to 400002\)/m);
  }, 120_000);
});
