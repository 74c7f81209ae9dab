import { describe, expect, it } from 'vitest';
import type { RunResult } from '../../sim/index.ts';
import { OUTCOMES } from '../../sim/index.ts';
import { createSummary, formatSummary, median } from '../../analysis/summary.ts';
import { wilsonInterval } from '../../analysis/wilson.ts';

describe('wilsonInterval', () => {
  it('matches hand-computed 95% intervals', () => {
    // p = 0.8, n = 10, z = 1.96: centre (0.8 + 0.19207) / 1.38415 = 0.71674, half 0.22657.
    const [lo, hi] = wilsonInterval(8, 10);
    expect(lo).toBeCloseTo(0.4902, 4);
    expect(hi).toBeCloseTo(0.9433, 4);
    // p = 0.5, n = 100: 0.5 ± 1.96 · sqrt(0.0025 + 0.000096) / 1.0384 = [0.4038, 0.5962].
    const [lo2, hi2] = wilsonInterval(50, 100);
    expect(lo2).toBeCloseTo(0.4038, 4);
    expect(hi2).toBeCloseTo(0.5962, 4);
  });

  it('stays inside [0, 1] and is sensible at 0 and n', () => {
    const [lo0, hi0] = wilsonInterval(0, 10);
    expect(lo0).toBe(0);
    // z² / (n + z²) = 3.8415 / 13.8415.
    expect(hi0).toBeCloseTo(0.2775, 4);
    const [loN, hiN] = wilsonInterval(10, 10);
    expect(loN).toBeCloseTo(1 - 0.2775, 4);
    expect(hiN).toBe(1);
  });

  it('is symmetric: k of n mirrors n - k of n', () => {
    const [lo, hi] = wilsonInterval(3, 17);
    const [lo2, hi2] = wilsonInterval(14, 17);
    expect(lo).toBeCloseTo(1 - hi2, 12);
    expect(hi).toBeCloseTo(1 - lo2, 12);
  });

  it('narrows as runs grow', () => {
    const width = (k: number, n: number) => wilsonInterval(k, n)[1] - wilsonInterval(k, n)[0];
    expect(width(40, 100)).toBeLessThan(width(4, 10));
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([10, 9, 100])).toBe(10);
    expect(median([])).toBeNull();
  });
});

const result = (outcome: RunResult['outcome'], rounds: number, legitimacy: number | null) =>
  ({ outcome, rounds, legitimacy }) as RunResult;

describe('createSummary', () => {
  it('counts outcomes with shares and intervals, and takes medians', () => {
    const s = createSummary();
    for (let i = 0; i < 8; i++) s.add(result('rough-consensus', 10 + i, 0.5 + i / 100));
    s.add(result('collapse', 40, null));
    s.add(result('glacial-drift', 100, null));
    const summary = s.finish();
    expect(summary.runs).toBe(10);
    expect(summary.outcomes.map((o) => o.outcome)).toEqual([...OUTCOMES]);
    const rc = summary.outcomes.find((o) => o.outcome === 'rough-consensus')!;
    expect(rc.count).toBe(8);
    expect(rc.share).toBe(0.8);
    expect([rc.low, rc.high]).toEqual(wilsonInterval(8, 10));
    expect(summary.outcomes.reduce((n, o) => n + o.count, 0)).toBe(10);
    expect(summary.medianRounds).toBe(median([10, 11, 12, 13, 14, 15, 16, 17, 40, 100]));
    expect(summary.medianLegitimacy).toBeCloseTo(0.535, 12);
    expect(summary.adopted).toBe(8);

    const text = formatSummary(summary, '10 runs');
    expect(text).toMatch(/rough-consensus\s+8\s+80\.0%\s+\[49\.0%, 94\.3%\]/);
    expect(text).toMatch(/median rounds: 14\.5/);
    expect(text).toMatch(/median legitimacy: 0\.535/);
  });

  it('says so when nothing was adopted', () => {
    const s = createSummary();
    s.add(result('collapse', 3, null));
    const text = formatSummary(s.finish(), '1 run');
    expect(text).toMatch(/median legitimacy: none/);
  });
});
