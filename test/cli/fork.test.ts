/**
 * `convene run FILE --fork-at ROUND --set PATH=VALUE`: the file as it is to ROUND, then both
 * continuations. With nothing set the two are the run itself; a fork is reproducible.
 */
import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim/index.ts';
import { cli, ROOT } from './harness.ts';

const WALK_OUT = `${ROOT}scenarios/walk-out.yaml`;

describe('convene run --fork-at', () => {
  it('with nothing set, both continuations are the run itself, bit for bit', async () => {
    const whole = await cli(['run', WALK_OUT, '--json', '--seed', '3']);
    const r = await cli(['run', WALK_OUT, '--json', '--seed', '3', '--fork-at', '12']);
    expect(r.code, r.stderr).toBe(0);
    const both = JSON.parse(r.stdout) as { forkAt: number; set: string[]; original: RunResult; fork: RunResult };
    expect(both.forkAt).toBe(12);
    expect(both.set).toEqual([]);
    expect(JSON.stringify(both.original) + '\n').toBe(whole.stdout);
    expect(JSON.stringify(both.fork) + '\n').toBe(whole.stdout);
  });

  it('prints both outcomes: the groups walk out as it was, and nobody can once exitRounds is null from round 10', async () => {
    // Walking out needs 16 evaluations in a row below the outside floor: none has happened by round 10.
    const args = ['run', WALK_OUT, '--seed', '1', '--fork-at', '10', '--set', 'convenor.exitRounds=null'];
    const r = await cli(args);
    expect(r.code, r.stderr).toBe(0);
    const [asItWas, forked] = r.stdout.split('Forked at round 10, with convenor.exitRounds=null:\n');
    expect(asItWas).toMatch(/^As it was:\n/);
    expect(asItWas).toMatch(/left\s+\d+ walked out/);
    expect(forked).toMatch(/left\s+nobody declined or walked out/);
    expect((await cli(args)).stdout).toBe(r.stdout);
  });

  it('refuses a round after the run ended, and a change of who is there, exit 2', async () => {
    const late = await cli(['run', WALK_OUT, '--seed', '1', '--fork-at', '500']);
    expect(late.code).toBe(2);
    expect(late.stderr).toContain('--fork-at 500: the run ended after round');
    const people = await cli(['run', WALK_OUT, '--fork-at', '5', '--set', 'stakeholders[0].generate=3']);
    expect(people.code).toBe(2);
    expect(people.stderr).toContain('--set: stakeholders: a fork keeps who is there');
  });
});
