/**
 * A flat picture of a policy space with more than two issues: the two principal axes of the
 * stakeholders' ideals (power-weighted), found by power iteration from a fixed start, so the same
 * scenario always gives the same picture. The view projects stated positions and proposals onto
 * these axes; nothing in a run reads them.
 */

export interface Projection {
  /** Number of issues. */
  d: number;
  /** The weighted mean ideal, the picture's centre. */
  centre: Float64Array;
  /** Two unit vectors of length d, the first along the widest spread. */
  axes: [Float64Array, Float64Array];
}

const ITERATIONS = 200;

/** The two principal axes of `points` (n × d, flattened), weighted by `weights` (or equally). */
export function principalAxes(points: ArrayLike<number>, n: number, d: number, weights?: ArrayLike<number>): Projection {
  const centre = new Float64Array(d);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    total += w;
    for (let k = 0; k < d; k++) centre[k] += w * points[i * d + k];
  }
  if (total > 0) for (let k = 0; k < d; k++) centre[k] /= total;

  const cov = new Float64Array(d * d);
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i] : 1;
    for (let a = 0; a < d; a++) {
      const da = points[i * d + a] - centre[a];
      for (let b = 0; b < d; b++) cov[a * d + b] += w * da * (points[i * d + b] - centre[b]);
    }
  }
  const first = leadingVector(cov, d, null);
  const second = leadingVector(cov, d, first);
  return { d, centre, axes: [first, second] };
}

/** The leading eigenvector of a symmetric matrix, kept orthogonal to `away` when given. */
function leadingVector(m: Float64Array, d: number, away: Float64Array | null): Float64Array {
  let v = new Float64Array(d);
  // A fixed, non-symmetric start so no axis is missed by accident.
  for (let k = 0; k < d; k++) v[k] = 1 + k / (d + 1);
  orthogonalise(v, away);
  normalise(v, d, away);
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Float64Array(d);
    for (let a = 0; a < d; a++) {
      let sum = 0;
      for (let b = 0; b < d; b++) sum += m[a * d + b] * v[b];
      next[a] = sum;
    }
    orthogonalise(next, away);
    if (!normalise(next, d, away)) break;
    v = next;
  }
  // A sign convention: the largest component is positive.
  let largest = 0;
  for (let k = 1; k < d; k++) if (Math.abs(v[k]) > Math.abs(v[largest])) largest = k;
  if (v[largest] < 0) for (let k = 0; k < d; k++) v[k] = -v[k];
  return v;
}

function orthogonalise(v: Float64Array, away: Float64Array | null): void {
  if (!away) return;
  let dot = 0;
  for (let k = 0; k < v.length; k++) dot += v[k] * away[k];
  for (let k = 0; k < v.length; k++) v[k] -= dot * away[k];
}

/** Scales v to unit length; a zero vector becomes the first unit axis not along `away`. */
function normalise(v: Float64Array, d: number, away: Float64Array | null): boolean {
  let norm = 0;
  for (let k = 0; k < d; k++) norm += v[k] * v[k];
  norm = Math.sqrt(norm);
  if (norm > 1e-12) {
    for (let k = 0; k < d; k++) v[k] /= norm;
    return true;
  }
  v.fill(0);
  const axis = away && d > 1 && Math.abs(away[0]) > 0.5 ? 1 : 0;
  v[Math.min(axis, d - 1)] = 1;
  return false;
}

/** Where point `i` of `points` (n × d) lands in the picture: [along axis 1, along axis 2]. */
export function projectPoint(p: Projection, points: ArrayLike<number>, i: number, out: Float64Array | number[] = [0, 0]) {
  let x = 0;
  let y = 0;
  for (let k = 0; k < p.d; k++) {
    const v = points[i * p.d + k] - p.centre[k];
    x += v * p.axes[0][k];
    y += v * p.axes[1][k];
  }
  out[0] = x;
  out[1] = y;
  return out;
}
