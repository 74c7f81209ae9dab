/**
 * `convene run --why STAKEHOLDER`: one stakeholder's meeting round by round, in words, and the
 * run summary's line on who left. The figures are worked out from the scenario files.
 */
import { describe, expect, it } from 'vitest';
import { cli, ROOT } from './harness.ts';

const DILEMMA = `${ROOT}scenarios/convenors-dilemma.yaml`;
const WALK_OUT = `${ROOT}scenarios/walk-out.yaml`;

describe('convene run --why', () => {
  it('says why a major power declined: the best text in the box against its bottom line', async () => {
    // provider-1 wants 0.1; the box is [0.5, 1], so its best text is 0.5, worth 1 − 0.4 = 0.6,
    // below its reservation 0.65 (no outside option counts: decision vested, no side channel).
    const r = await cli(['run', DILEMMA, '--why', 'provider-1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Why provider-1, round by round:');
    expect(r.stdout).toContain('provider-1: ideal localisation 0.100;');
    expect(r.stdout).toContain('bottom line 0.650');
    expect(r.stdout).toContain(
      "round 0: declines the invitation: no text inside the convenor's limits could give it what it gets outside (the best text in the box gives it 0.600, its bottom line is 0.650).",
    );
    expect(r.stdout).toMatch(/It takes no further part; the meeting goes on until round \d+\./);
    // The run's summary says who left.
    expect(r.stdout).toMatch(/left\s+3 declined the invitation/);
  });

  it('follows a group round by round until it walks out, each round below its outside floor', async () => {
    // Mandate consultation (μ = 0), no side channel: the outside floor is (1 − 0)·0.6 = 0.6, and
    // exitRounds 16 means 16 evaluations in a row below it: rounds 0 to 15 at the least, so the
    // walk-out comes at round 16's attendance or later.
    const r = await cli(['run', WALK_OUT, '--why', 'group-1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('outside floor 0.600');
    const rounds = r.stdout.split('\n').filter((line) => line.startsWith('round '));
    const out = rounds.findIndex((line) => line.includes('walks out for good'));
    expect(out).toBeGreaterThanOrEqual(16);
    expect(rounds[out]).toMatch(/^round \d+: walks out for good: the text has given it less than its outside floor for too long \(0\.\d{3} against 0\.600\)\.$/);
    // Each round before it: what it asked, what the text gave, the shortfall, what it said.
    for (const line of rounds.slice(out - 16, out)) {
      const m = /^round \d+: objects, short by (0\.\d{3}) \(asks (0\.\d{3}), the text gives (0\.\d{3})\); says consent 0\.\d{3}, use 0\.\d{3}\.$/.exec(line);
      expect(m, line).not.toBeNull();
      const [short, asks, gives] = m!.slice(1).map(Number);
      expect(gives).toBeLessThan(0.6);
      expect(Math.abs(asks - gives - short)).toBeLessThanOrEqual(0.0015);
    }
    expect(rounds).toHaveLength(out + 1);
    expect(r.stdout).toMatch(/left\s+\d+ walked out/);
  });

  it('names the option and what was expected for an id no stakeholder has, exit 2, nothing on standard output', async () => {
    const r = await cli(['run', WALK_OUT, '--why', 'group-99']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("--why: no stakeholder has the id 'group-99'");
    expect(r.stderr).toContain('expected the id of one of its stakeholders');
  });

  it('refuses --why with --json, exit 2', async () => {
    const r = await cli(['run', WALK_OUT, '--why', 'group-1', '--json']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('--why');
  });
});

describe('the batch summary counts those who left', () => {
  it('says in how many runs someone walked out, and how many in all', async () => {
    // Every one of the 8 groups is below its outside floor from the start in every seed; the
    // summary counts runs with at least one walk-out and the walk-outs in all.
    const r = await cli(['batch', WALK_OUT, '--runs', '10']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/walked out: in 10 runs \(100\.0%\), \d+ stakeholders in all/);
    expect(r.stderr).toContain('declined the invitation: in no run');
    const rows = r.stdout.trim().split('\n').slice(1).map((line) => line.split(','));
    const walked = rows.reduce((sum, cells) => sum + Number(cells[cells.length - 1]), 0);
    expect(r.stderr).toContain(`${walked} stakeholders in all`);
    const dilemma = await cli(['batch', DILEMMA, '--runs', '4']);
    expect(dilemma.stderr).toContain('declined the invitation: in 4 runs (100.0%), 12 stakeholders in all');
  });
});
