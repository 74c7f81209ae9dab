/**
 * The 95% Wilson score interval of a share: the batch summary, the sweep summary and the page's
 * "many seeds" panel all give this one. Unlike the normal approximation it stays inside [0, 1]
 * and is sensible at 0 and at `trials`, which small batches hit often. Kept apart from the core's
 * index so the page can import it without the simulation.
 */

/** The 0.975 quantile of the standard normal: a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

export function wilsonInterval(successes: number, trials: number, z = Z_95): [number, number] {
  if (trials <= 0) return [0, 1];
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  // At 0 and at `trials` the bounds are exactly 0 and 1; rounding would leave 0.9999999999999999.
  return [successes <= 0 ? 0 : Math.max(0, centre - half), successes >= trials ? 1 : Math.min(1, centre + half)];
}
