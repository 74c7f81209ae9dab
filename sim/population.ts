/**
 * The stakeholders of a scenario as struct-of-arrays: one typed array per attribute, indexed by
 * stakeholder (vectors flattened as `i * D + k`). Generated groups are expanded here, drawing
 * from the run's stream in scenario order, member by member, field by field (MODEL.md section 9).
 */
import { createArena, type Arena } from './arena.ts';
import type { Rng } from './rng.ts';
import { ATTRIBUTE_RANGES } from './scenario/attribute-ranges.ts';
import type { GroupSpec, Role, ScalarDistribution, Scenario, VectorDistribution } from './scenario/schema.ts';
import { countStakeholders, isGroup } from './scenario/stakeholder-entries.ts';

/** Role bits, one per column of the convenor's table. */
export const ROLE_BIT: Record<Role, number> = {
  defines: 1,
  affected: 2,
  involved: 4,
  decides: 8,
  implements: 16,
};

export function roleBits(roles: readonly Role[]): number {
  let bits = 0;
  for (const role of roles) bits |= ROLE_BIT[role];
  return bits;
}

export interface Population {
  /** Number of stakeholders after expansion. */
  n: number;
  /** Number of issues. */
  d: number;
  ideal: Float64Array;
  /** Salience, normalised so each stakeholder's weights sum to 1. */
  salience: Float64Array;
  power: Float64Array;
  resources: Float64Array;
  reservation: Float64Array;
  concession: Float64Array;
  openness: Float64Array;
  outside: Float64Array;
  absence: Float64Array;
  patience: Float64Array;
  /** Cost of attending one round (the constituency's, else the convenor's). */
  cost: Float64Array;
  constituency: Int32Array;
  roles: Uint8Array;
  /** The id of stakeholder i (generated ids are made on demand). */
  id(i: number): string;
  /** The index of stakeholder id, or -1. */
  indexOf(id: string): number;
}

type ScalarField = 'power' | 'resources' | 'reservation' | 'concession' | 'openness' | 'outside' | 'absence' | 'patience';
const SCALAR_FIELDS: readonly ScalarField[] = [
  'power',
  'resources',
  'reservation',
  'concession',
  'openness',
  'outside',
  'absence',
  'patience',
];

/** Open bounds are kept open by this margin when a normal draw is clipped. */
const OPEN_MARGIN = 1e-6;

function clip(value: number, range: { min?: number; max?: number; above?: boolean; below?: boolean }): number {
  let v = value;
  if (range.min !== undefined) v = Math.max(v, range.above ? range.min + OPEN_MARGIN : range.min);
  if (range.max !== undefined) v = Math.min(v, range.below ? range.max - OPEN_MARGIN : range.max);
  return v;
}

function drawScalar(form: ScalarDistribution, range: object, rng: Rng): number {
  if (typeof form === 'number') return form;
  if ('uniform' in form) {
    // Indexed, not destructured: destructuring walks an iterator, an object per draw.
    const lo = form.uniform[0];
    const hi = form.uniform[1];
    return lo + (hi - lo) * rng.uniform();
  }
  return clip(form.normal.mean + form.normal.sd * rng.normal(), range);
}

const at = (v: number | number[], k: number) => (typeof v === 'number' ? v : v[k]);

function drawVector(form: VectorDistribution, range: object, rng: Rng, out: Float64Array, offset: number, d: number) {
  for (let k = 0; k < d; k++) {
    let v: number;
    if (typeof form === 'number') v = form;
    else if (Array.isArray(form)) v = drawScalar(form[k], range, rng);
    else if ('uniform' in form) {
      const lo = at(form.uniform[0], k);
      const hi = at(form.uniform[1], k);
      v = lo + (hi - lo) * rng.uniform();
    } else v = clip(at(form.normal.mean, k) + at(form.normal.sd, k) * rng.normal(), range);
    out[offset + k] = v;
  }
}

function normaliseSalience(salience: Float64Array, offset: number, d: number) {
  let sum = 0;
  for (let k = 0; k < d; k++) sum += salience[offset + k];
  if (sum > 0) for (let k = 0; k < d; k++) salience[offset + k] /= sum;
  else for (let k = 0; k < d; k++) salience[offset + k] = 1 / d;
}

/** Expands a validated scenario into typed arrays, drawing generated members from `rng`. */
export function createPopulation(scenario: Scenario, rng: Rng, arena?: Arena): Population {
  const n = countStakeholders(scenario.stakeholders);
  const d = scenario.issues.length;
  const a = arena ?? createArena(0);
  const constituencyIndex = new Map(scenario.constituencies.map((c, i) => [c.id, i]));

  // Ids: explicit ones kept, generated ones computed from the group's prefix on demand.
  const explicitIds = new Map<number, string>();
  const groups: { start: number; count: number; prefix: string }[] = [];
  let index: Map<string, number> | undefined;
  const id = (j: number): string => {
    const explicit = explicitIds.get(j);
    if (explicit !== undefined) return explicit;
    for (const g of groups) if (j >= g.start && j < g.start + g.count) return `${g.prefix}-${j - g.start + 1}`;
    return `#${j}`;
  };

  // One literal, not arrays spread into another at the end: V8 promoted the spread's copy of
  // each run's population to the old generation.
  const p: Population = {
    n,
    d,
    ideal: a.f64(n * d),
    salience: a.f64(n * d),
    power: a.f64(n),
    resources: a.f64(n),
    reservation: a.f64(n),
    concession: a.f64(n),
    openness: a.f64(n),
    outside: a.f64(n),
    absence: a.f64(n),
    patience: a.f64(n),
    cost: a.f64(n),
    constituency: a.i32(n),
    roles: a.u8(n),
    id,
    indexOf(wanted: string) {
      index ??= new Map(Array.from({ length: n }, (_, j) => [id(j), j]));
      return index.get(wanted) ?? -1;
    },
  };

  let i = 0;
  for (const entry of scenario.stakeholders) {
    const c = constituencyIndex.get(entry.constituency)!;
    const constituency = scenario.constituencies[c];
    const roles = roleBits(entry.roles ?? constituency.roles);
    const cost = constituency.attendanceCost ?? scenario.convenor.attendanceCost;
    if (isGroup(entry)) {
      groups.push({ start: i, count: entry.generate, prefix: entry.idPrefix });
      const plan = scalarPlan(entry, p);
      for (let m = 0; m < entry.generate; m++, i++) {
        drawMember(entry, plan, i, p, d, rng);
        p.constituency[i] = c;
        p.roles[i] = roles;
        p.cost[i] = cost;
      }
    } else {
      explicitIds.set(i, entry.id);
      p.ideal.set(entry.ideal, i * d);
      if (entry.salience) p.salience.set(entry.salience, i * d);
      normaliseSalience(p.salience, i * d, d);
      for (const field of SCALAR_FIELDS) p[field][i] = entry[field];
      p.constituency[i] = c;
      p.roles[i] = roles;
      p.cost[i] = cost;
      i++;
    }
  }
  return p;
}

type Arrays = Omit<Population, 'id' | 'indexOf' | 'n' | 'd'>;

/**
 * A group's scalar fields in SCALAR_FIELDS order: the distribution, its range and the array it
 * fills. Looked up once per group rather than by field name for every member, which made the
 * lookups megamorphic and cost most of a small run's set-up.
 */
interface ScalarPlan {
  forms: ScalarDistribution[];
  ranges: object[];
  arrays: Float64Array[];
}

function scalarPlan(group: GroupSpec, p: Arrays): ScalarPlan {
  return {
    forms: SCALAR_FIELDS.map((field) => group[field]),
    ranges: SCALAR_FIELDS.map((field) => ATTRIBUTE_RANGES[field]),
    arrays: SCALAR_FIELDS.map((field) => p[field]),
  };
}

function drawMember(group: GroupSpec, plan: ScalarPlan, i: number, p: Arrays, d: number, rng: Rng) {
  drawVector(group.ideal, ATTRIBUTE_RANGES.ideal, rng, p.ideal, i * d, d);
  if (group.salience !== undefined) drawVector(group.salience, ATTRIBUTE_RANGES.salience, rng, p.salience, i * d, d);
  normaliseSalience(p.salience, i * d, d);
  const { forms, ranges, arrays } = plan;
  for (let f = 0; f < forms.length; f++) arrays[f][i] = drawScalar(forms[f], ranges[f], rng);
}

