/**
 * `--resume` never starts over silently and never mixes: a partial file without its description
 * is refused, a garbled last row is cut off like a torn one (a garbled row before it is refused),
 * a refusal says what differs, and a second command writing the same --out is refused while the
 * first runs (a lock beside the partial file). A worker killed twice by the same chunk stops the
 * batch with its seeds named and the rows before them kept for --resume.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, readFile, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, interruptWhenWritten, ROOT, spawnCli, useTempFolder } from './harness.ts';

const folder = useTempFolder('resume-safety');
const REFERENCE = join(ROOT, 'scenarios/reference.yaml');
/** The batch of this file: 3,000 runs unless `extra` gives --runs. */
const args = (out: string, ...extra: string[]) => ['batch', REFERENCE, '--workers', '2', '--out', out, ...extra, ...(extra.includes('--runs') ? [] : ['--runs', '3000'])];

/** A batch killed part-way: its partial file and description are there. */
async function interrupted(name: string): Promise<string> {
  const out = folder.path(name);
  await interruptWhenWritten(args(out), `${out}.partial`, 'SIGKILL', 4000);
  return out;
}

describe('convene batch --resume', () => {
  it('refuses a partial file without its description, and leaves it as it was', async () => {
    const out = await interrupted('bare.csv');
    await unlink(`${out}.partial.json`);
    const before = await readFile(`${out}.partial`, 'utf8');
    const r = await cli(args(out, '--resume'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bare.csv.partial has no description beside it (');
    expect(await readFile(`${out}.partial`, 'utf8')).toBe(before);
  }, 60_000);

  it('cuts a garbled last row off like a torn one, and ends identical to an uninterrupted batch', async () => {
    const whole = folder.path('whole.csv');
    expect(spawnCli(args(whole)).code).toBe(0);
    const out = await interrupted('garbled-last.csv');
    // Complete lines, but not rows: the last one garbled.
    await appendFile(`${out}.partial`, 'rough-consensus,\u0000\u0000\n');
    const r = spawnCli(args(out, '--resume'));
    expect(r.code, r.stderr).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(await readFile(whole, 'utf8'));
  }, 60_000);

  it('refuses a garbled row before the last, naming its line, and leaves the file as it was', async () => {
    const out = await interrupted('garbled-middle.csv');
    const lines = (await readFile(`${out}.partial`, 'utf8')).split('\n');
    lines[3] = 'this is not a row';
    await writeFile(`${out}.partial`, lines.join('\n'));
    const before = await readFile(`${out}.partial`, 'utf8');
    const r = await cli(args(out, '--resume'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('garbled-middle.csv.partial: line 4 is not the row expected there');
    expect(await readFile(`${out}.partial`, 'utf8')).toBe(before);
  }, 60_000);

  it('says which of runs, seed start, overrides or shard differ', async () => {
    const out = await interrupted('differs.csv');
    const refusal = async (...changed: string[]) => {
      const r = await cli(args(out, ...changed, '--resume'));
      expect(r.code).toBe(2);
      return r.stderr;
    };
    expect(await refusal('--runs', '3001')).toContain('runs (--runs) differs (3000 there, 3001 here)');
    expect(await refusal('--seed-start', '5')).toMatch(/seed start \(--seed-start\) differs \(\d+ there, 5 here\)/);
    const overridden = await refusal('--set', 'convenor.deadline=90');
    expect(overridden).toContain('overrides (--set) differs (none there, convenor.deadline=90 here)');
    expect(overridden).not.toContain('scenario differs');
    expect(await refusal('--shard', '0/2')).toContain('shard (--shard) differs (none there, 0/2 here)');
  }, 60_000);
});

describe('two commands writing the same --out', () => {
  it('refuses the second while the first runs, and takes over the lock of one that was killed', async () => {
    const out = folder.path('locked.csv');
    const child = spawn(process.execPath, ['bin/convene.js', ...args(out, '--runs', '40000')], { cwd: ROOT, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    while (!existsSync(`${out}.partial.lock`)) await new Promise((r) => setTimeout(r, 10));
    const second = await cli(args(out));
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`another convene (process ${child.pid} on `);
    const alsoResume = await cli(args(out, '--resume'));
    expect(alsoResume.code).toBe(2);
    child.kill('SIGKILL');
    await exited;
    // Killed with -9, it left its lock; its process no longer runs, so the lock is taken over.
    expect(existsSync(`${out}.partial.lock`)).toBe(true);
    const after = await cli(args(out, '--runs', '20'));
    expect(after.code, after.stderr).toBe(0);
    expect(existsSync(`${out}.partial.lock`)).toBe(false);
  }, 60_000);
});

describe('an orphan temporary file', () => {
  it('left by a killed process during the summary\'s rename is removed by the next write of that file', async () => {
    const experiment = folder.path('exp.yaml');
    await writeFile(experiment, `experiment: 1\nscenario: ${REFERENCE}\nseeds: 2\nparameters:\n  convenor.attendanceCost: [1, 2]\n`);
    const summary = folder.path('exp.summary.csv');
    // A process that ran and ended: its pid no longer runs.
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((resolve) => gone.once('exit', resolve));
    const orphan = folder.path(`.exp.summary.csv.${gone.pid}-0123abcd.tmp`);
    const live = folder.path(`.exp.summary.csv.${process.pid}-4567cdef.tmp`);
    for (const f of [orphan, live]) {
      await writeFile(f, 'point,runs\n');
      const old = new Date(Date.now() - 3_600_000);
      await utimes(f, old, old);
    }
    const r = await cli(['sweep', experiment, '--workers', '1', '--out', folder.path('exp.csv')]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(orphan)).toBe(false);
    // A writer still running keeps its file.
    expect((await stat(live)).isFile()).toBe(true);
    await unlink(live);
  }, 60_000);
});
