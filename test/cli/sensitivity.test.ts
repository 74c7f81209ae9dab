/**
 * `convene sensitivity`: Morris and Sobol designs run as sweeps, indices computed from the rows,
 * written with a manifest and said in words; shards merged and analysed give the one machine's
 * indices; bad requests refused naming what is wrong.
 */
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, useTempFolder } from './harness.ts';

const folder = useTempFolder('sensitivity');
const here = () => ({ cwd: folder.dir });

/**
 * The reference negotiation with three conditions. `seed` is one of them on purpose: every point
 * runs the experiment's own seeds (seedStart), so the scenario's seed field cannot change any run,
 * and its every index must be exactly 0 — the figure derived by hand.
 */
async function setUp(design: string) {
  await copyFile(`${ROOT}scenarios/reference.yaml`, folder.path('reference.yaml'));
  await writeFile(
    folder.path('experiment.yaml'),
    `experiment: 1
scenario: reference.yaml
design: ${design}
seeds: 6
seedStart: 100
parameters:
  convenor.attendanceCost: {from: 0.5, to: 4}
  seed: {from: 1, to: 1000, step: 1}
  convenor.deadline: [30, 60, 90, 120]
`,
  );
}

const csvRows = (text: string) => text.trim().split('\n').slice(1).map((l) => l.split(','));

describe('convene sensitivity', () => {
  it('runs a Morris design and writes μ*, μ, σ per output and condition, with a manifest and a sentence', async () => {
    await setUp('{morris: {trajectories: 6, levels: 4, seed: 2}}');
    const r = await cli(['sensitivity', 'experiment.yaml', '--method', 'morris', '--out', 'effects.csv', '--workers', '2'], here());
    expect(r.code, r.stderr).toBe(0);
    // 6 trajectories × (3 conditions + 1) points = 24 points, 6 seeds each.
    expect(r.stderr).toContain('24 points × 6 seeds (morris: 6 trajectories of 4 levels, seed 2)');
    const text = await readFile(folder.path('effects.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe('output,parameter,mu_star,mu_star_low,mu_star_high,mu,sigma');
    const rows = csvRows(text);
    // Six outcomes and rounds, support, legitimacy: 9 outputs × 3 conditions.
    expect(rows).toHaveLength(27);
    for (const row of rows.filter((c) => c[1] === 'seed')) expect(row.slice(2).map(Number)).toEqual([0, 0, 0, 0, 0]);
    // The runs' rows are kept beside the indices: 24 × 6 of them after the header.
    expect((await readFile(folder.path('effects.runs.csv'), 'utf8')).trim().split('\n')).toHaveLength(1 + 144);
    const manifest = JSON.parse(await readFile(folder.path('effects.csv.manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ kind: 'sensitivity', format: 'csv', points: 24, rows: 27, model: 2, seeds: { start: 100, count: 6 } });
    // In words: the seed field is never what matters most; where it is named, it hardly matters.
    expect(r.stdout).toMatch(/^What moves /m);
    expect(r.stdout).not.toMatch(/most: seed /);
  });

  it('is reproduced byte for byte from its manifest: the indices, their runs\' rows and the rows\' summary', async () => {
    const r = await cli(['reproduce', 'effects.csv'], here());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^effects\.csv: reproduced: `convene sensitivity experiment\.yaml --method morris --out effects\.csv --workers 2` wrote the same \d+ bytes/);
    for (const file of ['effects.runs.csv', 'effects.runs.summary.csv']) {
      const again = await cli(['reproduce', file], here());
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain(`${file}: reproduced:`);
    }
  });

  it('computes Sobol indices with intervals; shards merged and analysed give the same bytes', async () => {
    await setUp('{sobol: {samples: 8, seed: 5}}');
    const whole = await cli(['sensitivity', 'experiment.yaml', '--method', 'sobol', '--out', 'indices.json'], here());
    expect(whole.code, whole.stderr).toBe(0);
    // 8 samples × (3 + 2) = 40 points.
    expect(whole.stderr).toContain('40 points × 6 seeds (sobol: 8 Saltelli samples, seed 5)');
    const result = JSON.parse(await readFile(folder.path('indices.json'), 'utf8'));
    expect(result).toMatchObject({ method: 'sobol', parameters: ['convenor.attendanceCost', 'seed', 'convenor.deadline'], points: 40, seeds: 6 });
    for (const i of result.indices) {
      expect(i.sobol.first.low).toBeLessThanOrEqual(i.sobol.first.value);
      expect(i.sobol.first.high).toBeGreaterThanOrEqual(i.sobol.first.value);
      if (i.parameter === 'seed') expect([i.sobol.first.value, i.sobol.total.value]).toEqual([0, 0]);
    }
    for (const k of [0, 1]) {
      const part = await cli(['sensitivity', 'experiment.yaml', '--method', 'sobol', '--shard', `${k}/2`, '--rows', `part-${k}.csv`], here());
      expect(part.code, part.stderr).toBe(0);
      expect(part.stderr).toContain(`shard ${k}/2 of the sobol design`);
    }
    // A shard's rows are reproduced from their manifest too, though its command wrote no --out.
    const shard = await cli(['reproduce', 'part-1.csv'], here());
    expect(shard.code, shard.stderr).toBe(0);
    const merged = await cli(['merge', 'part-0.csv', 'part-1.csv', '--out', 'merged.csv'], here());
    expect(merged.code, merged.stderr).toBe(0);
    const again = await cli(['sensitivity', 'experiment.yaml', '--method', 'sobol', '--from-rows', 'merged.csv', '--out', 'again.json'], here());
    expect(again.code, again.stderr).toBe(0);
    expect(await readFile(folder.path('again.json'), 'utf8')).toBe(await readFile(folder.path('indices.json'), 'utf8'));
  });

  it('refuses what it cannot do, naming the option or field', async () => {
    const cases: [string[], RegExp][] = [
      [['--method', 'fast', '--out', 'x.csv'], /--method fast: expected morris or sobol/],
      [['--method', 'sobol', '--out', 'x.txt'], /--out x\.txt: expected a name ending \.csv or \.json/],
      [['--method', 'sobol', '--shard', '0/2', '--out', 'x.csv'], /--shard writes only the rows/],
      [['--method', 'sobol', '--from-rows', 'part-0.csv', '--out', 'x.csv'], /part-0\.csv: point \d+ has \d+ runs, expected 6/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(['sensitivity', 'experiment.yaml', ...args], here());
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    await writeFile(folder.path('words.yaml'), 'experiment: 1\nscenario: reference.yaml\nseeds: 2\nparameters:\n  convenor.rule.type: [rough-consensus, unanimity]\n');
    const r = await cli(['sensitivity', 'words.yaml', '--method', 'morris', '--out', 'w.csv'], here());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('parameters.convenor.rule.type: a sensitivity analysis needs numbers');
  });
});
