/**
 * The range of each stakeholder attribute (SCENARIO.md): what the schema validates against and
 * what the core clips normal draws to. Kept apart from the schema, so that the core, a batch
 * worker's whole load, does not bring in the validator.
 */
export interface Range {
  min?: number;
  max?: number;
  /** The lower bound itself is outside the range. */
  above?: boolean;
  /** The upper bound itself is outside the range. */
  below?: boolean;
  integer?: boolean;
}

/** The range of each stakeholder attribute, shared by single stakeholders and generated groups. */
export const ATTRIBUTE_RANGES = {
  ideal: { min: 0, max: 1 },
  salience: { min: 0 },
  power: { min: 0, above: true },
  resources: { min: 0 },
  reservation: { min: 0, max: 1 },
  concession: { min: 0, max: 20, above: true },
  openness: { min: 0, max: 1, above: true },
  outside: { min: 0, max: 1 },
  absence: { min: 0, max: 1, below: true },
  patience: { min: 1, max: 1_000_000 },
} as const satisfies Record<string, Range>;
