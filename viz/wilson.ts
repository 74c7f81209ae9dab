/**
 * The 95% Wilson score interval of a share, as the command line's batch summary gives it
 * (cli/summary.ts; test/viz/wilson.test.ts keeps the two equal). A copy, so the page's bundle
 * does not pull in the command line's imports.
 */
const Z_95 = 1.959963984540054;

export function wilsonInterval(successes: number, trials: number, z = Z_95): [number, number] {
  if (trials <= 0) return [0, 1];
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return [successes <= 0 ? 0 : Math.max(0, centre - half), successes >= trials ? 1 : Math.min(1, centre + half)];
}
