/** Morris's elementary effects: the design's shape, and μ*, μ, σ on functions whose effects are known. */
import { describe, expect, it } from 'vitest';
import { morrisDelta, morrisIndices, morrisPoints } from '../../analysis/morris.ts';

describe('Morris trajectories', () => {
  it('move one factor at a time by ±Δ on the levels grid, each factor once per trajectory', () => {
    // 4 levels: 0, 1/3, 2/3, 1 and Δ = 4 / (2·3) = 2/3.
    expect(morrisDelta(4)).toBeCloseTo(2 / 3, 12);
    const design = morrisPoints(30, 5, 4, 3);
    expect(design.points).toHaveLength(30 * 6);
    const levels = [0, 1 / 3, 2 / 3, 1].map((x) => Number(x.toPrecision(12)));
    for (const p of design.points) for (const x of p) expect(levels).toContain(x);
    design.moves.forEach((steps, t) => {
      expect(steps.map((s) => s.factor).sort()).toEqual([0, 1, 2, 3, 4]);
      steps.forEach(({ factor, delta }, s) => {
        const [before, after] = [design.points[t * 6 + s], design.points[t * 6 + s + 1]];
        expect(Math.abs(delta)).toBeCloseTo(2 / 3, 12);
        expect(after[factor] - before[factor]).toBeCloseTo(delta, 10);
        expect(after.filter((x, k) => k !== factor)).toEqual(before.filter((x, k) => k !== factor));
      });
    });
    expect(() => morrisPoints(2, 2, 3, 1)).toThrow('levels must be an even number');
  });
});

describe('Morris indices', () => {
  it('give a linear function\'s coefficients exactly, with no spread', () => {
    // f = 2·x1 − 3·x2 + 0·x3: every elementary effect of x1 is (2Δ)/Δ = 2, of x2 −3, of x3 0,
    // so μ* = 2, 3, 0, μ = 2, −3, 0 and σ = 0, whatever the trajectories.
    const design = morrisPoints(20, 3, 4, 9);
    const outputs = design.points.map(([a, b, c]) => 2 * a - 3 * b + 0 * c);
    const indices = morrisIndices(design, outputs, 3);
    expect(indices.map((i) => i.muStar.value)).toEqual([2, 3, 0].map((v) => expect.closeTo(v, 9)));
    expect(indices.map((i) => i.mu)).toEqual([2, -3, 0].map((v) => expect.closeTo(v, 9)));
    for (const i of indices) expect(i.sigma).toBeCloseTo(0, 9);
    expect(indices[0].muStar.low).toBeCloseTo(2, 9);
    expect(indices[0].muStar.high).toBeCloseTo(2, 9);
  });

  it('show an interaction as spread: in f = x1·x2 each effect of x1 is the x2 it met', () => {
    // EE_1 = x2 (Δ·x2/Δ), which is 0, 1/3, 2/3 or 1 depending on where the trajectory is: σ > 0,
    // and μ* is the mean of those values, between 0 and 1.
    const design = morrisPoints(40, 2, 4, 5);
    const indices = morrisIndices(design, design.points.map(([a, b]) => a * b), 2);
    expect(indices[0].sigma).toBeGreaterThan(0.2);
    expect(indices[0].muStar.value).toBeGreaterThan(0);
    expect(indices[0].muStar.value).toBeLessThan(1);
    expect(indices[0].muStar.low).toBeLessThan(indices[0].muStar.value);
    expect(indices[0].muStar.high).toBeGreaterThan(indices[0].muStar.value);
  });

  it('rank the Sobol G function\'s factors as their total indices do', () => {
    // a = 0, 1, 4.5, 9, 99: total indices 0.787, 0.242, 0.034, 0.010, 1e-4 (sobol-indices.test.ts);
    // μ* is a proxy for them (Campolongo, Cariboni & Saltelli 2007), so it ranks them the same.
    const as = [0, 1, 4.5, 9, 99];
    const g = (x: number[]) => x.reduce((p, xi, i) => (p * (Math.abs(4 * xi - 2) + as[i])) / (1 + as[i]), 1);
    const design = morrisPoints(100, 5, 4, 21);
    const mu = morrisIndices(design, design.points.map(g), 5).map((i) => i.muStar.value);
    for (let i = 0; i < 4; i++) expect(mu[i]).toBeGreaterThan(mu[i + 1]);
  });
});
