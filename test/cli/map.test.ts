/**
 * `convene map`: a grid of two conditions, each cell the same seeds, one row per cell with each
 * outcome's share and interval and the dominant outcome; shards, resume and reproduce as a sweep's.
 */
import { copyFile, readFile } from 'node:fs/promises';
import { csvParse } from 'd3';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, useTempFolder } from './harness.ts';

const folder = useTempFolder('map');
const here = () => ({ cwd: folder.dir });
const AXES = ['--x', 'convenor.attendanceCost=0:4:3', '--y', 'convenor.deadline=40:120:3', '--seeds', '8'];

describe('convene map', () => {
  it('writes one row per cell, each the summary of a batch of that cell\'s conditions over the same seeds', async () => {
    await copyFile(`${ROOT}scenarios/reference.yaml`, folder.path('reference.yaml'));
    const r = await cli(['map', 'reference.yaml', ...AXES, '--out', 'map.csv', '--workers', '2'], here());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('3 × 3 cells × 8 seeds = 72 runs; rows in map.runs.csv, map in map.csv. Dominant outcome: ');
    const cells = csvParse(await readFile(folder.path('map.csv'), 'utf8'));
    expect(cells.columns.slice(0, 6)).toEqual(['convenor_attendanceCost', 'convenor_deadline', 'runs', 'rough_consensus', 'rough_consensus_low', 'rough_consensus_high']);
    // The grid: 0, 2, 4 across (slowest), 40, 80, 120 up.
    expect(cells.map((c) => [Number(c.convenor_attendanceCost), Number(c.convenor_deadline)])).toEqual([0, 2, 4].flatMap((x) => [40, 80, 120].map((y) => [x, y])));
    // A cell is what a batch of its conditions says: the batch of the middle cell, compared.
    const batch = await cli(['batch', 'reference.yaml', '--runs', '8', '--set', 'convenor.attendanceCost=2', '--set', 'convenor.deadline=80', '--out', 'middle.jsonl'], here());
    expect(batch.code, batch.stderr).toBe(0);
    const runs = (await readFile(folder.path('middle.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { outcome: string; rounds: number });
    const middle = cells[4];
    for (const outcome of ['rough-consensus', 'tyranny-of-the-minority', 'collapse', 'glacial-drift']) {
      expect(Number(middle[outcome.replace(/-/g, '_')])).toBe(runs.filter((x) => x.outcome === outcome).length / 8);
    }
    // Shares sum to 1 in every cell, and the dominant outcome is the one with the largest share.
    for (const c of cells) {
      const shares = ['rough_consensus', 'contested_decision', 'tyranny_of_the_minority', 'collapse', 'declared_failure', 'glacial_drift'].map((k) => Number(c[k]));
      expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(Number(c.dominant_share)).toBe(Math.max(...shares));
      expect(Number(c[c.dominant!.replace(/-/g, '_')])).toBe(Math.max(...shares));
    }
    const manifest = JSON.parse(await readFile(folder.path('map.csv.manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ kind: 'map', format: 'csv', points: 9, rows: 9, seeds: { count: 8 } });
  });

  it('is reproduced byte for byte, and its shards merged give the same map', async () => {
    for (const file of ['map.csv', 'map.runs.csv']) {
      const again = await cli(['reproduce', file], here());
      expect(again.code, again.stderr).toBe(0);
    }
    for (const k of [0, 1, 2]) {
      const part = await cli(['map', 'reference.yaml', ...AXES, '--shard', `${k}/3`, '--rows', `cells-${k}.csv`], here());
      expect(part.code, part.stderr).toBe(0);
    }
    expect((await cli(['merge', 'cells-2.csv', 'cells-0.csv', 'cells-1.csv', '--out', 'cells.csv'], here())).code).toBe(0);
    const merged = await cli(['map', 'reference.yaml', ...AXES, '--from-rows', 'cells.csv', '--out', 'merged-map.csv'], here());
    expect(merged.code, merged.stderr).toBe(0);
    expect(await readFile(folder.path('merged-map.csv'), 'utf8')).toBe(await readFile(folder.path('map.csv'), 'utf8'));
    // JSONL names the conditions by their paths.
    expect((await cli(['map', 'reference.yaml', ...AXES, '--from-rows', 'cells.csv', '--out', 'map.jsonl'], here())).code).toBe(0);
    const first = JSON.parse((await readFile(folder.path('map.jsonl'), 'utf8')).split('\n')[0]);
    expect(first).toMatchObject({ 'convenor.attendanceCost': 0, 'convenor.deadline': 40, runs: 8 });
    expect(Object.keys(first.outcomes)).toHaveLength(6);
  });

  it('refuses a malformed axis, the same condition twice, and a value the scenario cannot take', async () => {
    const cases: [string[], string][] = [
      [['--x', 'convenor.deadline=40:120', '--y', 'seed=1:2:2', '--seeds', '2', '--out', 'm.csv'], '--x convenor.deadline=40:120: expected three numbers after ='],
      [['--x', 'convenor.deadline=40:120:1', '--y', 'seed=1:2:2', '--seeds', '2', '--out', 'm.csv'], 'STEPS must be a whole number from 2 to 200'],
      [['--x', 'seed=1:2:2', '--y', 'seed=1:5:2', '--seeds', '2', '--out', 'm.csv'], '--y seed=1:5:2: is the same condition as --x'],
      [['--x', 'convenor.rule.threshold=0.4:1:3', '--y', 'seed=1:2:2', '--seeds', '2', '--out', 'm.csv'], 'convenor.rule.threshold: must be a number in (0.5, 1], got 0.4'],
      [['--x', 'seed=1:2:2', '--y', 'convenor.deadline=40:120:3', '--seeds', '2', '--out', 'm.txt'], '--out m.txt: expected a name ending .csv or .jsonl'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(['map', 'reference.yaml', ...args], here());
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
  });
});
