/**
 * PRIM, the patient rule induction method (Friedman & Fisher 1999, "Bump hunting in
 * high-dimensional data", Statistics and Computing 9), as the EMA Workbench uses it for scenario
 * discovery (Bryant & Lempert 2010): find a box of conditions inside which an outcome is much
 * more likely than overall.
 *
 * Peeling: start from the box holding every row; at each step, try cutting each condition's
 * lowest or highest `alpha` share of the rows still in the box (at least one distinct value, so
 * a grid's condition loses its lowest or highest value), and keep the cut that leaves the highest
 * density (the outcome's share inside). Stop when fewer than `minMass` of all rows remain, no
 * cut is left, or every row inside has the outcome. Each box on the way is a point of the peeling trajectory: its coverage (the share
 * of all the outcome's rows inside it) against its density. No pasting step: the boxes only
 * shrink, as in the EMA Workbench's default of `paste=False` for a first look.
 */

export interface PrimInput {
  /** The conditions' names, one per column of `x`. */
  names: string[];
  /** One row per run: the conditions' values. */
  x: number[][];
  /** 1 when the run had the outcome, else 0. */
  y: ArrayLike<number>;
}

export interface PrimOptions {
  /** The share of the box's rows a cut removes (default 0.05). */
  alpha?: number;
  /** Stop when the box holds fewer than this share of all rows (default 0.05). */
  minMass?: number;
}

export interface Limit {
  low: number;
  high: number;
}

export interface PrimBox {
  /** Per condition: the lowest and highest values inside the box. */
  limits: Limit[];
  /** Rows inside the box with the outcome / all rows with the outcome. */
  coverage: number;
  /** Rows inside the box with the outcome / rows inside the box. */
  density: number;
  /** Rows inside the box / all rows. */
  mass: number;
  /** Rows inside the box. */
  rows: number;
}

export function primPeel(input: PrimInput, options: PrimOptions = {}): PrimBox[] {
  const alpha = options.alpha ?? 0.05;
  const minMass = options.minMass ?? 0.05;
  const { x, y } = input;
  const d = input.names.length;
  const n = x.length;
  let total = 0;
  for (let r = 0; r < n; r++) total += y[r];
  let inside = Array.from({ length: n }, (_, r) => r);
  const describe = (rows: number[]): PrimBox => {
    let hits = 0;
    for (const r of rows) hits += y[r];
    const limits = Array.from({ length: d }, (_, j) => {
      let low = Infinity;
      let high = -Infinity;
      for (const r of rows) {
        low = Math.min(low, x[r][j]);
        high = Math.max(high, x[r][j]);
      }
      return { low, high };
    });
    return { limits, coverage: total > 0 ? hits / total : 0, density: rows.length > 0 ? hits / rows.length : 0, mass: rows.length / n, rows: rows.length };
  };
  const trajectory = [describe(inside)];
  // A box of density 1 cannot be improved on: peeling it further only loses coverage.
  while (trajectory[trajectory.length - 1].density < 1) {
    let best: { rows: number[]; density: number } | undefined;
    for (let j = 0; j < d; j++) {
      const values = inside.map((r) => x[r][j]).sort((a, b) => a - b);
      const count = Math.max(1, Math.floor(alpha * values.length));
      // Cut below the value `count` rows up (at least the lowest value), or above the one `count` down.
      const lowCut = values[Math.min(values.length - 1, count)] === values[0] ? next(values, values[0]) : values[count];
      const highCut = values[values.length - 1 - count] === values[values.length - 1] ? previous(values, values[values.length - 1]) : values[values.length - 1 - count];
      for (const keep of [
        lowCut === undefined ? undefined : (r: number) => x[r][j] >= lowCut,
        highCut === undefined ? undefined : (r: number) => x[r][j] <= highCut,
      ]) {
        if (!keep) continue;
        const rows = inside.filter(keep);
        if (rows.length === 0 || rows.length === inside.length || rows.length < minMass * n) continue;
        let hits = 0;
        for (const r of rows) hits += y[r];
        const density = hits / rows.length;
        if (!best || density > best.density || (density === best.density && rows.length > best.rows.length)) best = { rows, density };
      }
    }
    if (!best) break;
    inside = best.rows;
    trajectory.push(describe(inside));
  }
  return trajectory;
}

/**
 * The box to report. Among the boxes still covering at least `minCoverage` of the outcome's rows
 * (default one half), the densest one's density is partly luck: later peels fit the noise. So,
 * by the one-standard-error rule of Breiman et al. (1984, for pruning trees), the report takes
 * the first (largest) box whose density is within one standard error, √(d(1 − d)/rows), of the
 * densest's.
 */
export function chooseBox(trajectory: PrimBox[], minCoverage = 0.5): PrimBox {
  const covering = trajectory.filter((box) => box.coverage >= minCoverage);
  if (covering.length === 0) return trajectory[0];
  const densest = covering.reduce((a, b) => (b.density > a.density ? b : a));
  const se = Math.sqrt((densest.density * (1 - densest.density)) / densest.rows);
  return covering.find((box) => box.density >= densest.density - se)!;
}

/** The conditions a box restricts, against the whole data's range, in words. */
export function boxConditions(box: PrimBox, whole: PrimBox, names: string[], format: (v: number) => string = String): string[] {
  const words: string[] = [];
  box.limits.forEach(({ low, high }, j) => {
    const [lowCut, highCut] = [low > whole.limits[j].low, high < whole.limits[j].high];
    if (lowCut && highCut) words.push(`${names[j]} is between ${format(low)} and ${format(high)}`);
    else if (lowCut) words.push(`${names[j]} is at least ${format(low)}`);
    else if (highCut) words.push(`${names[j]} is at most ${format(high)}`);
  });
  return words;
}

function next(sorted: number[], value: number): number | undefined {
  for (const v of sorted) if (v > value) return v;
  return undefined;
}

function previous(sorted: number[], value: number): number | undefined {
  for (let i = sorted.length - 1; i >= 0; i--) if (sorted[i] < value) return sorted[i];
  return undefined;
}
