/**
 * `--resume`: a batch killed mid-run (SIGKILL or SIGINT, a real child process) continues from its
 * `.partial` file and ends byte-identical to an uninterrupted batch.
 */
import { appendFile, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptWhenWritten, ROOT, spawnCli, useTempFolder } from './harness.ts';

const REFERENCE = join(ROOT, 'scenarios/reference.yaml');
const RUNS = '4000';

const folder = useTempFolder('resume');

describe('convene batch --resume', () => {
  for (const [ext, signal] of [['csv', 'SIGKILL'], ['jsonl', 'SIGINT']] as const) {
    it(`continues a .${ext} batch killed by ${signal} and ends identical to an uninterrupted one`, async () => {
      const whole = folder.path(`whole.${ext}`);
      expect(spawnCli(['batch', REFERENCE, '--runs', RUNS, '--workers', '2', '--out', whole]).code).toBe(0);
      const out = folder.path(`resumed.${ext}`);
      const args = ['batch', REFERENCE, '--runs', RUNS, '--workers', '2', '--out', out];
      await interruptWhenWritten(args, `${out}.partial`, signal);
      const partial = await readFile(`${out}.partial`, 'utf8');
      const rowsBefore = partial.split('\n').length - 1;
      expect(rowsBefore).toBeLessThan(Number(RUNS));
      // A torn last line, as if the process died in the middle of a write.
      await appendFile(`${out}.partial`, ext === 'csv' ? '1234,rough-cons' : '{"convene":1,"eng');
      const r = spawnCli([...args, '--resume']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/resumed after \d+ rows/);
      expect(await readFile(out, 'utf8')).toBe(await readFile(whole, 'utf8'));
      expect((await readdir(folder.dir)).filter((f) => f.includes('partial'))).toEqual([]);
    }, 60_000);
  }

  it('refuses to resume a partial file written with other parameters', async () => {
    const out = folder.path('other.csv');
    await interruptWhenWritten(['batch', REFERENCE, '--runs', RUNS, '--workers', '2', '--out', out], `${out}.partial`, 'SIGKILL');
    const r = spawnCli(['batch', REFERENCE, '--runs', RUNS, '--workers', '2', '--out', out, '--resume', '--set', 'convenor.deadline=90']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--resume: ');
    expect(r.stderr).toContain('was written by a different command');
    expect(r.stdout).toBe('');
  }, 60_000);
});
