/** PRIM on synthetic rows with a known box: it must find the box within one grid step. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../sim/index.ts';
import { boxConditions, chooseBox, primPeel } from '../../analysis/prim.ts';

/** A 21 × 21 × 5 grid (steps 0.05, 0.05, 0.25), 4 runs a point; the outcome in the box x ≥ 0.3, y ≤ 0.4. */
function synthetic(noise: number) {
  const rng = createRng(17);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i <= 20; i++)
    for (let j = 0; j <= 20; j++)
      for (let k = 0; k <= 4; k++)
        for (let s = 0; s < 4; s++) {
          const point = [i / 20, j / 20, k / 4];
          const inBox = point[0] >= 0.3 && point[1] <= 0.4;
          // With noise: 90% inside the box, 5% outside.
          const hit = noise === 0 ? inBox : rng.uniform() < (inBox ? 1 - 2 * noise : noise);
          x.push(point);
          y.push(hit ? 1 : 0);
        }
  return { names: ['x', 'y', 'z'], x, y };
}

describe('PRIM', () => {
  it('peels down to the known box when the outcome is exactly the box', () => {
    const input = synthetic(0);
    const trajectory = primPeel(input);
    // Density rises along the trajectory, coverage falls.
    for (let t = 1; t < trajectory.length; t++) {
      expect(trajectory[t].density).toBeGreaterThanOrEqual(trajectory[t - 1].density);
      expect(trajectory[t].coverage).toBeLessThanOrEqual(trajectory[t - 1].coverage);
    }
    // The box holds 15 × 9 of the 21 × 21 x–y values: 30.6% of the rows, all of the outcome's.
    expect(trajectory[0].density).toBeCloseTo((15 * 9) / (21 * 21), 10);
    const box = chooseBox(trajectory);
    expect(box.density).toBe(1);
    expect(box.coverage).toBe(1);
    expect(box.limits[0].low).toBeCloseTo(0.3, 10);
    expect(box.limits[1].high).toBeCloseTo(0.4, 10);
    expect(boxConditions(box, trajectory[0], input.names)).toEqual(['x is at least 0.3', 'y is at most 0.4']);
  });

  it('recovers the box within one grid step through noise, leaving the irrelevant condition alone', () => {
    const input = synthetic(0.05);
    const trajectory = primPeel(input);
    const box = chooseBox(trajectory);
    expect(Math.abs(box.limits[0].low - 0.3)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(Math.abs(box.limits[1].high - 0.4)).toBeLessThanOrEqual(0.05 + 1e-9);
    expect(box.limits[0].high).toBe(1);
    expect(box.limits[1].low).toBe(0);
    expect(box.limits[2]).toEqual({ low: 0, high: 1 });
    // Inside the true box the outcome's share is 90%; outside 5%, so the box is dense and covers most.
    expect(box.density).toBeGreaterThan(0.8);
    expect(box.coverage).toBeGreaterThan(0.8);
  });

  it('stops before the box holds fewer than minMass of the rows', () => {
    const trajectory = primPeel(synthetic(0.05), { minMass: 0.2 });
    for (const box of trajectory) expect(box.mass).toBeGreaterThanOrEqual(0.2);
  });
});
