/**
 * A synthetic population, the one the per-stakeholder benchmark, the kernel tests and the golden results run: N stakeholders over D issues in two
 * constituencies (one organized, one organizing late and absent one round in ten), attributes
 * drawn from distributions, and one holdout under unanimity so the process never adopts and every
 * measured round is a full round. Concession shapes are shared within a constituency (Boulware
 * business, Conceder civil society) or, with `shapes: 'each'`, drawn for every stakeholder, which
 * costs an exponential per stakeholder and round.
 */
import { scenarioSchema, type Scenario } from '../sim/scenario/index.ts';

export function populationScenario(n: number, d: number, shapes: 'shared' | 'each' = 'shared'): Scenario {
  const shape = (shared: number) => (shapes === 'each' ? { uniform: [0.5, 2] } : shared);
  const half = Math.floor((n - 1) / 2);
  return scenarioSchema.parse({
    convene: 1,
    name: `bench N=${n} D=${d}`,
    horizon: 100_000,
    issues: Array.from({ length: d }, (_, k) => ({ id: `issue-${k}` })),
    constituencies: [
      { id: 'business', roles: ['defines', 'affected', 'involved', 'decides', 'implements'] },
      { id: 'civil', organized: false, organizeRounds: 5 },
    ],
    stakeholders: [
      { id: 'holdout', constituency: 'business', ideal: Array(d).fill(0), reservation: 1, openness: 0.01 },
      {
        generate: n - 1 - half,
        idPrefix: 'firm',
        constituency: 'business',
        ideal: { normal: { mean: 0.3, sd: 0.15 } },
        salience: { uniform: [0.5, 1.5] },
        power: { uniform: [0.5, 3] },
        reservation: { uniform: [0.4, 0.7] },
        concession: shape(0.7),
        openness: { uniform: [0.5, 1] },
      },
      {
        generate: half,
        idPrefix: 'ngo',
        constituency: 'civil',
        ideal: { normal: { mean: 0.7, sd: 0.15 } },
        power: { uniform: [0.2, 1] },
        reservation: { uniform: [0.4, 0.7] },
        concession: shape(1.5),
        absence: 0.1,
      },
    ],
    convenor: {
      rule: { type: 'unanimity' },
      deadline: null,
      declareFailure: { allowed: false },
      attendanceCost: 1,
      subsidies: { business: 1, civil: 1 },
      agenda: { growth: 0.02 },
    },
  });
}
