/** `convene sweep`: experiments over a grid or a Latin hypercube, long-format rows and a summary per point. */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperiment } from '../../cli/experiment-load.ts';
import { designPoints, parameterValues } from '../../cli/sweep-design.ts';
import { OUTCOMES } from '../../sim/index.ts';
import { useTempFolder, cli, ROOT, SMALL } from './harness.ts';

const folder = useTempFolder('sweep');

async function experimentFile(name: string, text: string): Promise<string> {
  const path = folder.path(name);
  await writeFile(path, text);
  return path;
}

const GRID = (base: string) => `experiment: 1
scenario: ${base}
seeds: 3
seedStart: 10
parameters:
  convenor.deadline: [20, 40]
  convenor.attendanceCost: {from: 0, to: 1, step: 0.5}
`;

function load(text: string) {
  const r = loadExperiment(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.experiment;
}

describe('the points of an experiment', () => {
  it('a grid varies the first parameter slowest; ranges include both ends', () => {
    const e = load(GRID('x.yaml'));
    expect(designPoints(e)).toEqual([
      [20, 0], [20, 0.5], [20, 1],
      [40, 0], [40, 0.5], [40, 1],
    ]);
    expect(parameterValues({ from: 0.1, to: 0.3, step: 0.1 })).toEqual([0.1, 0.2, 0.3]);
    expect(parameterValues({ from: 1, to: 2, count: 5 })).toEqual([1, 1.25, 1.5, 1.75, 2]);
  });

  it('a Latin hypercube uses each stratum of each parameter once, the same points for the same seed', () => {
    const text = `experiment: 1
scenario: x.yaml
seeds: 1
design: {latin-hypercube: {samples: 8, seed: 3}}
parameters:
  convenor.attendanceCost: {from: 0, to: 4}
  convenor.rule.threshold: {from: 0.6, to: 1}
`;
    const points = designPoints(load(text));
    expect(points).toHaveLength(8);
    const strata = (i: number, from: number, to: number) => points.map((p) => Math.floor(((p[i] as number) - from) / ((to - from) / 8))).sort();
    expect(strata(0, 0, 4)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(strata(1, 0.6, 1)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(designPoints(load(text))).toEqual(points);
    expect(designPoints(load(text.replace('seed: 3', 'seed: 4')))).not.toEqual(points);
  });
});

describe('experiment file errors', () => {
  it('names the field, its line and column, and suggests the intended name', () => {
    const r = loadExperiment('experiment: 1\nscenario: a.yaml\nseeds: 3\nparamters:\n  convenor.deadline: [1]\n');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContainEqual(expect.objectContaining({ path: 'paramters', line: 4, column: 1, message: expect.stringContaining('did you mean parameters?') }));
  });

  it('rejects a grid range without step or count, and a bad seeds value, at their places', () => {
    let r = loadExperiment('experiment: 1\nscenario: a.yaml\nseeds: 3\nparameters:\n  convenor.deadline: {from: 1, to: 5}\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ line: 5, column: 22, message: expect.stringContaining('needs step or count') });
    r = loadExperiment('experiment: 1\nscenario: a.yaml\nseeds: -3\nparameters:\n  convenor.deadline: [1]\n');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'seeds', line: 3, column: 8 });
  });

  it('exits 2 with the point and the scenario error when a value is invalid for the scenario', async () => {
    const file = await experimentFile('bad-value.yaml', GRID(SMALL).replace('[20, 40]', '[20, -5]'));
    const r = await cli(['sweep', file, '--out', folder.path('bad.csv')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/point 3 \(convenor\.deadline=-5, convenor\.attendanceCost=0\): --set convenor\.deadline=-5: convenor\.deadline: /);
    expect(await readdir(folder.dir)).not.toContain('bad.csv');
  });

  it('exits 2 with line:column for a YAML syntax error', async () => {
    const file = await experimentFile('syntax.yaml', 'experiment: 1\nscenario: [a\n');
    const r = await cli(['sweep', file, '--out', folder.path('x.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/syntax\.yaml:\d+:\d+: YAML syntax error/);
  });
});

describe('convene sweep', () => {
  it('writes one row per run with a column per parameter, each row equal to a batch with --set', async () => {
    const file = await experimentFile('grid.yaml', GRID(SMALL));
    const out = folder.path('grid.csv');
    const r = await cli(['sweep', file, '--out', out, '--workers', '2']);
    expect(r.code, r.stderr).toBe(0);
    const lines = (await readFile(out, 'utf8')).trimEnd().split('\n');
    expect(lines[0]).toBe('point,convenor.deadline,convenor.attendanceCost,seed,outcome,end,rounds,support,bestSupport,blockedRounds,participation,inclusion,legitimacy,openItems,flags,capture,exclusion,collateral_attack,declined,walked_out');
    expect(lines).toHaveLength(1 + 6 * 3);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(
      [[20, 0], [20, 0.5], [20, 1], [40, 0], [40, 0.5], [40, 1]].flatMap(([d, c], p) => [10, 11, 12].map((s) => `${p},${d},${c},${s}`)),
    );
    const batch = await cli(['batch', SMALL, '--runs', '3', '--seed-start', '10', '--workers', '1', '--set', 'convenor.deadline=40', '--set', 'convenor.attendanceCost=0.5']);
    const batchRows = batch.stdout.trimEnd().split('\n').slice(1);
    expect(lines.slice(1 + 4 * 3, 1 + 5 * 3).map((l) => l.split(',').slice(3).join(','))).toEqual(batchRows);

    const summary = (await readFile(folder.path('grid.summary.csv'), 'utf8')).trimEnd().split('\n');
    expect(summary).toHaveLength(1 + 6);
    const header = summary[0].split(',');
    // Names R's read.csv keeps: letters, digits and _ (it would turn - and [ ] into dots).
    expect(header.slice(0, 4)).toEqual(['point', 'convenor_deadline', 'convenor_attendanceCost', 'runs']);
    const rName = (o: string) => o.replace(/-/g, '_');
    for (const o of OUTCOMES) expect(header).toEqual(expect.arrayContaining([rName(o), `${rName(o)}_low`, `${rName(o)}_high`]));
    expect(header.slice(-2)).toEqual(['median_rounds', 'median_legitimacy']);
    for (const h of header) expect(h).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    const row = Object.fromEntries(header.map((h, i) => [h, summary[5].split(',')[i]]));
    expect(row.runs).toBe('3');
    const shares = OUTCOMES.reduce((sum, o) => sum + Number(row[rName(o)]), 0);
    expect(shares).toBeCloseTo(1, 12);
  });

  it('writes the same files with 1 and 3 workers, CSV and JSONL', async () => {
    const file = await experimentFile('same.yaml', GRID(SMALL));
    for (const ext of ['csv', 'jsonl']) {
      const texts: string[] = [];
      for (const w of ['1', '3']) {
        const out = folder.path(`same-${w}.${ext}`);
        const r = await cli(['sweep', file, '--out', out, '--workers', w]);
        expect(r.code, r.stderr).toBe(0);
        texts.push((await readFile(out, 'utf8')) + (await readFile(folder.path(`same-${w}.summary.csv`), 'utf8')));
      }
      expect(texts[1]).toBe(texts[0]);
    }
    const first = JSON.parse((await readFile(folder.path('same-1.jsonl'), 'utf8')).split('\n')[0]);
    expect(first).toMatchObject({ point: 0, parameters: { 'convenor.deadline': 20, 'convenor.attendanceCost': 0 }, seed: 10 });
  });

  it('runs the bundled example experiment', async () => {
    const out = folder.path('example.csv');
    const small = await experimentFile(
      'example.yaml',
      (await readFile(join(ROOT, 'scenarios/experiments/attendance-cost-and-threshold.yaml'), 'utf8'))
        .replace('seeds: 40', 'seeds: 2')
        .replace('../reference.yaml', join(ROOT, 'scenarios/reference.yaml')),
    );
    const r = await cli(['sweep', small, '--out', out, '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect((await readFile(out, 'utf8')).trimEnd().split('\n')).toHaveLength(1 + 9 * 2);
  });
});
