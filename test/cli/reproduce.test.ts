/**
 * `convene reproduce MANIFEST`: every kind of file batch, sweep and merge write is run again from
 * its manifest and found byte-identical; a file changed after it was written, or a scenario
 * changed since, is not; and a report shows each file's manifest.
 */
import { appendFile, copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, useTempFolder } from './harness.ts';

const folder = useTempFolder('reproduce');
const here = () => ({ cwd: folder.dir });

async function setUp() {
  await copyFile(`${ROOT}scenarios/reference.yaml`, folder.path('reference.yaml'));
  await mkdir(folder.path('experiments'), { recursive: true });
  const experiment = (await readFile(`${ROOT}scenarios/experiments/attendance-cost-and-threshold.yaml`, 'utf8')).replace('seeds: 40', 'seeds: 3');
  await writeFile(folder.path('experiments', 'grid.yaml'), experiment);
}

describe('convene reproduce', () => {
  it('reproduces a batch (CSV and JSONL, with overrides), its shards, their merge, and a sweep\'s rows and summary', async () => {
    await setUp();
    const commands = [
      ['batch', 'reference.yaml', '--runs', '12', '--out', 'runs.csv'],
      ['batch', 'reference.yaml', '--runs', '12', '--seed-start', '40', '--set', 'convenor.deadline=60', '--out', 'runs.jsonl'],
      ['batch', 'reference.yaml', '--runs', '12', '--shard', '0/2', '--out', 'part-0.csv'],
      ['batch', 'reference.yaml', '--runs', '12', '--shard', '1/2', '--out', 'part-1.csv'],
      ['merge', 'part-1.csv', 'part-0.csv', '--out', 'merged.csv'],
      ['sweep', 'experiments/grid.yaml', '--out', 'grid.csv'],
    ];
    for (const c of commands) {
      const r = await cli(c, here());
      expect(r.code, r.stderr).toBe(0);
    }
    for (const file of ['runs.csv', 'runs.jsonl.manifest.json', 'part-1.csv', 'merged.csv', 'grid.csv', 'grid.summary.csv']) {
      const r = await cli(['reproduce', file], here());
      expect(r.code, `${file}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^${file.replace('.manifest.json', '').replace('.', '\\.')}: reproduced: \`convene .+\` wrote the same \\d+ bytes \\(SHA-256 [0-9a-f]{64}\\)\\n$`));
    }
  });

  it('a report shows each file\'s manifest: the command, the engine and model, and that the file is intact', async () => {
    const r = await cli(['report', 'runs.csv', '--out', 'report.html'], here());
    expect(r.code, r.stderr).toBe(0);
    const html = await readFile(folder.path('report.html'), 'utf8');
    const data = JSON.parse(/<script type="application\/json" id="report-data">([\s\S]*?)<\/script>/.exec(html)![1].replace(/\\u003c/g, '<')) as { provenance: { file: string; command: string[]; model: number; intact: boolean }[] };
    expect(data.provenance).toEqual([expect.objectContaining({ file: 'runs.csv', command: ['convene', 'batch', 'reference.yaml', '--runs', '12', '--out', 'runs.csv'], model: 2, intact: true })]);
  });

  it('refuses a file changed after it was written, naming both digests, exit 1', async () => {
    await appendFile(folder.path('merged.csv'), '999,rough-consensus\n');
    const r = await cli(['reproduce', 'merged.csv'], here());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^merged\.csv: not reproduced: the file has changed since it was written \(SHA-256 [0-9a-f]{64}; the manifest says [0-9a-f]{64}\)\n$/);
  });

  it('refuses when the scenario the command read has changed since, exit 1', async () => {
    await appendFile(folder.path('reference.yaml'), '# edited\n');
    const r = await cli(['reproduce', 'runs.csv'], here());
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('runs.csv: not reproduced: reference.yaml has changed since');
  });

  it('names what is missing when there is no manifest, exit 2', async () => {
    await writeFile(folder.path('plain.csv'), 'seed\n1\n');
    const r = await cli(['reproduce', 'plain.csv'], here());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('plain.csv: no manifest: expected plain.csv.manifest.json');
  });
});
