import { describe, expect, it } from 'vitest';
import { principalAxes, projectPoint } from '../../analysis/projection.ts';

describe('principalAxes', () => {
  it('finds the line along which points in three issues spread', () => {
    // Points on the line (0.5,0.5,0.5) + s·(1,2,2)/3 with a little spread along (0,1,-1).
    const pts: number[] = [];
    for (let s = -2; s <= 2; s++) {
      const e = s === 0 ? 0 : s % 2 === 0 ? 0.01 : -0.01;
      pts.push(0.5 + s / 15, 0.5 + (2 * s) / 15 + e, 0.5 + (2 * s) / 15 - e);
    }
    const p = principalAxes(pts, 5, 3);
    expect(Array.from(p.centre)).toEqual([0.5, 0.5, 0.5].map((v) => expect.closeTo(v, 12)));
    expect(Array.from(p.axes[0]).map((v) => +v.toFixed(6))).toEqual([1 / 3, 2 / 3, 2 / 3].map((v) => +v.toFixed(6)));
    const [a, b] = p.axes;
    expect(a[0] * b[0] + a[1] * b[1] + a[2] * b[2]).toBeCloseTo(0, 10);
    expect(Math.hypot(...b)).toBeCloseTo(1, 10);
    expect(projectPoint(p, pts, 4)[0]).toBeCloseTo(2 / 5, 10);
  });

  it('gives two unit axes even when every point is the same', () => {
    const p = principalAxes([0.2, 0.2, 0.2, 0.2, 0.2, 0.2], 2, 3);
    expect(Math.hypot(...p.axes[0])).toBeCloseTo(1, 12);
    expect(Math.hypot(...p.axes[1])).toBeCloseTo(1, 12);
    expect(projectPoint(p, [0.2, 0.2, 0.2], 0)).toEqual([0, 0]);
  });

  it('weighs points by their weights and is deterministic', () => {
    const pts = [0, 0, 1, 1, 0.3, 0.9];
    const one = principalAxes(pts, 3, 2, [1, 1, 5]);
    const two = principalAxes(pts, 3, 2, [1, 1, 5]);
    expect(one).toEqual(two);
    expect(one.centre[0]).toBeCloseTo((1 + 1.5) / 7, 12);
  });
});
