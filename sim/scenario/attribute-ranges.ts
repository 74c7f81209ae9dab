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
  /** `max` is a bound that keeps sums finite, not a limit of the model: said apart in messages. */
  bounded?: boolean;
}

/**
 * Upper bounds that keep every sum finite: 100,000 stakeholders' powers (1e9 each) sum to 1e14,
 * power times salience (1e6) to 1e20, and resources, costs and subsidies (1e12 each) over 100,000
 * rounds to 1e17, all far inside a double's 1.8e308; without them, a power of 2e307 validated and
 * turned participation and support into NaN.
 */
export const MAX_POWER = 1e9;
export const MAX_SALIENCE = 1e6;
/** Resources, attendance costs and subsidies, per stakeholder and per round. */
export const MAX_RESOURCES = 1e12;

/** The range of each stakeholder attribute, shared by single stakeholders and generated groups. */
export const ATTRIBUTE_RANGES = {
  ideal: { min: 0, max: 1 },
  salience: { min: 0, max: MAX_SALIENCE, bounded: true },
  power: { min: 0, above: true, max: MAX_POWER, bounded: true },
  resources: { min: 0, max: MAX_RESOURCES, bounded: true },
  reservation: { min: 0, max: 1 },
  concession: { min: 0, max: 20, above: true },
  openness: { min: 0, max: 1, above: true },
  outside: { min: 0, max: 1 },
  absence: { min: 0, max: 1, below: true },
  patience: { min: 1, max: 1_000_000 },
} as const satisfies Record<string, Range>;
