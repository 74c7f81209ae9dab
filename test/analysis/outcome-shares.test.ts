import { describe, expect, it } from 'vitest';
import { countOutcomes, createSummary, outcomeShares, sharesOfRuns } from '../../analysis/index.ts';
import { OUTCOMES, type Outcome } from '../../sim/index.ts';

describe('outcome shares', () => {
  it("gives each class its count, share and Wilson interval, every class in OUTCOMES' order", () => {
    const outcomes: Outcome[] = [...Array(8).fill('rough-consensus'), 'collapse', 'collapse'];
    const shares = outcomeShares(countOutcomes(outcomes));
    expect(shares.map((s) => s.outcome)).toEqual([...OUTCOMES]);
    const rc = shares.find((s) => s.outcome === 'rough-consensus')!;
    expect([rc.count, rc.share]).toEqual([8, 0.8]);
    // Wilson, z = 1.96, p = 0.8, n = 10: centre (0.8 + 1.96²/20) / (1 + 1.96²/10) = 0.99208 / 1.38416
    // = 0.716738; half width 1.96 · √(0.016 + 1.96²/400) / 1.38416 = 1.96 · 0.160012 / 1.38416 = 0.226583.
    // (z is 1.959964 to six places, which moves the bounds by under 1e-5.)
    expect(rc.low).toBeCloseTo(0.716738 - 0.226583, 4);
    expect(rc.high).toBeCloseTo(0.716738 + 0.226583, 4);
    const none = shares.find((s) => s.outcome === 'glacial-drift')!;
    expect([none.count, none.share, none.low]).toEqual([0, 0, 0]);
  });

  it('refuses an outcome it does not know', () => {
    expect(() => countOutcomes(['rough-consensus', 'stalemate'])).toThrow(/unknown outcome "stalemate"/);
  });

  it("is the same for a batch's summary and a report of the same runs", () => {
    const outcomes: Outcome[] = ['collapse', 'glacial-drift', 'collapse', 'rough-consensus', 'declared-failure'];
    const summary = createSummary();
    for (const outcome of outcomes) summary.add({ outcome, rounds: 3, legitimacy: null, declined: 0, walkedOut: 0 });
    expect(summary.finish().outcomes).toEqual(sharesOfRuns(outcomes.map((outcome) => ({ outcome }))));
  });
});
