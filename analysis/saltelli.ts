/**
 * Saltelli's sampling scheme for Sobol indices (Saltelli 2002; Saltelli et al. 2010, "Variance
 * based sensitivity analysis of model output", Computer Physics Communications 181): two
 * independent matrices A and B of `samples` points in the unit cube of `factors` dimensions, and
 * for each factor i the matrix AB_i, which is A with its i-th column taken from B. The model runs
 * at `samples × (factors + 2)` points, laid out as SALib lays them out (calc_second_order=False):
 * for each base row j, A_j, then AB_1j … AB_Dj, then B_j.
 *
 * The base points are drawn with the core's seeded generator, so an experiment gives the same
 * points on every machine. SALib draws them from a Sobol low-discrepancy sequence, which converges
 * faster; the estimators below are the same either way, and the bootstrap intervals say how far
 * a given number of samples can be trusted.
 */
import { createRng } from '../sim/index.ts';

/** The unit-cube points, `factors + 2` per base sample (A, AB_1 … AB_D, B). */
export function saltelliPoints(samples: number, factors: number, seed: number): number[][] {
  const rng = createRng(seed);
  const points: number[][] = [];
  for (let j = 0; j < samples; j++) {
    const a = Array.from({ length: factors }, () => rng.uniform());
    const b = Array.from({ length: factors }, () => rng.uniform());
    points.push(a);
    for (let i = 0; i < factors; i++) points.push(a.map((x, k) => (k === i ? b[i] : x)));
    points.push(b);
  }
  return points;
}

/** Points a Saltelli design of `samples` base samples over `factors` factors has. */
export function saltelliSize(samples: number, factors: number): number {
  return samples * (factors + 2);
}
