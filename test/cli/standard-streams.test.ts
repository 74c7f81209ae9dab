/**
 * Unix habits: a scenario named `-` is read from standard input, `--out -` writes to standard
 * output, and the help and the errors name what is required, arguments first.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { cli, ROOT, SMALL, SMALL_JSON, spawnCli, useTempFolder } from './harness.ts';

const folder = useTempFolder('streams');
const stdinOf = (text: string) => Readable.from([Buffer.from(text, 'utf8')]);

describe('a scenario named -', () => {
  it('is read from standard input, YAML or JSON, and runs as the file does', async () => {
    const yaml = await readFile(SMALL, 'utf8');
    const fromFile = await cli(['run', SMALL, '--seed', '5', '--json']);
    const fromStdin = await cli(['run', '-', '--seed', '5', '--json'], { stdin: stdinOf(yaml) });
    expect(fromStdin.code, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout).toBe(fromFile.stdout);

    const json = await cli(['run', '-', '--seed', '5', '--json'], { stdin: stdinOf(await readFile(SMALL_JSON, 'utf8')) });
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).outcome).toBe(JSON.parse((await cli(['run', SMALL_JSON, '--seed', '5', '--json'])).stdout).outcome);
  });

  it('is named <stdin> in errors, with line and column', async () => {
    const r = await cli(['validate', '-'], { stdin: stdinOf('name: ok\nstakeholders: [\n') });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^<stdin>:\d+:\d+: /);
  });

  it('is refused over 5 MB, counted as it arrives', async () => {
    // Six chunks of 1 MB: the sixth passes 5,000,000 bytes.
    const chunks = Array.from({ length: 6 }, () => Buffer.alloc(1_000_000, 0x23));
    const r = await cli(['validate', '-'], { stdin: Readable.from(chunks) });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^<stdin>: the input is too large: over 5000000 bytes/);
  });

  it('works in a pipe with the built command', async () => {
    const r = spawnSync(process.execPath, ['bin/convene.js', 'batch', '-', '--runs', '3', '--seed-start', '8', '--out', '-'], {
      cwd: ROOT,
      input: await readFile(SMALL, 'utf8'),
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(spawnCli(['batch', SMALL, '--runs', '3', '--seed-start', '8']).stdout);
  });
});

describe('--out -', () => {
  it('batch writes the rows to standard output, as without --out', async () => {
    const dash = await cli(['batch', SMALL, '--runs', '4', '--workers', '1', '--out', '-']);
    expect(dash.code, dash.stderr).toBe(0);
    expect(dash.stdout).toBe((await cli(['batch', SMALL, '--runs', '4', '--workers', '1'])).stdout);
    expect((await cli(['batch', SMALL, '--runs', '4', '--out', '-', '--resume'])).stderr).toMatch(/--resume needs --out/);
  });

  it('merge writes the joined file to standard output, in the shards\' format', async () => {
    const parts = [0, 1].map((i) => folder.path(`part${i}.jsonl`));
    for (const [i, part] of parts.entries()) expect((await cli(['batch', SMALL, '--runs', '6', '--workers', '1', '--shard', `${i}/2`, '--out', part])).code).toBe(0);
    const whole = folder.path('whole.jsonl');
    expect((await cli(['batch', SMALL, '--runs', '6', '--workers', '1', '--out', whole])).code).toBe(0);
    const merged = await cli(['merge', parts[1], parts[0], '--out', '-']);
    expect(merged.code, merged.stderr).toBe(0);
    expect(merged.stdout).toBe(await readFile(whole, 'utf8'));
    expect(merged.stderr).toContain('written to standard output');
  });

  it('report writes the HTML page to standard output', async () => {
    const rows = folder.path('rows.csv');
    expect((await cli(['batch', SMALL, '--runs', '5', '--workers', '1', '--out', rows])).code).toBe(0);
    const r = await cli(['report', rows, '--out', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<!doctype html>/);
    expect(r.stdout.trimEnd()).toMatch(/<\/html>$/);
  });

  it('sweep streams its rows and needs the summary named', async () => {
    const experiment = folder.path('grid.yaml');
    await writeFile(experiment, `experiment: 1\nscenario: ${SMALL}\nseeds: 2\nseedStart: 10\nparameters:\n  convenor.deadline: [20, 40]\n`);
    const unnamed = await cli(['sweep', experiment, '--out', '-']);
    expect(unnamed.code).toBe(2);
    expect(unnamed.stderr).toMatch(/--out -: .*--summary FILE\.csv/);

    const toFile = await cli(['sweep', experiment, '--workers', '1', '--out', folder.path('grid.csv')]);
    expect(toFile.code, toFile.stderr).toBe(0);
    const streamed = await cli(['sweep', experiment, '--workers', '1', '--out', '-', '--summary', folder.path('streamed.summary.csv')]);
    expect(streamed.code, streamed.stderr).toBe(0);
    expect(streamed.stdout).toBe(await readFile(folder.path('grid.csv'), 'utf8'));
    expect(await readFile(folder.path('streamed.summary.csv'), 'utf8')).toBe(await readFile(folder.path('grid.summary.csv'), 'utf8'));
  });
});

describe('what is required', () => {
  it('the help marks required options', async () => {
    for (const [command, option] of [['batch', '--runs <N>'], ['merge', '--out <FILE>'], ['sweep', '--out <FILE>'], ['report', '--out <FILE>']]) {
      const help = (await cli([command, '--help'])).stdout;
      const at = help.indexOf(`  ${option}`);
      expect(at, command).toBeGreaterThan(0);
      // The option's own entry: up to the next line that starts an option.
      const entry = help.slice(at, help.indexOf('\n  -', at + 1));
      expect(entry.replace(/\s+/g, ' '), command).toContain('(required)');
    }
    expect((await cli(['batch', '--help'])).stdout).not.toMatch(/--seed-start[^\n]*\(required\)/);
  });

  it.each([
    [['report'], /missing required argument 'RESULTS'/],
    [['merge'], /missing required argument 'SHARD'/],
    [['batch'], /missing required argument 'FILE'/],
    [['report', 'rows.csv'], /required option '--out <FILE>' not specified/],
    [['batch', 'x.yaml'], /required option '--runs <N>' not specified/],
  ])('%j names what is missing, arguments first, exit 2', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});
