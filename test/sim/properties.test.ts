/**
 * Invariants that hold for any scenario the format allows, checked on scenarios fast-check
 * generates: shares and utilities stay in [0, 1], stated positions stay on the segment from ideal
 * to proposal, results are deterministic, and no valid scenario crashes the core.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRun, runScenario, stateOf } from '../../sim/run.ts';
import { ROLES, scenarioSchema, type Scenario } from '../../sim/scenario/schema.ts';
import { STANCE } from '../../sim/run-state.ts';
import { FLAGS, MEASURES, OUTCOMES } from '../../sim/result.ts';
import { MAX_POWER, MAX_RESOURCES, MAX_SALIENCE } from '../../sim/scenario/attribute-ranges.ts';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const open = fc.double({ min: 0.01, max: 1, noNaN: true });

const scenarioArbitrary = fc
  .record({
    d: fc.integer({ min: 1, max: 4 }),
    constituencies: fc.array(
      fc.record({
        organized: fc.boolean(),
        organizeRounds: fc.integer({ min: 0, max: 30 }),
        roles: fc.subarray([...ROLES]),
        attendanceCost: fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    people: fc.array(
      fc.record({
        c: fc.nat(),
        ideal: fc.array(unit, { minLength: 4, maxLength: 4 }),
        salience: fc.array(fc.double({ min: 0, max: 5, noNaN: true }), { minLength: 4, maxLength: 4 }),
        power: fc.double({ min: 0.01, max: 10, noNaN: true }),
        resources: fc.double({ min: 0, max: 50, noNaN: true }),
        reservation: unit,
        concession: fc.double({ min: 0.05, max: 20, noNaN: true }),
        openness: open,
        outside: unit,
        absence: fc.double({ min: 0, max: 0.9, noNaN: true }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
    group: fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
    rule: fc.constantFrom('unanimity', 'rough-consensus', 'supermajority', 'majority'),
    threshold: fc.double({ min: 0.51, max: 1, noNaN: true }),
    mandate: fc.constantFrom('decision', 'recommendation', 'consultation'),
    weighting: fc.constantFrom('power', 'head'),
    deadline: fc.option(fc.integer({ min: 1, max: 80 }), { nil: null }),
    failure: fc.boolean(),
    stallRounds: fc.integer({ min: 1, max: 30 }),
    sideChannel: fc.boolean(),
    inRoom: fc.option(fc.record({ preferred: fc.array(unit, { minLength: 4, maxLength: 4 }), pull: unit }), { nil: null }),
    attendanceCost: fc.double({ min: 0, max: 2, noNaN: true }),
    subsidy: fc.double({ min: 0, max: 2, noNaN: true }),
    goodEnough: fc.double({ min: 0, max: 0.2, noNaN: true }),
    items: fc.integer({ min: 1, max: 4 }),
    growth: fc.double({ min: 0, max: 0.5, noNaN: true }),
    quorum: unit,
    draftNoise: fc.double({ min: 0, max: 0.2, noNaN: true }),
    box: fc.array(fc.tuple(unit, unit), { minLength: 4, maxLength: 4 }),
  })
  .map((g): Scenario => {
    const ids = g.constituencies.map((_, k) => `c${k}`);
    const stakeholders: unknown[] = g.people.map((p, k) => ({
      ...p,
      c: undefined,
      id: `s${k}`,
      constituency: ids[p.c % ids.length],
      ideal: p.ideal.slice(0, g.d),
      salience: p.salience.slice(0, g.d),
    }));
    if (g.group) {
      stakeholders.push({
        generate: g.group,
        idPrefix: 'g',
        constituency: ids[0],
        ideal: { normal: { mean: 0.5, sd: 0.3 } },
        power: { uniform: [0.1, 2] },
        concession: { uniform: [0.2, 3] },
        absence: 0.1,
      });
    }
    return scenarioSchema.parse({
      convene: 1,
      name: 'generated',
      horizon: 120,
      issues: Array.from({ length: g.d }, (_, k) => ({ id: `i${k}` })),
      constituencies: g.constituencies.map((c, k) => ({ ...c, id: ids[k], roles: c.roles })),
      stakeholders: JSON.parse(JSON.stringify(stakeholders)),
      convenor: {
        mandate: g.mandate,
        rule: { type: g.rule, threshold: g.threshold },
        weighting: g.weighting,
        acceptable: {
          min: g.box.slice(0, g.d).map(([a, b]) => Math.min(a, b)),
          max: g.box.slice(0, g.d).map(([a, b]) => Math.max(a, b)),
        },
        deadline: g.deadline,
        declareFailure: { allowed: g.failure, stallRounds: g.stallRounds },
        sideChannel: g.sideChannel,
        inRoom: g.inRoom && { preferred: g.inRoom.preferred.slice(0, g.d), pull: g.inRoom.pull },
        attendanceCost: g.attendanceCost,
        subsidies: { [ids[0]]: g.subsidy },
        goodEnough: g.goodEnough,
        agenda: { items: g.items, growth: g.growth },
        quorum: g.quorum,
        draftNoise: g.draftNoise,
      },
    });
  });

const inUnit = (v: number) => v >= 0 && v <= 1;

/** A value anywhere in [min, max], often exactly at an edge or the smallest step above it. */
const edgy = (min: number, max: number) =>
  fc.oneof(fc.constant(max), fc.constant(min), fc.constant(Math.max(min, Number.MIN_VALUE)), fc.double({ min, max, noNaN: true }));

/**
 * Generated scenarios with power, salience, resources, costs and subsidies pushed to the edges of
 * what validates (SCENARIO.md's ranges and sim/scenario/attribute-ranges.ts' bounds), re-validated.
 */
const extremeArbitrary = fc
  .tuple(
    scenarioArbitrary,
    fc.array(fc.record({ power: edgy(Number.MIN_VALUE, MAX_POWER), salience: edgy(0, MAX_SALIENCE), resources: edgy(0, MAX_RESOURCES) }), { minLength: 12, maxLength: 12 }),
    edgy(0, MAX_RESOURCES),
    edgy(0, MAX_RESOURCES),
  )
  .map(([scenario, extremes, cost, subsidy]) => {
    const copy = structuredClone(scenario) as unknown as Record<string, any>;
    let k = 0;
    for (const s of copy.stakeholders) {
      if ('generate' in s) continue;
      const e = extremes[k++ % extremes.length];
      s.power = e.power;
      s.resources = e.resources;
      s.salience = s.salience.map(() => e.salience);
    }
    copy.convenor.attendanceCost = cost;
    for (const id of Object.keys(copy.convenor.subsidies)) copy.convenor.subsidies[id] = subsidy;
    return scenarioSchema.parse(copy);
  });

/** Every number anywhere in `value` (a result), with the path to it. */
function numbersIn(value: unknown, path = 'result', out: [string, number][] = []): [string, number][] {
  if (typeof value === 'number') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => numbersIn(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numbersIn(v, `${path}.${k}`, out);
  return out;
}

describe('invariants of the core', () => {
  it('no generated scenario crashes the core, and every result keeps the contract', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (scenario, seed) => {
        const r = runScenario(scenario, { seed, series: true, events: true });
        expect(OUTCOMES).toContain(r.outcome);
        expect(r.flags).toEqual(FLAGS.filter((f) => r.flags.includes(f)));
        expect(r.rounds).toBeGreaterThanOrEqual(1);
        expect(r.rounds).toBeLessThanOrEqual(120);
        if (r.adopted) {
          expect(r.rounds).toBe(r.adopted.round + 1);
          expect(r.legitimacy).not.toBeNull();
        } else {
          expect(r.legitimacy).toBeNull();
          expect(r.flags).toEqual([]);
        }
        for (const v of [r.support, r.participation, r.inclusion, r.bestSupport.support, r.legitimacy ?? 0]) expect(inUnit(v)).toBe(true);
        for (const m of MEASURES) {
          expect(r.series![m]).toHaveLength(r.rounds);
          if (m !== 'openItems') for (const v of r.series![m]) expect(inUnit(v)).toBe(true);
        }
        expect(r.explanation.length).toBeGreaterThan(20);
      }),
      { numRuns: 150 },
    );
  });

  it('no result field is ever NaN or infinite, even with every amount at the edge of its range', () => {
    fc.assert(
      fc.property(extremeArbitrary, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (scenario, seed) => {
        const r = runScenario(scenario, { seed, series: true, events: true });
        const bad = numbersIn(r).filter(([, v]) => !Number.isFinite(v));
        expect(bad).toEqual([]);
        expect(r.explanation).not.toMatch(/NaN|Infinity/);
      }),
      { numRuns: 150 },
    );
  });

  it('utilities and aspirations stay in [0, 1] and stated positions stay on the segment from ideal to proposal', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 0, max: 1000 }), (scenario, seed) => {
        const run = createRun(scenario, { seed, record: false });
        const s = stateOf(run);
        const { n, d, ideal } = s.pop;
        while (!run.done) {
          run.step();
          for (let i = 0; i < n; i++) {
            if (s.stance[i] === STANCE.absent || !s.present[i]) continue;
            expect(inUnit(1 - s.distance[i])).toBe(true);
            expect(inUnit(s.aspiration[i])).toBe(true);
            if (run.done) continue; // concession does not run in the last round
            // y = x + θ(p − x) with one θ in [0, 1] for every issue. θ is read on the issue where
            // the proposal is farthest from the ideal (a ratio over a gap of 1e-9 would carry the
            // rounding of y a billion times over), then every issue is checked against it in
            // absolute terms.
            let widest = -1;
            let gap = 0;
            for (let k = 0; k < d; k++) {
              const x = ideal[i * d + k];
              const p = s.proposal[k];
              const y = s.position[i * d + k];
              expect(Math.min(x, p) - 1e-12 <= y && y <= Math.max(x, p) + 1e-12).toBe(true);
              if (Math.abs(p - x) > gap) { gap = Math.abs(p - x); widest = k; }
            }
            if (widest >= 0) {
              const theta = (s.position[i * d + widest] - ideal[i * d + widest]) / (s.proposal[widest] - ideal[i * d + widest]);
              expect(theta).toBeGreaterThanOrEqual(-1e-12);
              expect(theta).toBeLessThanOrEqual(1 + 1e-12);
              for (let k = 0; k < d; k++) {
                const x = ideal[i * d + k];
                expect(Math.abs(s.position[i * d + k] - (x + theta * (s.proposal[k] - x)))).toBeLessThan(1e-12);
              }
            }
          }
          for (let k = 0; k < d; k++) {
            expect(s.proposal[k]).toBeGreaterThanOrEqual(s.cond.boxMin[k]);
            expect(s.proposal[k]).toBeLessThanOrEqual(s.cond.boxMax[k]);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('is deterministic: the same scenario and seed give the same result, with or without the record', () => {
    fc.assert(
      fc.property(scenarioArbitrary, fc.integer({ min: 0, max: 2 ** 32 - 1 }), (scenario, seed) => {
        const a = JSON.stringify(runScenario(scenario, { seed, series: true }));
        const b = JSON.stringify(runScenario(structuredClone(scenario), { seed, series: true, record: true }));
        expect(b).toBe(a);
      }),
      { numRuns: 60 },
    );
  });

  it('different seeds draw different generated populations', () => {
    const scenario = scenarioSchema.parse({
      convene: 1,
      name: 'g',
      issues: [{ id: 'a' }],
      constituencies: [{ id: 'c' }],
      stakeholders: [{ generate: 5, idPrefix: 'g', constituency: 'c', ideal: { uniform: [0, 1] } }],
    });
    const ideals = (seed: number) => Array.from(stateOf(createRun(scenario, { seed })).pop.ideal);
    expect(ideals(1)).toEqual(ideals(1));
    expect(ideals(1)).not.toEqual(ideals(2));
  });
});
