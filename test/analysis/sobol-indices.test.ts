/**
 * Sobol indices on the functions SALib's own tests use, against their analytic values; the
 * analytic value must lie within the bootstrap 95% interval the estimate prints.
 */
import { describe, expect, it } from 'vitest';
import { saltelliPoints, saltelliSize } from '../../analysis/saltelli.ts';
import { sobolIndices, type SobolIndex } from '../../analysis/sobol-indices.ts';

const within = (index: SobolIndex['first'], analytic: number) => {
  expect(index.low).toBeLessThanOrEqual(analytic);
  expect(index.high).toBeGreaterThanOrEqual(analytic);
};

describe('Saltelli sampling', () => {
  it('lays out A, AB_1 … AB_D, B for each base sample, AB_i being A with its i-th column from B', () => {
    const points = saltelliPoints(5, 3, 42);
    expect(points).toHaveLength(saltelliSize(5, 3));
    expect(points).toHaveLength(25);
    for (let j = 0; j < 5; j++) {
      const [a, ab1, ab2, ab3, b] = points.slice(j * 5, j * 5 + 5);
      expect(ab1).toEqual([b[0], a[1], a[2]]);
      expect(ab2).toEqual([a[0], b[1], a[2]]);
      expect(ab3).toEqual([a[0], a[1], b[2]]);
    }
    expect(saltelliPoints(5, 3, 42)).toEqual(points);
    expect(saltelliPoints(5, 3, 43)).not.toEqual(points);
  });
});

describe('Sobol indices (Saltelli 2010 first order, Jansen total)', () => {
  it('recovers the Ishigami function\'s indices within their intervals', () => {
    // Ishigami: f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³, a = 7, b = 0.1. Analytic
    // (Ishigami & Homma 1990; SALib's test values): V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2 = 13.845;
    // V1 = (1 + bπ⁴/5)²/2 = 4.346, V2 = a²/8 = 6.125, V3 = 0, V13 = 8b²π⁸/225 = 3.374, so
    // S1 = 0.314, 0.442, 0.000 and ST = (V1 + V13)/V = 0.558, 0.442, V13/V = 0.244.
    const [a, b] = [7, 0.1];
    const f = ([u1, u2, u3]: number[]) => {
      const [x1, x2, x3] = [u1, u2, u3].map((u) => -Math.PI + 2 * Math.PI * u);
      return Math.sin(x1) + a * Math.sin(x2) ** 2 + b * x3 ** 4 * Math.sin(x1);
    };
    const V = a ** 2 / 8 + (b * Math.PI ** 4) / 5 + (b ** 2 * Math.PI ** 8) / 18 + 0.5;
    const V1 = (1 + (b * Math.PI ** 4) / 5) ** 2 / 2;
    const V13 = (8 * b ** 2 * Math.PI ** 8) / 225;
    expect(V1 / V).toBeCloseTo(0.314, 3);
    expect(V13 / V).toBeCloseTo(0.244, 3);
    const indices = sobolIndices(saltelliPoints(8192, 3, 7).map(f), 3);
    within(indices[0].first, V1 / V);
    within(indices[1].first, a ** 2 / 8 / V);
    within(indices[2].first, 0);
    within(indices[0].total, (V1 + V13) / V);
    within(indices[1].total, a ** 2 / 8 / V);
    within(indices[2].total, V13 / V);
    // And the intervals are informative, not wide enough to hold anything.
    for (const i of indices) expect(i.first.high - i.first.low).toBeLessThan(0.1);
  });

  it('recovers the Sobol G function\'s indices within their intervals', () => {
    // G = Π (|4x_i − 2| + a_i)/(1 + a_i) on [0, 1]⁸, a = 0, 1, 4.5, 9, 99, 99, 99, 99 (SALib's
    // test). Each factor's own variance is V_i = 1/(3(1 + a_i)²): 0.3333, 0.08333, 0.01102,
    // 0.003333, 3.3e-5; V = Π(1 + V_i) − 1 = 0.4654; S1_i = V_i / V = 0.716, 0.179, 0.0237,
    // 0.00716, 7e-5; ST_i = V_i Π_{j≠i}(1 + V_j) / V = 0.787, 0.242, 0.0343, 0.0105, 1e-4.
    const as = [0, 1, 4.5, 9, 99, 99, 99, 99];
    const g = (x: number[]) => x.reduce((p, xi, i) => (p * (Math.abs(4 * xi - 2) + as[i])) / (1 + as[i]), 1);
    const Vi = as.map((ai) => 1 / (3 * (1 + ai) ** 2));
    const product = Vi.reduce((p, v) => p * (1 + v), 1);
    const V = product - 1;
    expect(V).toBeCloseTo(0.4654, 3);
    const indices = sobolIndices(saltelliPoints(8192, 8, 11).map(g), 8);
    // Each 95% interval misses its value one time in twenty, so of sixteen some may; the three
    // factors that matter are held to their intervals, the five negligible ones to 0.005.
    indices.forEach((index, i) => {
      const [first, total] = [Vi[i] / V, (Vi[i] * product) / (1 + Vi[i]) / V];
      if (i < 3) {
        within(index.first, first);
        within(index.total, total);
      } else {
        expect(Math.abs(index.first.value - first)).toBeLessThan(0.005);
        expect(Math.abs(index.total.value - total)).toBeLessThan(0.005);
      }
    });
    // The ranking is the analytic one: x1, then x2, then x3.
    expect(indices[0].total.value).toBeGreaterThan(indices[1].total.value);
    expect(indices[1].total.value).toBeGreaterThan(indices[2].total.value);
  });

  it('says nothing explains an output that does not vary, and refuses outputs of another design', () => {
    const flat = sobolIndices(new Array(saltelliSize(50, 2)).fill(3), 2);
    expect(flat.map((i) => [i.first.value, i.total.value])).toEqual([[0, 0], [0, 0]]);
    expect(() => sobolIndices([1, 2, 3], 2)).toThrow('expected a multiple of 4 outputs');
  });
});
