/**
 * `convene merge` joins only a whole, consistent set of shards: each shard's manifest says what it
 * is, and every way a set can be incomplete or mixed is refused with exit 2, naming the file and
 * what is wrong, and writing nothing.
 *
 * The set: a batch of 9 runs from seed 3 in 3 shards, so shard 0 holds seeds 3-5, shard 1 seeds
 * 6-8, shard 2 seeds 9-11 (cli/shard.ts: blocks [0,3), [3,6), [6,9)).
 */
import { copyFile, readFile, rm, truncate, unlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempFolder, cli, PRIVACY, ROOT, SMALL } from './harness.ts';

const folder = useTempFolder('merge-refusals');

const batch = (out: string, shard: string, ...extra: string[]) =>
  cli(['batch', PRIVACY, '--runs', '9', '--seed-start', '3', '--workers', '1', '--shard', shard, '--out', out, ...extra]);

/** The three good shards, as `ext`. */
const good = (ext: string) => [0, 1, 2].map((i) => folder.path(`good${i}.${ext}`));

beforeAll(async () => {
  for (const ext of ['csv', 'jsonl']) {
    for (const [i, path] of good(ext).entries()) expect((await batch(path, `${i}/3`)).code).toBe(0);
  }
});

/** A copy of good shard `i` (with its manifest) to tamper with. */
async function copyOf(i: number, name: string, ext = 'csv'): Promise<string> {
  const path = folder.path(`${name}.${ext}`);
  await copyFile(good(ext)[i], path);
  await copyFile(`${good(ext)[i]}.manifest.json`, `${path}.manifest.json`);
  return path;
}

/** Merges `files`, expecting a refusal naming `file` and saying `why`, and no output. */
async function refused(files: string[], why: string | RegExp, file?: string): Promise<string> {
  const out = folder.path(`merged-${Math.random().toString(36).slice(2)}.csv`);
  const outExt = files[0].endsWith('.jsonl') ? out.replace(/\.csv$/, '.jsonl') : out;
  const r = await cli(['merge', ...files, '--out', outExt]);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toMatch(why);
  if (file) expect(r.stderr).toContain(file);
  expect(r.stderr).not.toMatch(/^\s+at /m);
  expect(existsSync(outExt)).toBe(false);
  expect(existsSync(`${outExt}.manifest.json`)).toBe(false);
  return r.stderr;
}

describe('convene merge refuses', () => {
  it('a missing shard: 0 and 2 of 3', async () => {
    const [a, , c] = good('csv');
    await refused([a, c], /shard 1\/3 is missing/);
  });

  it('a shard that did not finish: only its .partial file is there', async () => {
    const [a, b, c] = good('csv');
    const gone = folder.path('unfinished.csv');
    await copyFile(b, `${gone}.partial`);
    await refused([a, gone, c], /not finished: only .*unfinished\.csv\.partial exists; run its command again with --resume/, 'unfinished.csv');
  });

  it('a doubled shard, by copy or by name', async () => {
    const [a, b, c] = good('csv');
    const twin = await copyOf(1, 'twin');
    await refused([a, b, twin, c], /are both shard 1\/3/, 'twin.csv');
    await refused([a, b, b, c], /given twice/, b);
  });

  it('a gap in the seeds: a row taken out of the middle', async () => {
    const path = await copyOf(1, 'gap');
    const lines = (await readFile(path, 'utf8')).split('\n');
    // Header, seeds 6, 7, 8: without seed 6's row, line 2 holds seed 7.
    await writeFile(path, [lines[0], ...lines.slice(2)].join('\n'));
    const [a, , c] = good('csv');
    await refused([a, path, c], /line 2 holds seed 7 where seed 6 was expected: a gap in the seeds/, 'gap.csv');
  });

  it('shards of different scenarios, overrides, run counts and seed starts', async () => {
    const [a, , c] = good('csv');
    const other = folder.path('other-scenario.csv');
    expect((await cli(['batch', SMALL, '--runs', '9', '--seed-start', '3', '--workers', '1', '--shard', '1/3', '--out', other])).code).toBe(0);
    await refused([a, other, c], /are shards of different scenarios/, 'other-scenario.csv');

    const overridden = folder.path('overridden.csv');
    expect((await batch(overridden, '1/3', '--set', 'convenor.attendanceCost=2')).code).toBe(0);
    await refused([a, overridden, c], /have different overrides \(none and --set convenor.attendanceCost=2\)/, 'overridden.csv');

    const longer = folder.path('longer.csv');
    expect((await cli(['batch', PRIVACY, '--runs', '12', '--seed-start', '3', '--workers', '1', '--shard', '1/3', '--out', longer])).code).toBe(0);
    await refused([a, longer, c], /different run counts \(--runs 9 and 12\)/, 'longer.csv');

    const later = folder.path('later.csv');
    expect((await cli(['batch', PRIVACY, '--runs', '9', '--seed-start', '4', '--workers', '1', '--shard', '1/3', '--out', later])).code).toBe(0);
    await refused([a, later, c], /start at different seeds \(3 and 4\)/, 'later.csv');
  });

  it('shards of different formats, or of different splits', async () => {
    const [a, , c] = good('csv');
    await refused([a, good('jsonl')[1], c], /expected a \.csv file/, 'good1.jsonl');
    const quarter = folder.path('quarter.csv');
    expect((await batch(quarter, '1/4')).code).toBe(0);
    await refused([a, quarter, c], /different splits \(shards of 3 and of 4\)/, 'quarter.csv');
  });

  for (const ext of ['csv', 'jsonl']) {
    it(`a .${ext} shard cut at a line boundary, cut mid-line, empty, or changed`, async () => {
      const [a, , c] = good(ext);
      const rows = ext === 'csv' ? 4 : 3; // lines, a CSV header included
      const text = await readFile(good(ext)[1], 'utf8');
      const lines = text.split('\n').slice(0, rows);

      const short = await copyOf(1, `short-${ext}`, ext);
      await writeFile(short, lines.slice(0, -1).join('\n') + '\n');
      await refused([a, short, c], /has 2 rows, its manifest says 3: the file was cut short/, `short-${ext}.${ext}`);

      const torn = await copyOf(1, `torn-${ext}`, ext);
      await truncate(torn, Buffer.byteLength(text) - 10);
      await refused([a, torn, c], /its last line is cut mid-line after 2 complete rows \(its manifest says 3\)/, `torn-${ext}.${ext}`);

      const empty = await copyOf(1, `empty-${ext}`, ext);
      await truncate(empty, 0);
      await refused([a, empty, c], /is empty, but its manifest says 3 rows/, `empty-${ext}.${ext}`);

      const garbage = await copyOf(1, `garbage-${ext}`, ext);
      await writeFile(garbage, [...lines.slice(0, -1), 'hello, this is not a row', ''].join('\n'));
      const lastLine = rows;
      await refused([a, garbage, c], new RegExp(`line ${lastLine} is not a row`), `garbage-${ext}.${ext}`);

      // A change that keeps every row well formed: only the SHA-256 can tell.
      const changed = await copyOf(1, `changed-${ext}`, ext);
      // A support of 0.5 becomes 0.05: still a number where a number belongs.
      await writeFile(changed, text.replace(/([,:])0\.(\d)/, '$10.0$2'));
      expect(await readFile(changed, 'utf8')).not.toBe(text);
      await refused([a, changed, c], /its bytes differ from the SHA-256 in its manifest/, `changed-${ext}.${ext}`);
    });
  }

  it('a file without a manifest, or one written without --shard', async () => {
    const [a, , c] = good('csv');
    const bare = await copyOf(1, 'bare');
    await unlink(`${bare}.manifest.json`);
    await refused([a, bare, c], /no manifest beside it/, 'bare.csv');
    const whole = folder.path('whole.csv');
    expect((await cli(['batch', PRIVACY, '--runs', '9', '--seed-start', '3', '--workers', '1', '--out', whole])).code).toBe(0);
    await refused([a, whole], /is not a shard/, 'whole.csv');
  });
});

describe('convene merge refuses sweep shards of experiments with different seeds', () => {
  const experiment = (seeds: number) => `experiment: 1
scenario: ${join(ROOT, 'scenarios/reference.yaml')}
seeds: ${seeds}
seedStart: 1
parameters:
  convenor.attendanceCost: [1, 2, 4]
`;

  it('rows and summaries alike', async () => {
    await writeFile(folder.path('four.yaml'), experiment(4));
    await writeFile(folder.path('five.yaml'), experiment(5));
    const run = (exp: string, shard: string, name: string) =>
      cli(['sweep', folder.path(exp), '--workers', '1', '--shard', shard, '--out', folder.path(`${name}.csv`), '--summary', folder.path(`${name}.summary.csv`)]);
    expect((await run('four.yaml', '0/2', 'four0')).code).toBe(0);
    expect((await run('five.yaml', '1/2', 'five1')).code).toBe(0);
    await refused([folder.path('four0.csv'), folder.path('five1.csv')], /come from experiments with different seeds \(4 from seed 1 and 5 from seed 1\)|different experiments/, 'five1.csv');
    await refused([folder.path('four0.summary.csv'), folder.path('five1.summary.csv')], /different seeds|different experiments/, 'five1.summary.csv');
    // Rows and a summary are different things.
    await refused([folder.path('four0.csv'), folder.path('five1.summary.csv')], /hold different things \(a sweep's rows and a sweep's summary\)/);
  });

  it('and joins a whole set: the four-seed sweep in two shards, rows and summary', async () => {
    expect((await cli(['sweep', folder.path('four.yaml'), '--workers', '1', '--shard', '1/2', '--out', folder.path('four1.csv'), '--summary', folder.path('four1.summary.csv')])).code).toBe(0);
    expect((await cli(['sweep', folder.path('four.yaml'), '--workers', '1', '--out', folder.path('fourAll.csv'), '--summary', folder.path('fourAll.summary.csv')])).code).toBe(0);
    for (const [parts, whole] of [
      [['four1.csv', 'four0.csv'], 'fourAll.csv'],
      [['four0.summary.csv', 'four1.summary.csv'], 'fourAll.summary.csv'],
    ] as const) {
      const out = folder.path(`joined-${whole}`);
      const r = await cli(['merge', ...parts.map((p) => folder.path(p)), '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(await readFile(out, 'utf8')).toBe(await readFile(folder.path(whole), 'utf8'));
      // The merged file's manifest is the one-machine file's, but for the command that wrote it.
      const mine = JSON.parse(await readFile(`${out}.manifest.json`, 'utf8'));
      const theirs = JSON.parse(await readFile(`${folder.path(whole)}.manifest.json`, 'utf8'));
      expect({ ...mine, command: [] }).toEqual({ ...theirs, command: [] });
    }
    await rm(folder.path('joined-fourAll.csv'));
  });
});
