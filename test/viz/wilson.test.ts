import { describe, expect, it } from 'vitest';
import { wilsonInterval as cliWilson } from '../../cli/summary.ts';
import { wilsonInterval } from '../../viz/wilson.ts';

describe('the page’s Wilson interval', () => {
  it('equals the command line’s, bit for bit', () => {
    for (const trials of [0, 1, 7, 20, 200]) {
      for (let k = 0; k <= trials; k++) expect(wilsonInterval(k, trials)).toEqual(cliWilson(k, trials));
    }
  });

  it('gives 100 of 200 the familiar interval', () => {
    const [lo, hi] = wilsonInterval(100, 200);
    expect(lo).toBeCloseTo(0.4314, 4);
    expect(hi).toBeCloseTo(0.5686, 4);
  });
});
