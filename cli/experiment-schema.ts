/**
 * An experiment file (docs/experiments.md): a base scenario, the parameters to vary, the design
 * (full grid, Latin hypercube, or a sensitivity analysis's: Morris trajectories, Saltelli's
 * samples for Sobol indices) and the seeds per point.
 */
import { z } from 'zod';

const finite = z.number().refine(Number.isFinite, 'expected a finite number');
const value = z.union([finite, z.string(), z.boolean()]);

/** `{from, to, step}` or `{from, to, count}` (both ends included); `{from, to}` alone for a Latin hypercube. */
export const rangeSchema = z
  .strictObject({ from: finite, to: finite, step: finite.positive().optional(), count: z.int().min(1).max(10_000).optional() })
  .refine((r) => r.step === undefined || r.count === undefined, 'give step or count, not both');

export const parameterSchema = z.union([z.array(value).min(1, 'expected at least one value').max(10_000), rangeSchema]);

const designSeed = z.int().min(0).max(2 ** 32 - 1);

export const morrisDesignSchema = z.strictObject({
  trajectories: z.int().min(2).max(10_000),
  levels: z.int().min(2).max(100).refine((l) => l % 2 === 0, 'expected an even number of levels').default(4),
  seed: designSeed,
});
export const sobolDesignSchema = z.strictObject({ samples: z.int().min(2).max(100_000), seed: designSeed });

export const designSchema = z.union([
  z.literal('grid'),
  z.strictObject({ 'latin-hypercube': z.strictObject({ samples: z.int().min(1).max(100_000), seed: designSeed }) }),
  z.strictObject({ morris: morrisDesignSchema }),
  z.strictObject({ sobol: sobolDesignSchema }),
]);

export const experimentSchema = z.strictObject({
  experiment: z.literal(1, 'expected 1: the version of the experiment format'),
  name: z.string().max(200).optional(),
  scenario: z.string().min(1, 'expected the path of the base scenario, relative to this file'),
  design: designSchema.default('grid'),
  seeds: z.int().min(1).max(10_000_000),
  seedStart: z.int().min(0).max(2 ** 32 - 1).optional(),
  parameters: z.record(z.string().min(1), parameterSchema).refine((p) => Object.keys(p).length > 0, 'expected at least one parameter'),
});

export type Experiment = z.infer<typeof experimentSchema>;
export type ParameterValues = z.infer<typeof parameterSchema>;
export type ParameterValue = z.infer<typeof value>;
export type Design = z.infer<typeof designSchema>;
export type MorrisDesignSpec = z.infer<typeof morrisDesignSchema>;
export type SobolDesignSpec = z.infer<typeof sobolDesignSchema>;
