/**
 * Sobol indices from a Saltelli design's outputs (saltelli.ts): how much of the output's variance
 * each factor explains alone (first order, S1) and with all its interactions (total, ST).
 *
 *   V      = Var(f(A) ∪ f(B))
 *   S1_i   = mean( f(B) · (f(AB_i) − f(A)) ) / V          Saltelli et al. 2010, table 2 (b)
 *   ST_i   = mean( (f(A) − f(AB_i))² ) / (2V)             Jansen 1999, the same table (f)
 *
 * the estimators SALib's `sobol.analyze` uses, each with a bootstrap 95% interval over the base
 * samples (the rows of A).
 */
import { bootstrap, type Interval } from './bootstrap.ts';

export interface SobolIndex {
  first: Interval;
  total: Interval;
}

/** `outputs` in saltelliPoints' order: for each base sample, f(A), f(AB_1) … f(AB_D), f(B). */
export function sobolIndices(outputs: ArrayLike<number>, factors: number, seed = 1): SobolIndex[] {
  const stride = factors + 2;
  if (outputs.length % stride !== 0) throw new Error(`expected a multiple of ${stride} outputs (factors + 2), got ${outputs.length}`);
  const n = outputs.length / stride;
  const fA = (j: number) => outputs[j * stride];
  const fB = (j: number) => outputs[j * stride + stride - 1];
  const fAB = (j: number, i: number) => outputs[j * stride + 1 + i];
  const variance = (rows: Uint32Array) => {
    let sum = 0;
    let sum2 = 0;
    for (const j of rows) {
      sum += fA(j) + fB(j);
      sum2 += fA(j) ** 2 + fB(j) ** 2;
    }
    const m = 2 * rows.length;
    const mean = sum / m;
    return sum2 / m - mean * mean;
  };
  return Array.from({ length: factors }, (_, i) => {
    const first = (rows: Uint32Array) => {
      let s = 0;
      for (const j of rows) s += fB(j) * (fAB(j, i) - fA(j));
      return ratio(s / rows.length, variance(rows));
    };
    const total = (rows: Uint32Array) => {
      let s = 0;
      for (const j of rows) s += (fA(j) - fAB(j, i)) ** 2;
      return ratio(s / (2 * rows.length), variance(rows));
    };
    return { first: bootstrap(n, first, seed + i), total: bootstrap(n, total, seed + 1000 + i) };
  });
}

/** 0 when the output does not vary at all: then no factor explains any of it. */
function ratio(part: number, variance: number): number {
  return variance > 0 ? part / variance : 0;
}
