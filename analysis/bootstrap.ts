/**
 * Bootstrap percentile intervals (Efron & Tibshirani 1993): an estimate recomputed on `resamples`
 * resamples of its units drawn with replacement, and the 2.5th and 97.5th percentiles of those.
 * Seeded, so the same data give the same interval everywhere.
 */
import { createRng } from '../sim/index.ts';

export interface Interval {
  value: number;
  low: number;
  high: number;
}

export const BOOTSTRAP_RESAMPLES = 1000;

/**
 * `estimate(indices)` computes the statistic on the units `indices` (with repeats); it is called
 * once on 0 … n−1 for the value and `resamples` times on resamples for the interval.
 */
export function bootstrap(n: number, estimate: (indices: Uint32Array) => number, seed = 1, resamples = BOOTSTRAP_RESAMPLES): Interval {
  const all = Uint32Array.from({ length: n }, (_, i) => i);
  const value = estimate(all);
  if (n < 2) return { value, low: value, high: value };
  const rng = createRng(seed);
  const draws = new Float64Array(resamples);
  const pick = new Uint32Array(n);
  for (let r = 0; r < resamples; r++) {
    for (let k = 0; k < n; k++) pick[k] = Math.floor(rng.uniform() * n);
    draws[r] = estimate(pick);
  }
  draws.sort();
  return { value, low: quantile(draws, 0.025), high: quantile(draws, 0.975) };
}

/** The q-quantile of sorted values, linearly interpolated (R's type 7, numpy's default). */
export function quantile(sorted: ArrayLike<number>, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
