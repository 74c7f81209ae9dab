/** Medians in bounded memory: exact for whole numbers and small sets, within 5·10⁻⁷ past 65,536. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIN_WIDTH, EXACT_LIMIT, countMedian, median, unitMedian } from '../../analysis/running-median.ts';

const fill = (m: ReturnType<typeof countMedian>, values: number[]) => {
  for (const v of values) m.add(v);
  return m;
};

describe('median', () => {
  it('is the middle value, or the mean of the middle two', () => {
    // By hand: 3 1 2 sorted is 1 2 3, middle 2; 4 1 3 2 sorted is 1 2 3 4, (2 + 3) / 2 = 2.5.
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe('countMedian', () => {
  it('gives, by hand, 17 for 17 17 40 and 28.5 for 17 17 40 40', () => {
    expect(fill(countMedian(), [17, 40, 17]).value()).toBe(17);
    expect(fill(countMedian(), [40, 17, 40, 17]).value()).toBe(28.5);
    expect(countMedian().value()).toBeNull();
  });

  it('equals the exact median of any whole numbers, in any order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 300 }), (values) => {
        expect(fill(countMedian(), values).value()).toBe(median(values));
      }),
    );
  });
});

describe('unitMedian', () => {
  it(`is exact up to ${EXACT_LIMIT} values`, () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 200 }), (values) => {
        expect(fill(unitMedian(), values).value()).toBe(median(values));
      }),
    );
    // At the limit itself: still every value kept.
    const values = Array.from({ length: EXACT_LIMIT }, (_, i) => ((i * 7919) % EXACT_LIMIT) / EXACT_LIMIT + 1e-9);
    expect(fill(unitMedian(), values).value()).toBe(median(values));
  });

  it('past the limit, is within half a bin (5e-7) of the exact median, whatever the order', () => {
    // 200,001 values spread over [0, 1] by a fixed irrational step: no two share a bin's centre.
    const n = 200_001;
    const values = Array.from({ length: n }, (_, i) => (i * 0.6180339887498949) % 1);
    const exact = median(values)!;
    const forward = fill(unitMedian(), values);
    const backward = fill(unitMedian(), [...values].reverse());
    expect(forward.count).toBe(n);
    expect(Math.abs(forward.value()! - exact)).toBeLessThanOrEqual(BIN_WIDTH / 2 + 1e-15);
    expect(backward.value()).toBe(forward.value());
    // Even counts past the limit take the mean of the middle two bins: by hand, 70,000 values at
    // 0.25 and 70,000 at 0.75 have the median (0.25 + 0.75) / 2 = 0.5.
    const halves = fill(unitMedian(), Array.from({ length: 140_000 }, (_, i) => (i % 2 ? 0.25 : 0.75)));
    expect(halves.value()).toBeCloseTo(0.5, 12);
  });
});
