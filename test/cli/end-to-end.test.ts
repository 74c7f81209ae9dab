/** The built command, spawned as `node bin/convene.js` (the `pretest` script builds it). */
import { existsSync, openSync, closeSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PRIVACY, ROOT, spawnCli, STACK_LINE } from './harness.ts';

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist-cli', 'convene.js'))) {
    throw new Error('dist-cli/convene.js is missing: run `npm run build:cli` (npm test does it in pretest)');
  }
});

describe('node bin/convene.js', () => {
  it('run --json prints one JSON object and exits 0', () => {
    const r = spawnCli(['run', PRIVACY, '--json', '--seed', '12']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.seed).toBe(12);
    expect(result.convene).toBe(1);
  });

  it('gives the same result as the in-process command, bit for bit', async () => {
    const { cli } = await import('./harness.ts');
    const inProcess = await cli(['run', PRIVACY, '--json', '--seed', '12', '--series']);
    expect(spawnCli(['run', PRIVACY, '--json', '--seed', '12', '--series']).stdout).toBe(inProcess.stdout);
  });

  it('exits 2 for bad arguments and a bad scenario, with nothing on standard output and no stack', () => {
    for (const args of [
      ['run', PRIVACY, '--seed', 'abc'],
      ['run', PRIVACY, '--nope'],
      ['validate', 'test/fixtures/cli/invalid.yaml'],
      ['batch', PRIVACY, '--runs', '0'],
      ['run', 'missing.yaml'],
    ]) {
      const r = spawnCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.length).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(STACK_LINE);
    }
  });

  it('batch writes CSV on standard output and the summary on standard error', () => {
    const r = spawnCli(['batch', PRIVACY, '--runs', '5']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(6);
    expect(r.stderr).toMatch(/5 runs \(seeds 7 to 11\)/);
  });

  it('--help and --version exit 0', () => {
    expect(spawnCli(['--help']).code).toBe(0);
    expect(spawnCli(['--version']).code).toBe(0);
  });

  it.runIf(existsSync('/dev/full'))('exits 1 with one line when standard output cannot be written', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnCli(['run', PRIVACY, '--json'], { stdio: ['ignore', full, 'pipe'] });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^convene: cannot write the output: .*ENOSPC/m);
      expect(r.stderr).not.toMatch(STACK_LINE);
    } finally {
      closeSync(full);
    }
  });
});

describe('npx convene', () => {
  it('runs the project\'s own command from its folder, as the README says', async () => {
    const { spawnSync } = await import('node:child_process');
    const r = spawnSync('npx', ['convene', 'run', 'scenarios/rough-consensus.yaml', '--json', '--seed', '3'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(r.status, r.stderr).toBe(0);
    const viaNpx = JSON.parse(r.stdout);
    const direct = JSON.parse(spawnCli(['run', join(ROOT, 'scenarios/rough-consensus.yaml'), '--json', '--seed', '3']).stdout);
    expect(viaNpx).toEqual(direct);
  });
});

describe('the built batch worker', () => {
  /** Every file `file` imports from dist-cli, itself included. */
  function bundleFiles(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    for (const [, name] of readFileSync(join(ROOT, 'dist-cli', file), 'utf8').matchAll(/from "\.\/([^"]+)"/g)) bundleFiles(name, seen);
    return seen;
  }

  it('loads the core and comlink, not the scenario validator or the YAML parser', () => {
    const files = bundleFiles('batch-worker.js');
    const modules = [...files].flatMap((f) => [...readFileSync(join(ROOT, 'dist-cli', f), 'utf8').matchAll(/^\/\/ (\S+)$/gm)].map((m) => m[1]));
    expect(modules).toContain('sim/run.ts');
    expect(modules).toContain('batch/run-chunk.ts');
    expect(modules.filter((m) => /node_modules\/(zod|yaml|commander)\//.test(m) || m.startsWith('sim/scenario/schema') || m === 'sim/scenario/load.ts')).toEqual([]);
    // The command itself does bring them in: the check above looks at what is there.
    const command = [...bundleFiles('convene.js')].map((f) => readFileSync(join(ROOT, 'dist-cli', f), 'utf8')).join('');
    expect(command).toMatch(/^\/\/ node_modules\/zod\//m);
  });
});
