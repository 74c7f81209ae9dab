/**
 * `convene discover`: PRIM over a sweep's rows. The rows here are written by the test in a sweep's
 * exact layout, with the outcome placed by a known rule, so the box to find is known by hand.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../analysis/index.ts';
import { cli, useTempFolder } from './harness.ts';

const folder = useTempFolder('discover');
const here = () => ({ cwd: folder.dir });

/**
 * An 11 × 11 grid of threshold 0.5 … 1.0 (step 0.05) and implementers' share 0 … 0.5 (step 0.05),
 * 4 runs a point: tyranny of the minority exactly when the threshold is at least 0.8 and the
 * share at most 0.2 (5 × 5 of the 121 points), rough consensus otherwise.
 */
function rows(format: 'csv' | 'jsonl'): string {
  const lines: string[] = format === 'csv' ? [['point', 'convenor.rule.threshold', 'implementers', ...CSV_COLUMNS].join(',')] : [];
  let point = 0;
  for (let i = 0; i <= 10; i++) {
    for (let j = 0; j <= 10; j++, point++) {
      const [threshold, share] = [Number((0.5 + i * 0.05).toFixed(2)), Number((j * 0.05).toFixed(2))];
      const outcome = threshold >= 0.8 && share <= 0.2 ? 'tyranny-of-the-minority' : 'rough-consensus';
      for (let seed = 1; seed <= 4; seed++) {
        if (format === 'jsonl') {
          lines.push(JSON.stringify({ point, parameters: { 'convenor.rule.threshold': threshold, implementers: share, label: 'x' }, seed, outcome }));
        } else {
          const run = CSV_COLUMNS.map((c) => (c === 'seed' ? seed : c === 'outcome' ? outcome : 0));
          lines.push([point, threshold, share, ...run].join(','));
        }
      }
    }
  }
  return lines.join('\n') + '\n';
}

describe('convene discover', () => {
  it('finds the known box in a sweep\'s CSV rows and says it in words', async () => {
    await writeFile(folder.path('sweep.csv'), rows('csv'));
    const r = await cli(['discover', 'sweep.csv', '--outcome', 'tyranny-of-the-minority', '--out', 'box.json'], here());
    expect(r.code, r.stderr).toBe(0);
    // 25 of 121 points: 100 of 484 runs, 21% overall.
    expect(r.stdout).toContain('484 runs, 100 of them tyranny of the minority (21%)');
    expect(r.stdout).toContain(
      'Tyranny of the minority happens in 100% of runs when convenor.rule.threshold is at least 0.8 and implementers is at most 0.2 (against 21% overall); these runs are 100% of all tyranny of the minority runs.',
    );
    expect(r.stdout).toContain('step  coverage  density    mass  box\n   0      100%      21%    100%  all runs\n');
    const box = JSON.parse(await readFile(folder.path('box.json'), 'utf8'));
    expect(box.trajectory[box.chosen]).toMatchObject({ density: 1, coverage: 1, limits: [{ low: 0.8, high: 1 }, { low: 0, high: 0.2 }] });
  });

  it('reads JSONL rows, leaving out a parameter that is not a number', async () => {
    await writeFile(folder.path('sweep.jsonl'), rows('jsonl'));
    const r = await cli(['discover', 'sweep.jsonl', '--outcome', 'tyranny-of-the-minority'], here());
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('left out (not numbers): label');
    expect(r.stdout).toContain('when convenor.rule.threshold is at least 0.8 and implementers is at most 0.2');
  });

  it('refuses an unknown outcome, an outcome that never happened, and rows that are not a sweep\'s', async () => {
    const cases: [string[], string][] = [
      [['sweep.csv', '--outcome', 'tyranny'], '--outcome tyranny: expected one of rough-consensus'],
      [['sweep.csv', '--outcome', 'collapse'], 'sweep.csv: no run ended in collapse'],
      [['sweep.csv', '--outcome', 'collapse', '--min-coverage', '2'], '--min-coverage 2: expected a number between 0 and 1'],
      [['missing.csv', '--outcome', 'collapse'], 'missing.csv: no such file'],
    ];
    for (const [args, message] of cases) {
      const r = await cli(['discover', ...args], here());
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
    }
    await writeFile(folder.path('batch.csv'), `${CSV_COLUMNS.join(',')}\n`);
    const r = await cli(['discover', 'batch.csv', '--outcome', 'collapse'], here());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("batch.csv: not a sweep's rows");
  });
});
