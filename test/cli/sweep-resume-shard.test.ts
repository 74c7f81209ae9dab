/**
 * `convene sweep --resume` and `--shard I/N`: a sweep killed mid-run (a real child process)
 * continues from its `.partial` file to files byte-identical to an uninterrupted sweep, and the
 * shards of a sweep, merged, give exactly the one-machine rows and summary. The parameter values
 * hold commas and quotes, so CSV cells are quoted.
 */
import { appendFile, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planChunks } from '../../cli/sweep-command.ts';
import { useTempFolder, cli, interruptWhenWritten, ROOT, spawnCli } from './harness.ts';

const folder = useTempFolder('sweep-resume');

const experiment = (seeds: number) => `experiment: 1
scenario: ${join(ROOT, 'scenarios/reference.yaml')}
seeds: ${seeds}
seedStart: 1
parameters:
  name: ["Plan, with a comma", "Plan \\"quoted\\""]
  convenor.attendanceCost: [1, 2, 4]
`;

async function experimentFile(name: string, seeds: number): Promise<string> {
  const path = folder.path(name);
  await writeFile(path, experiment(seeds));
  return path;
}

describe('the chunks of a sweep', () => {
  it('cover every seed of every point once, never straddling two points, also when resumed mid-point', () => {
    for (const [first, end, skip, seeds, size] of [
      [0, 3, 0, 60, 25],
      [2, 5, 37, 60, 25],
      [4, 5, 59, 60, 25],
      [0, 2, 0, 25, 25],
      [3, 3, 0, 10, 25],
      [1, 4, 3, 60, 7],
      [0, 3, 10, 60, 200],
    ]) {
      const plan = planChunks(first, end, skip, seeds, size);
      const covered: string[] = [];
      for (let c = 0; c < plan.chunks; c++) {
        const { point, first: s, count } = plan.at(c);
        expect(s + count).toBeLessThanOrEqual(seeds);
        expect(count).toBeLessThanOrEqual(size);
        for (let k = s; k < s + count; k++) covered.push(`${point}:${k}`);
      }
      const expected: string[] = [];
      for (let p = first; p < end; p++) for (let k = p === first ? skip : 0; k < seeds; k++) expected.push(`${p}:${k}`);
      expect(covered).toEqual(expected);
    }
  });
});

describe('convene sweep --resume', () => {
  for (const [ext, signal] of [['csv', 'SIGKILL'], ['jsonl', 'SIGINT']] as const) {
    it(`continues a .${ext} sweep killed by ${signal}; rows and summary identical to an uninterrupted one`, async () => {
      const file = await experimentFile(`resume-${ext}.yaml`, 700);
      const whole = folder.path(`whole.${ext}`);
      const w = spawnCli(['sweep', file, '--workers', '2', '--out', whole]);
      expect(w.code, w.stderr).toBe(0);

      const out = folder.path(`resumed.${ext}`);
      const args = ['sweep', file, '--workers', '2', '--out', out];
      await interruptWhenWritten(args, `${out}.partial`, signal, 40_000);
      const rowsBefore = (await readFile(`${out}.partial`, 'utf8')).split('\n').length - 1;
      expect(rowsBefore).toBeGreaterThan(0);
      expect(rowsBefore).toBeLessThan(6 * 700);
      // A torn last line, as if the process died in the middle of a write.
      await appendFile(`${out}.partial`, ext === 'csv' ? '3,"Plan, with' : '{"point":3,"param');

      const r = spawnCli([...args, '--resume']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/resumed after \d+ rows/);
      expect(await readFile(out, 'utf8')).toBe(await readFile(whole, 'utf8'));
      const summary = (f: string) => readFile(f.replace(/\.\w+$/, '.summary.csv'), 'utf8');
      expect(await summary(out)).toBe(await summary(whole));
      expect((await readdir(folder.dir)).filter((f) => f.includes('partial') || f.endsWith('.tmp'))).toEqual([]);
    }, 90_000);
  }

  it('refuses to resume rows of a different experiment', async () => {
    const file = await experimentFile('refuse.yaml', 700);
    const out = folder.path('refused.csv');
    await interruptWhenWritten(['sweep', file, '--workers', '1', '--out', out], `${out}.partial`, 'SIGKILL');
    await writeFile(file, experiment(701));
    const r = await cli(['sweep', file, '--workers', '1', '--out', out, '--resume']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('was written by a different command');
    await rm(`${out}.partial`);
    await rm(`${out}.partial.json`);
  }, 60_000);
});

describe('convene sweep --shard', () => {
  for (const ext of ['csv', 'jsonl']) {
    it(`shards merged in any order give the one-machine .${ext} rows and summary byte for byte`, async () => {
      const file = await experimentFile(`shard-${ext}.yaml`, 30);
      const whole = folder.path(`sw-whole.${ext}`);
      expect((await cli(['sweep', file, '--workers', '1', '--out', whole])).code).toBe(0);
      const parts: string[] = [];
      for (const i of [0, 1, 2, 3]) {
        const part = folder.path(`sw-part${i}.${ext}`);
        const r = await cli(['sweep', file, '--workers', i % 2 === 0 ? '1' : '2', '--shard', `${i}/4`, '--out', part]);
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toContain(`shard ${i}/4`);
        parts.push(part);
      }
      const merged = folder.path(`sw-merged.${ext}`);
      expect((await cli(['merge', parts[3], parts[1], parts[0], parts[2], '--out', merged])).code).toBe(0);
      expect(await readFile(merged, 'utf8')).toBe(await readFile(whole, 'utf8'));

      const summaries = parts.map((p) => p.replace(/\.\w+$/, '.summary.csv'));
      const mergedSummary = folder.path(`sw-merged-${ext}.summary.csv`);
      const m = await cli(['merge', ...summaries.reverse(), '--out', mergedSummary]);
      expect(m.code, m.stderr).toBe(0);
      expect(await readFile(mergedSummary, 'utf8')).toBe(await readFile(whole.replace(/\.\w+$/, '.summary.csv'), 'utf8'));
    }, 60_000);
  }

  it('writes the quoted parameter cells of RFC 4180', async () => {
    const file = await experimentFile('quoted.yaml', 2);
    const out = folder.path('quoted.csv');
    expect((await cli(['sweep', file, '--workers', '1', '--out', out])).code).toBe(0);
    const lines = (await readFile(out, 'utf8')).split('\n');
    expect(lines[1]).toMatch(/^0,"Plan, with a comma",1,1,/);
    expect(lines[7]).toMatch(/^3,"Plan ""quoted""",1,1,/);
    // Read as RFC 4180 (a quoted cell's comma is not a new cell), its shards merge back.
    const parts = [0, 1].map((i) => folder.path(`quoted-${i}.csv`));
    for (const [i, part] of parts.entries()) expect((await cli(['sweep', file, '--workers', '1', '--shard', `${i}/2`, '--out', part])).code).toBe(0);
    const merged = folder.path('quoted-merged.csv');
    const r = await cli(['merge', ...parts, '--out', merged]);
    expect(r.code, r.stderr).toBe(0);
    expect(await readFile(merged, 'utf8')).toBe(await readFile(out, 'utf8'));
  });

  it('checks both outputs before running: a missing folder for --summary, the same file twice', async () => {
    const file = await experimentFile('outputs.yaml', 2);
    let r = await cli(['sweep', file, '--workers', '1', '--out', folder.path('o.csv'), '--summary', folder.path('missing', 's.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--summary .*s\.csv: the folder .*missing does not exist\n$/);
    r = await cli(['sweep', file, '--workers', '1', '--out', folder.path('o.csv'), '--summary', folder.path('o.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is the same file as --out');
    expect((await readdir(folder.dir)).filter((f) => f.startsWith('o.csv'))).toEqual([]);
  });
});
