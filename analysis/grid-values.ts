/**
 * The values of a range cut into `count` evenly spaced points from `from` to `to`, both included,
 * written with 12 significant digits (0.3, not 0.30000000000000004): a sweep's `count` ranges and
 * both regime maps' axes, on the command line and in the page alike.
 */
export function gridValues(from: number, to: number, count: number): number[] {
  const tidy = (x: number) => Number(x.toPrecision(12));
  return Array.from({ length: count }, (_, i) => tidy(count === 1 ? from : from + ((to - from) * i) / (count - 1)));
}
