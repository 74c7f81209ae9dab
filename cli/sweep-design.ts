/**
 * The points of a sweep: every combination of the parameters' values (a full grid, the first
 * parameter varying slowest), or a Latin hypercube sample: `samples` points, each parameter's
 * range cut into `samples` equal strata and each stratum used exactly once, drawn with the
 * core's seeded generator so the same experiment gives the same points everywhere. A Morris or
 * Sobol design's points are those of analysis/morris.ts and analysis/saltelli.ts, taken from the
 * unit cube to the parameters' ranges.
 */
import { createRng, type Rng } from '../sim/index.ts';
import { gridValues, morrisPoints, saltelliPoints } from '../analysis/index.ts';
import type { Experiment, ParameterValue, ParameterValues } from './experiment-schema.ts';

export type Point = ParameterValue[];

/** Ranges give `from + i·step` up to `to`, written with 12 significant digits (0.3, not 0.30000000000000004). */
export function parameterValues(values: ParameterValues): ParameterValue[] | undefined {
  if (Array.isArray(values)) return values;
  const { from, to, step, count } = values;
  const tidy = (x: number) => Number(x.toPrecision(12));
  if (count !== undefined) return gridValues(from, to, count);
  if (step === undefined) return undefined;
  const n = Math.floor(Math.abs(to - from) / step + 1e-9) + 1;
  const sign = to >= from ? 1 : -1;
  return Array.from({ length: n }, (_, i) => tidy(from + sign * i * step));
}

export function designPoints(experiment: Experiment): Point[] {
  const specs = Object.values(experiment.parameters);
  const design = experiment.design;
  if (design === 'grid') {
    let points: Point[] = [[]];
    for (const spec of specs) {
      const values = parameterValues(spec)!;
      points = points.flatMap((p) => values.map((v) => [...p, v]));
    }
    return points;
  }
  if ('morris' in design || 'sobol' in design) {
    const unit = 'morris' in design
      ? morrisPoints(design.morris.trajectories, specs.length, design.morris.levels, design.morris.seed).points
      : saltelliPoints(design.sobol.samples, specs.length, design.sobol.seed);
    return unit.map((u) => specs.map((spec, j) => valueAt(spec, u[j])));
  }
  const { samples, seed } = design['latin-hypercube'];
  const rng = createRng(seed);
  const columns = specs.map((spec) => {
    const strata = shuffle(samples, rng);
    const discrete = parameterValues(spec);
    return strata.map((stratum) => {
      const q = (stratum + rng.uniform()) / samples;
      if (discrete) return discrete[Math.min(discrete.length - 1, Math.floor(q * discrete.length))];
      const { from, to } = spec as { from: number; to: number };
      return from + (to - from) * q;
    });
  });
  return Array.from({ length: samples }, (_, i) => columns.map((column) => column[i]));
}

/**
 * The value at `u` in [0, 1] of a parameter's range (`from + (to − from)·u`, written with 12
 * significant digits), or of its list of values (the one whose equal share of [0, 1] holds u).
 */
export function valueAt(spec: ParameterValues, u: number): ParameterValue {
  if (Array.isArray(spec)) return spec[Math.min(spec.length - 1, Math.floor(u * spec.length))];
  const discrete = spec.step !== undefined || spec.count !== undefined ? parameterValues(spec)! : undefined;
  if (discrete) return discrete[Math.min(discrete.length - 1, Math.floor(u * discrete.length))];
  return Number((spec.from + (spec.to - spec.from) * u).toPrecision(12));
}

/** Fisher–Yates on 0 .. n-1. */
function shuffle(n: number, rng: Rng): number[] {
  const a = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.uniform() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
