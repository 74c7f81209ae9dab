import { describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';
import { capture, cli, INVALID, PRIVACY, ROOT, SMALL, STACK_LINE } from './harness.ts';

describe('convene exit status', () => {
  it('is 0 when a run, a validation or a batch ran', async () => {
    expect((await cli(['run', SMALL])).code).toBe(0);
    expect((await cli(['run', SMALL, '--json'])).code).toBe(0);
    expect((await cli(['validate', SMALL])).code).toBe(0);
    expect((await cli(['batch', SMALL, '--runs', '2'])).code).toBe(0);
  });

  it('is 0 for --help and --version, which print on standard output', async () => {
    for (const args of [['--help'], ['-h'], ['run', '--help'], ['batch', '--help'], ['validate', '--help']]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout).toMatch(/Usage: convene/);
    }
    const version = await cli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  const invalid: [string, string[], RegExp][] = [
    ['no command', [], /Usage: convene/],
    ['an unknown command', ['frobnicate'], /unknown command/],
    ['an unknown option', ['run', SMALL, '--bogus'], /unknown option '--bogus'/],
    ['a missing FILE', ['run'], /missing required argument 'FILE'/],
    ['a second FILE', ['run', SMALL, SMALL], /too many arguments/],
    ['--seed abc', ['run', SMALL, '--seed', 'abc'], /--seed.*'abc' is invalid/],
    ['--seed -1', ['run', SMALL, '--seed', '-1'], /--seed/],
    ['--seed 4294967296', ['run', SMALL, '--seed', '4294967296'], /--seed.*'4294967296' is invalid/],
    ['--seed 1.5', ['run', SMALL, '--seed', '1.5'], /--seed/],
    ['--seed 1e3', ['run', SMALL, '--seed', '1e3'], /--seed/],
    ['a --seed without value', ['run', SMALL, '--seed'], /--seed/],
    ['--runs 0', ['batch', SMALL, '--runs', '0'], /--runs.*'0' is invalid/],
    ['a batch without --runs', ['batch', SMALL], /--runs/],
    ['--workers 0', ['batch', SMALL, '--runs', '2', '--workers', '0'], /--workers/],
    ['--seed-start x', ['batch', SMALL, '--runs', '2', '--seed-start', 'x'], /--seed-start/],
    ['an --out with an unknown extension', ['batch', SMALL, '--runs', '2', '--out', 'rows.txt'], /\.csv or \.jsonl/],
    ['seeds past 2^32 - 1', ['batch', SMALL, '--runs', '2', '--seed-start', '4294967295'], /4294967296/],
    ['a missing file', ['run', 'no-such-file.yaml'], /no-such-file\.yaml: no such file/],
    ['a directory', ['validate', 'test'], /test: is a directory/],
    ['an invalid scenario', ['run', INVALID, '--json'], /invalid\.yaml:\d+:\d+: stakeholders\[0\]\.ideal\[0\]/],
    ['a bad override', ['run', SMALL, '--set', 'convenor.deadline=-3'], /--set convenor\.deadline=-3/],
  ];

  for (const [what, args, message] of invalid) {
    it(`is 2 for ${what}, with the error on standard error and nothing on standard output`, async () => {
      const r = await cli(args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(STACK_LINE);
    });
  }

  it('is 2 for a file over 5 MB, refused before it is read', async () => {
    const { mkdtemp, rm, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'convene-cli-'));
    try {
      const big = join(dir, 'big.yaml');
      await writeFile(big, '#'.repeat(5_000_001));
      const r = await cli(['validate', big]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/too large.*5 MB/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('is 1 for anything else, with one line and no stack trace', async () => {
    const stderr = capture();
    const broken = { write: () => { throw new Error('disk on fire'); } };
    const code = await main(['run', SMALL, '--json'], { stdout: broken, stderr, cwd: ROOT, env: {} });
    expect(code).toBe(1);
    expect(stderr.text()).toBe('convene: disk on fire\n');
  });

  it('prints the stack of an unexpected error when CONVENE_DEBUG=1', async () => {
    const stderr = capture();
    const broken = { write: () => { throw new Error('disk on fire'); } };
    const code = await main(['run', SMALL], { stdout: broken, stderr, cwd: ROOT, env: { CONVENE_DEBUG: '1' } });
    expect(code).toBe(1);
    expect(stderr.text()).toMatch(/^convene: disk on fire\n/);
    expect(stderr.text()).toMatch(STACK_LINE);
  });

  it('reads relative files from the given working directory', async () => {
    const r = await cli(['validate', 'fixtures/privacy-example.yaml'], { cwd: `${ROOT}test` });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^fixtures\/privacy-example\.yaml: valid/);
    expect((await cli(['validate', PRIVACY])).code).toBe(0);
  });
});
