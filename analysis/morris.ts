/**
 * Morris's elementary effects (Morris 1991, "Factorial sampling plans for preliminary
 * computational experiments", Technometrics 33; μ* from Campolongo, Cariboni & Saltelli 2007).
 *
 * A trajectory starts at a point of the `levels`-level grid of the unit cube and moves one factor
 * at a time, in a random order, by Δ = levels / (2 (levels − 1)) (up when that stays in the cube,
 * else down): `factors + 1` points. Factor i's elementary effect on that trajectory is
 *   EE_i = (f(after) − f(before)) / ±Δ,
 * in output units per unit of the factor's range, as SALib reports it. Over the trajectories:
 * μ* = mean |EE| (how much the factor matters), μ = mean EE (in which direction), σ = standard
 * deviation of EE (how much its effect depends on the others: interactions, non-linearity), and
 * a bootstrap 95% interval for μ* over the trajectories.
 */
import { createRng } from '../sim/index.ts';
import { bootstrap, type Interval } from './bootstrap.ts';

export interface MorrisDesign {
  points: number[][];
  /** For each trajectory, the factor moved at each of its steps, and by how much (±Δ). */
  moves: { factor: number; delta: number }[][];
}

export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

export function morrisPoints(trajectories: number, factors: number, levels: number, seed: number): MorrisDesign {
  if (levels < 2 || levels % 2 !== 0) throw new Error(`levels must be an even number of at least 2, got ${levels}`);
  const rng = createRng(seed);
  const delta = morrisDelta(levels);
  const points: number[][] = [];
  const moves: MorrisDesign['moves'] = [];
  for (let t = 0; t < trajectories; t++) {
    // Levels as whole numbers k (the point k/(levels−1)); a move of Δ is levels/2 of them.
    let k = Array.from({ length: factors }, () => Math.floor(rng.uniform() * levels));
    const order = Array.from({ length: factors }, (_, i) => i);
    for (let i = factors - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const at = (levelsOf: number[]) => levelsOf.map((l) => tidy(l / (levels - 1)));
    points.push(at(k));
    const steps: { factor: number; delta: number }[] = [];
    for (const factor of order) {
      // Levels below levels/2 move up by Δ, the others down: both stay on the grid.
      const up = k[factor] < levels / 2;
      k = k.map((l, i) => (i === factor ? l + (up ? levels / 2 : -levels / 2) : l));
      points.push(at(k));
      steps.push({ factor, delta: up ? delta : -delta });
    }
    moves.push(steps);
  }
  return { points, moves };
}

export interface MorrisIndex {
  /** Mean absolute elementary effect, with its bootstrap interval. */
  muStar: Interval;
  mu: number;
  sigma: number;
}

/** `outputs` in morrisPoints' order. */
export function morrisIndices(design: MorrisDesign, outputs: ArrayLike<number>, factors: number, seed = 1): MorrisIndex[] {
  const stride = factors + 1;
  if (outputs.length !== design.moves.length * stride) throw new Error(`expected ${design.moves.length * stride} outputs, got ${outputs.length}`);
  const effects = Array.from({ length: factors }, () => new Float64Array(design.moves.length));
  design.moves.forEach((steps, t) => {
    steps.forEach(({ factor, delta }, s) => {
      effects[factor][t] = (outputs[t * stride + s + 1] - outputs[t * stride + s]) / delta;
    });
  });
  return effects.map((ee, i) => {
    const r = ee.length;
    const mu = ee.reduce((a, b) => a + b, 0) / r;
    const sigma = r > 1 ? Math.sqrt(ee.reduce((a, b) => a + (b - mu) ** 2, 0) / (r - 1)) : 0;
    const muStar = bootstrap(r, (rows) => {
      let s = 0;
      for (const t of rows) s += Math.abs(ee[t]);
      return s / rows.length;
    }, seed + i);
    return { muStar, mu, sigma };
  });
}

/** Grid levels written without binary noise (2/3 + 1/3 is 1, not 0.9999999999999999). */
function tidy(x: number): number {
  return Number(x.toPrecision(12));
}
