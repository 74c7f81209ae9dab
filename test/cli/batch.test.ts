import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario, type RunResult } from '../../sim/index.ts';
import { CSV_COLUMNS } from '../../analysis/index.ts';
import { readScenario, runBatch } from '../../batch/index.ts';
import { useTempFolder, cli, INVALID, PRIVACY, ROOT, SMALL } from './harness.ts';

const folder = useTempFolder('batch');

async function runOutput(seed: number, extra: string[] = []): Promise<string> {
  const r = await cli(['run', PRIVACY, '--json', '--seed', String(seed), ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

function parseCsv(text: string): Record<string, string>[] {
  const [header, ...rows] = text.trimEnd().split('\n');
  expect(header).toBe(CSV_COLUMNS.join(','));
  return rows.map((row) => {
    expect(row).not.toContain('"');
    const cells = row.split(',');
    expect(cells).toHaveLength(CSV_COLUMNS.length);
    return Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, cells[i]]));
  });
}

/** The CSV cells a result must give, compared as text so full precision is checked. */
function expectRowMatches(row: Record<string, string>, r: RunResult) {
  const cell = (v: number | null) => (v === null ? '' : String(v));
  expect(row.seed).toBe(String(r.seed));
  expect(row.outcome).toBe(r.outcome);
  expect(row.end).toBe(r.end);
  expect(row.rounds).toBe(String(r.rounds));
  expect(row.support).toBe(cell(r.support));
  expect(row.bestSupport).toBe(cell(r.bestSupport.support));
  expect(row.blockedRounds).toBe(String(r.blockedRounds));
  expect(row.participation).toBe(cell(r.participation));
  expect(row.inclusion).toBe(cell(r.inclusion));
  expect(row.legitimacy).toBe(cell(r.legitimacy));
  expect(row.openItems).toBe(String(r.openItems));
  expect(row.flags).toBe(r.flags.join(';'));
  // Read back, the numbers are the same doubles.
  expect(Number(row.support)).toBe(r.support);
  if (r.legitimacy !== null) expect(Number(row.legitimacy)).toBe(r.legitimacy);
}

describe('convene batch', () => {
  it('writes CSV to standard output, one row per run in seed order, each equal to `run --seed`', async () => {
    const r = await cli(['batch', PRIVACY, '--runs', '12', '--seed-start', '40']);
    expect(r.code, r.stderr).toBe(0);
    const rows = parseCsv(r.stdout);
    expect(rows.map((row) => Number(row.seed))).toEqual(Array.from({ length: 12 }, (_, k) => 40 + k));
    for (let k = 0; k < rows.length; k++) expectRowMatches(rows[k], JSON.parse(await runOutput(40 + k)));
  });

  it('starts from the scenario seed when --seed-start is left out', async () => {
    const r = await cli(['batch', PRIVACY, '--runs', '3']);
    expect(parseCsv(r.stdout).map((row) => row.seed)).toEqual(['7', '8', '9']);
  });

  it('writes JSONL whose line k is exactly `run --json --seed (S + k)`', async () => {
    const out = folder.path('rows.jsonl');
    const r = await cli(['batch', PRIVACY, '--runs', '10', '--seed-start', '100', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const lines = (await readFile(out, 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(10);
    for (let k = 0; k < lines.length; k++) expect(lines[k] + '\n').toBe(await runOutput(100 + k));
  });

  it('writes CSV to an --out file, equal to the CSV on standard output', async () => {
    const out = folder.path('rows.csv');
    const toFile = await cli(['batch', SMALL, '--runs', '8', '--out', out]);
    const toStdout = await cli(['batch', SMALL, '--runs', '8']);
    expect(toFile.code).toBe(0);
    expect(toFile.stdout).toBe('');
    expect(await readFile(out, 'utf8')).toBe(toStdout.stdout);
  });

  it('applies --set to every run, like `run --set`', async () => {
    const set = ['--set', 'convenor.deadline=4', '--set', 'convenor.declareFailure.allowed=false'];
    const r = await cli(['batch', PRIVACY, '--runs', '5', '--seed-start', '20', ...set]);
    const rows = parseCsv(r.stdout);
    for (let k = 0; k < rows.length; k++) {
      expect(Number(rows[k].rounds)).toBeLessThanOrEqual(4);
      expectRowMatches(rows[k], JSON.parse(await runOutput(20 + k, set)));
    }
  });

  it('prints the summary on standard error: counts, shares, Wilson intervals, medians', async () => {
    const r = await cli(['batch', PRIVACY, '--runs', '30']);
    const rows = parseCsv(r.stdout);
    expect(r.stderr).toMatch(/30 runs \(seeds 7 to 36\)/);
    for (const outcome of new Set(rows.map((row) => row.outcome))) {
      const count = rows.filter((row) => row.outcome === outcome).length;
      const share = ((count / 30) * 100).toFixed(1);
      expect(r.stderr).toMatch(new RegExp(`^${outcome}\\s+${count}\\s+${share}%\\s+\\[\\d+\\.\\d%, \\d+\\.\\d%\\]$`, 'm'));
    }
    expect(r.stderr).toMatch(/^median rounds: \d+(\.5)?$/m);
    expect(r.stderr).toMatch(/^median legitimacy: (\d\.\d{3} \(over|none)/m);
    expect(r.stdout).not.toMatch(/median/);
  });

  it('accepts --workers', async () => {
    const one = await cli(['batch', SMALL, '--runs', '4', '--workers', '1']);
    const four = await cli(['batch', SMALL, '--runs', '4', '--workers', '4']);
    expect(four.code).toBe(0);
    expect(four.stdout).toBe(one.stdout);
  });
});

describe('convene batch --out is written whole or not at all', () => {
  const goodText = 'seed,outcome\n1,a good old file\n';

  it('leaves an existing file untouched when the scenario is invalid', async () => {
    const out = folder.path('keep.csv');
    await writeFile(out, goodText);
    const r = await cli(['batch', INVALID, '--runs', '5', '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(await readFile(out, 'utf8')).toBe(goodText);
  });

  it('leaves an existing file untouched when an override is bad', async () => {
    const out = folder.path('keep.jsonl');
    await writeFile(out, goodText);
    const r = await cli(['batch', SMALL, '--runs', '5', '--out', out, '--set', 'convenor.deadline=soon']);
    expect(r.code).toBe(2);
    expect(await readFile(out, 'utf8')).toBe(goodText);
  });

  it('creates no file when the arguments are bad', async () => {
    const sub = await mkdtemp(folder.path('bad-args-'));
    for (const args of [
      ['--runs', '0', '--out', join(sub, 'a.csv')],
      ['--runs', '2', '--out', join(sub, 'a.tsv')],
      ['--runs', '2', '--seed-start', '4294967295', '--out', join(sub, 'a.csv')],
      ['--runs', '2', '--out', join(sub, 'missing-folder', 'a.csv')],
    ]) {
      const r = await cli(['batch', SMALL, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
    }
    const aFolder = join(sub, 'folder.csv');
    await (await import('node:fs/promises')).mkdir(aFolder);
    expect((await cli(['batch', SMALL, '--runs', '2', '--out', aFolder])).code).toBe(2);
    expect(await readdir(sub)).toEqual(['folder.csv']);
  });

  it('replaces an existing file with the complete new one, leaving no temporary file', async () => {
    const sub = await mkdtemp(folder.path('replace-'));
    const out = join(sub, 'rows.csv');
    await writeFile(out, goodText);
    const r = await cli(['batch', SMALL, '--runs', '6', '--out', out]);
    expect(r.code).toBe(0);
    expect((await readFile(out, 'utf8')).split('\n')).toHaveLength(8);
    // The rows and their manifest, nothing else (no .partial, no lock, no temporary file).
    expect((await readdir(sub)).sort()).toEqual(['rows.csv', 'rows.csv.manifest.json']);
  });

  it('resolves a relative --out against the working directory', async () => {
    const r = await cli(['batch', SMALL, '--runs', '2', '--out', 'rel.csv'], { cwd: folder.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('written to rel.csv');
    expect((await readFile(folder.path('rel.csv'), 'utf8')).split('\n')).toHaveLength(4);
  });
});

describe('runBatch', () => {
  it('hands over results in seed order, identical to single runs with the record kept', async () => {
    const { scenario } = await readScenario(PRIVACY, { cwd: ROOT });
    const seen: RunResult[] = [];
    const indices: number[] = [];
    await runBatch(scenario, {
      runs: 12,
      seedStart: 3,
      onResult: (r, k) => {
        seen.push(r);
        indices.push(k);
      },
    });
    expect(indices).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(seen.map((r) => r.seed)).toEqual(indices.map((k) => 3 + k));
    for (let k = 0; k < 12; k++) {
      // Batches run with record: false; a run that keeps its record gives the same result.
      const recorded = runScenario(scenario, { seed: 3 + k, record: true });
      expect(JSON.stringify(seen[k])).toBe(JSON.stringify(recorded));
    }
  });

  it('checkpoints in chunks of up to 200 runs, fewer the more stakeholders a run has', async () => {
    const { scenario } = await readScenario(SMALL, { cwd: ROOT });
    const chunks = async (stakeholders: number, runs: number) => {
      const grown = structuredClone(scenario);
      const group = grown.stakeholders.find((e) => 'generate' in e)!;
      (group as { generate: number }).generate += stakeholders - 5;
      const done: number[] = [];
      await runBatch(grown, { runs, seedStart: 1, onProgress: (n) => void done.push(n) });
      return done;
    };
    // Small runs: 200 at a time (no fewer than a few chunks per worker would allow).
    expect((await chunks(5, 4000)).slice(0, 3)).toEqual([200, 400, 600]);
    // 600 stakeholders: 6,000 / 600 = 10 runs a chunk, so a chunk still takes tens of milliseconds.
    const big = await chunks(600, 160);
    expect(big).toHaveLength(16);
    expect(big.slice(0, 3)).toEqual([10, 20, 30]);
  });
});
