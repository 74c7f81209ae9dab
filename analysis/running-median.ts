/**
 * Medians of a batch in bounded memory, however many runs it has.
 *
 * - `countMedian`, for whole numbers (rounds): a count per distinct value, so the median is exact
 *   and memory grows with the number of distinct values (at most the horizon), not of runs.
 * - `unitMedian`, for values in [0, 1] (legitimacy): exact while there are at most EXACT_LIMIT
 *   values (65,536: half a megabyte); past that the values move into a histogram of 1,000,001
 *   bins of width 10⁻⁶ (4 MB), and the median is that of the values rounded to the nearest
 *   multiple of 10⁻⁶, so it is within 5·10⁻⁷ of the exact one. A fixed-grid histogram rather than
 *   a streaming estimator such as P² (Jain & Chlamtac 1985) because its error has a bound that
 *   does not depend on the order the runs arrive in, and the result is the same for any order.
 *
 * Both follow `median`: the middle value, or the mean of the middle two for an even count.
 */

export interface RunningMedian {
  add(value: number): void;
  readonly count: number;
  /** null for no values. */
  value(): number | null;
}

/** The median of the values, the mean of the middle two for an even count; null for none. */
export function median(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The k-th (0-based) and (k+1)-th smallest, from ascending (value, count) pairs. */
function middle(pairs: Iterable<[number, number]>, n: number): number {
  const lo = (n - 1) >> 1;
  const hi = n >> 1;
  let seen = 0;
  let low = NaN;
  for (const [value, count] of pairs) {
    if (Number.isNaN(low) && seen + count > lo) low = value;
    if (seen + count > hi) return (low + value) / 2;
    seen += count;
  }
  throw new Error('median of an empty set');
}

export function countMedian(): RunningMedian {
  const counts = new Map<number, number>();
  let n = 0;
  return {
    add(value) {
      counts.set(value, (counts.get(value) ?? 0) + 1);
      n++;
    },
    get count() {
      return n;
    },
    value() {
      if (n === 0) return null;
      const keys = Float64Array.from(counts.keys()).sort();
      return middle((function* () {
        for (const k of keys) yield [k, counts.get(k)!] as [number, number];
      })(), n);
    },
  };
}

export const EXACT_LIMIT = 65_536;
export const BIN_WIDTH = 1e-6;
const BINS = 1_000_001;

export function unitMedian(): RunningMedian {
  let exact: Float64Array | undefined = new Float64Array(1024);
  let histogram: Uint32Array | undefined;
  let n = 0;
  const bin = (v: number) => Math.min(BINS - 1, Math.max(0, Math.round(v / BIN_WIDTH)));
  return {
    add(value) {
      if (exact) {
        if (n < EXACT_LIMIT) {
          if (n === exact.length) {
            const grown = new Float64Array(Math.min(EXACT_LIMIT, exact.length * 2));
            grown.set(exact);
            exact = grown;
          }
          exact[n++] = value;
          return;
        }
        histogram = new Uint32Array(BINS);
        for (let i = 0; i < n; i++) histogram[bin(exact[i])]++;
        exact = undefined;
      }
      histogram![bin(value)]++;
      n++;
    },
    get count() {
      return n;
    },
    value() {
      if (n === 0) return null;
      if (exact) return median(exact.subarray(0, n));
      const h = histogram!;
      return middle((function* () {
        for (let i = 0; i < BINS; i++) if (h[i] > 0) yield [i * BIN_WIDTH, h[i]] as [number, number];
      })(), n);
    },
  };
}
