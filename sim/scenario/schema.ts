/**
 * The scenario file format, version 1 (SCENARIO.md), defined once. This one definition drives
 * validation (with messages that say what was expected and what was found), the TypeScript types
 * of the core and the JSON Schema in `scenarios/schema.json` that editors use for completion.
 * Cross-field rules (vector lengths, known ids, an empty acceptable box) live in
 * `rules.ts`, because they need the whole file at once.
 */
import * as z from 'zod/mini';
import { ATTRIBUTE_RANGES, MAX_RESOURCES, type Range } from './attribute-ranges.ts';
import { MANDATES, ROLES, RULE_TYPES, WEIGHTINGS } from './vocabulary.ts';

export { MANDATES, ROLES, RULE_TYPES, WEIGHTINGS };

export const MAX_ISSUES = 16;
export const MAX_STAKEHOLDERS = 100_000;
export const MAX_CONSTITUENCIES = 64;
export const MAX_TEXT = 2000;
export const MAX_SEED = 2 ** 32 - 1;

/** A value as a reader would write it back in an error message. */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value);
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (value === null) return 'null';
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function describeRange(given: Range): string {
  const kind = given.integer ? 'an integer' : 'a number';
  const r = given.bounded ? { ...given, max: undefined } : given;
  if (r.min !== undefined && r.max !== undefined) {
    return `${kind} in ${r.above ? '(' : '['}${r.min}, ${r.max}${r.below ? ')' : ']'}`;
  }
  if (r.min !== undefined) return `${kind} ${r.above ? '>' : '≥'} ${r.min}`;
  if (r.max !== undefined) return `${kind} ${r.below ? '<' : '≤'} ${r.max}`;
  return kind;
}

/** A number field with one clear message for every way it can be wrong; `alternative` names another accepted value. */
export function numberIn(r: Range, alternative?: string) {
  const expected = describeRange(r) + (alternative ? ` or ${alternative}` : '');
  const error = (issue: { input?: unknown }) => `must be ${expected}, got ${showValue(issue.input)}`;
  const checks: z.core.$ZodCheck<number>[] = [];
  if (r.integer) checks.push(z.int({ error }));
  if (r.min !== undefined) checks.push(r.above ? z.gt(r.min, { error }) : z.gte(r.min, { error }));
  if (r.max !== undefined && r.bounded) {
    const bound = (issue: { input?: unknown }) => `must be a number ≤ ${r.max} (a bound that keeps the model's sums finite), got ${showValue(issue.input)}`;
    checks.push(z.lte(r.max, { error: bound }));
  } else if (r.max !== undefined) {
    checks.push(r.below ? z.lt(r.max, { error }) : z.lte(r.max, { error }));
  }
  return z.number({ error }).check(...checks);
}

export const ATTRIBUTE_DEFAULTS = {
  power: 1,
  resources: 100,
  reservation: 0.5,
  concession: 1,
  openness: 1,
  outside: 0,
  absence: 0,
  patience: 1000,
} as const;

const text = (what: string) =>
  z.string({ error: (i) => `must be ${what}, got ${showValue(i.input)}` }).check(
    z.maxLength(MAX_TEXT, {
      error: (i) => `must be ${what} of at most ${MAX_TEXT} characters, got ${typeof i.input === 'string' ? i.input.length : '?'} characters`,
    }),
  );

const ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
/**
 * Names every JavaScript object already has (`__proto__`, `constructor`, `toString`, ...): as keys
 * of a map such as `convenor.subsidies` they would read the object's own machinery, and a
 * constituency `__proto__` silently lost its subsidy. Refused as ids.
 */
const RESERVED_IDS = new Set(Object.getOwnPropertyNames(Object.prototype));

export const idSchema = z
  .string({ error: (i) => `must be an id (1 to 64 characters from A-Z a-z 0-9 _ . -), got ${showValue(i.input)}` })
  .check(
    z.regex(ID_PATTERN, {
      error: (i) => `must be an id (1 to 64 characters from A-Z a-z 0-9 _ . -), got ${showValue(i.input)}`,
    }),
    z.refine((id: string) => !RESERVED_IDS.has(id), {
      error: (i) => `must not be ${showValue(i.input)}: JavaScript objects already have that name; choose another id`,
    }),
  );

function listOf<T extends z.ZodMiniType>(item: T, what: string, min = 0, max = Infinity) {
  const checks: z.core.$ZodCheck<z.output<T>[]>[] = [];
  if (min > 0) checks.push(z.minLength(min, { error: (i) => `must hold at least ${min} ${what}, got ${showValue(i.input)}` }));
  if (max < Infinity) checks.push(z.maxLength(max, { error: (i) => `must hold at most ${max} ${what}, got ${showValue(i.input)}` }));
  return z.array(item, { error: (i) => `must be a list of ${what}, got ${showValue(i.input)}` }).check(...checks);
}

const object = <S extends z.core.$ZodLooseShape>(shape: S, what: string) =>
  z.strictObject(shape, { error: (i) => `must be ${what}, got ${showValue(i.input)}` });

const roleSchema = z.enum(ROLES, {
  error: (i) => `must be one of ${ROLES.join(', ')}, got ${showValue(i.input)}`,
});
const rolesSchema = listOf(roleSchema, 'roles');

const unit = numberIn({ min: 0, max: 1 });
const vector = (r: Range) => listOf(numberIn(r), 'numbers, one per issue');

// ---------------------------------------------------------------------------------------------
// Distributions of generated groups

const uniformOf = <T extends z.ZodMiniType>(scalar: T) =>
  object(
    {
      uniform: z
        .tuple([scalar, scalar], { error: (i) => `must be [lo, hi], got ${showValue(i.input)}` })
        .check(z.describe('Uniform between lo and hi')),
    },
    '{uniform: [lo, hi]}',
  );

const normalOf = <M extends z.ZodMiniType, S extends z.ZodMiniType>(mean: M, sd: S) =>
  object(
    {
      normal: object({ mean, sd }, '{mean: m, sd: s}').check(z.describe('Normal, clipped into the field range')),
    },
    '{normal: {mean: m, sd: s}}',
  );

const DISTRIBUTION_FORMS = 'a number, {uniform: [lo, hi]} or {normal: {mean: m, sd: s}}';

/** A scalar attribute of a generated group: a value or a distribution. */
function scalarDistribution(r: Range) {
  const value = numberIn(r);
  const sd = numberIn({ min: 0, max: MAX_RESOURCES, bounded: true });
  return z.union([value, uniformOf(value), normalOf(value, sd)], {
    error: (i) => `must be ${DISTRIBUTION_FORMS}, got ${showValue(i.input)}`,
  });
}

/** A vector attribute of a generated group: a value, a vector, a distribution or one form per issue. */
function vectorDistribution(r: Range) {
  const value = numberIn(r);
  const sd = numberIn({ min: 0, max: MAX_RESOURCES, bounded: true });
  const valueOrVector = z.union([value, vector(r)], {
    error: (i) => `must be a number or a list of numbers, got ${showValue(i.input)}`,
  });
  const sdOrVector = z.union([sd, vector({ min: 0 })], {
    error: (i) => `must be a number or a list of numbers, got ${showValue(i.input)}`,
  });
  const perIssue = z.union([value, uniformOf(value), normalOf(value, sd)], {
    error: (i) => `must be ${DISTRIBUTION_FORMS}, got ${showValue(i.input)}`,
  });
  return z.union(
    [value, listOf(perIssue, 'values or distributions, one per issue'), uniformOf(valueOrVector), normalOf(valueOrVector, sdOrVector)],
    { error: (i) => `must be ${DISTRIBUTION_FORMS}, a list with one per issue, got ${showValue(i.input)}` },
  );
}

// ---------------------------------------------------------------------------------------------
// The file

const issueSchema = object({ id: idSchema, label: z.optional(text('a label')) }, 'an issue {id, label}');

const constituencySchema = object(
  {
    id: idSchema,
    label: z.optional(text('a label')),
    organized: z._default(z.boolean({ error: (i) => `must be true or false, got ${showValue(i.input)}` }), true),
    organizeRounds: z._default(numberIn({ min: 0, max: 100_000, integer: true }), 10),
    roles: z._default(rolesSchema, ['affected', 'involved', 'decides']),
    attendanceCost: z.optional(numberIn({ min: 0, max: MAX_RESOURCES, bounded: true })),
  },
  'a constituency {id, label, organized, roles, ...}',
);

const stakeholderSchema = object(
  {
    id: idSchema,
    constituency: idSchema,
    label: z.optional(text('a label')),
    ideal: vector(ATTRIBUTE_RANGES.ideal),
    salience: z.optional(vector(ATTRIBUTE_RANGES.salience)),
    power: z._default(numberIn(ATTRIBUTE_RANGES.power), ATTRIBUTE_DEFAULTS.power),
    resources: z._default(numberIn(ATTRIBUTE_RANGES.resources), ATTRIBUTE_DEFAULTS.resources),
    reservation: z._default(numberIn(ATTRIBUTE_RANGES.reservation), ATTRIBUTE_DEFAULTS.reservation),
    concession: z._default(numberIn(ATTRIBUTE_RANGES.concession), ATTRIBUTE_DEFAULTS.concession),
    openness: z._default(numberIn(ATTRIBUTE_RANGES.openness), ATTRIBUTE_DEFAULTS.openness),
    outside: z._default(numberIn(ATTRIBUTE_RANGES.outside), ATTRIBUTE_DEFAULTS.outside),
    absence: z._default(numberIn(ATTRIBUTE_RANGES.absence), ATTRIBUTE_DEFAULTS.absence),
    patience: z._default(numberIn(ATTRIBUTE_RANGES.patience), ATTRIBUTE_DEFAULTS.patience),
    roles: z.optional(rolesSchema),
  },
  'a stakeholder {id, constituency, ideal, ...}',
);

const groupSchema = object(
  {
    generate: numberIn({ min: 1, max: MAX_STAKEHOLDERS, integer: true }),
    idPrefix: idSchema,
    constituency: idSchema,
    label: z.optional(text('a label')),
    ideal: vectorDistribution(ATTRIBUTE_RANGES.ideal),
    salience: z.optional(vectorDistribution(ATTRIBUTE_RANGES.salience)),
    power: z._default(scalarDistribution(ATTRIBUTE_RANGES.power), ATTRIBUTE_DEFAULTS.power),
    resources: z._default(scalarDistribution(ATTRIBUTE_RANGES.resources), ATTRIBUTE_DEFAULTS.resources),
    reservation: z._default(scalarDistribution(ATTRIBUTE_RANGES.reservation), ATTRIBUTE_DEFAULTS.reservation),
    concession: z._default(scalarDistribution(ATTRIBUTE_RANGES.concession), ATTRIBUTE_DEFAULTS.concession),
    openness: z._default(scalarDistribution(ATTRIBUTE_RANGES.openness), ATTRIBUTE_DEFAULTS.openness),
    outside: z._default(scalarDistribution(ATTRIBUTE_RANGES.outside), ATTRIBUTE_DEFAULTS.outside),
    absence: z._default(scalarDistribution(ATTRIBUTE_RANGES.absence), ATTRIBUTE_DEFAULTS.absence),
    patience: z._default(scalarDistribution(ATTRIBUTE_RANGES.patience), ATTRIBUTE_DEFAULTS.patience),
    roles: z.optional(rolesSchema),
  },
  'a generated group {generate, idPrefix, constituency, ideal, ...}',
);


const enumOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: (i) => `must be one of ${values.join(', ')}, got ${showValue(i.input)}` });

const threshold = numberIn({ min: 0.5, max: 1, above: true });

const convenorSchema = object(
  {
    mandate: z._default(enumOf(MANDATES), 'decision'),
    rule: z.prefault(
      object({ type: z._default(enumOf(RULE_TYPES), 'rough-consensus'), threshold: z._default(threshold, 0.8) }, '{type, threshold}'),
      {},
    ),
    weighting: z._default(enumOf(WEIGHTINGS), 'power'),
    acceptable: z.optional(
      object({ min: z.optional(vector({ min: 0, max: 1 })), max: z.optional(vector({ min: 0, max: 1 })) }, '{min: [...], max: [...]}'),
    ),
    deadline: z._default(z.nullable(numberIn({ min: 1, max: 100_000, integer: true }, 'null')), 100),
    declareFailure: z.prefault(object(
      {
        allowed: z._default(z.boolean({ error: (i) => `must be true or false, got ${showValue(i.input)}` }), true),
        stallRounds: z._default(numberIn({ min: 1, max: 100_000, integer: true }), 20),
        minGain: z._default(numberIn({ min: 0, max: 1 }), 0.01),
      },
      '{allowed, stallRounds, minGain}',
    ), {}),
    sideChannel: z._default(z.boolean({ error: (i) => `must be true or false, got ${showValue(i.input)}` }), false),
    inRoom: z._default(z.nullable(object({ preferred: vector({ min: 0, max: 1 }), pull: unit }, '{preferred: [...], pull} or null')), null),
    openRecords: z._default(z.boolean({ error: (i) => `must be true or false, got ${showValue(i.input)}` }), true),
    attendanceCost: z._default(numberIn({ min: 0, max: MAX_RESOURCES, bounded: true }), 0),
    subsidies: z._default(
      z.record(idSchema, numberIn({ min: 0, max: MAX_RESOURCES, bounded: true }), {
        error: (i) => `must map constituency ids to resources per round, got ${showValue(i.input)}`,
      }),
      {},
    ),
    goodEnough: z._default(unit, 0.02),
    agenda: z.prefault(object(
      {
        items: z._default(numberIn({ min: 1, max: 10_000, integer: true }), 1),
        growth: z._default(unit, 0),
        focusLoss: z._default(numberIn({ min: 0, max: 100 }), 0.5),
      },
      '{items, growth, focusLoss}',
    ), {}),
    quorum: z._default(unit, 0.5),
    draftNoise: z._default(numberIn({ min: 0, max: 1 }), 0.02),
    /** Model 2: rounds in a row below its outside floor before a present stakeholder walks out. */
    exitRounds: z._default(z.nullable(numberIn({ min: 1, max: 100_000, integer: true }, 'null')), 10),
  },
  'the convenor\'s conditions {mandate, rule, deadline, ...}',
);

export const scenarioSchema = object(
  {
    /** Lets a JSON scenario name its schema for editors, as YAML files do in a comment. */
    $schema: z.optional(z.string({ error: (i) => `must be the address of a JSON Schema, got ${showValue(i.input)}` })),
    convene: z.literal(1, { error: (i) => `must be 1 (the format version), got ${showValue(i.input)}` }),
    name: text('a name'),
    description: z.optional(text('a description')),
    seed: z._default(numberIn({ min: 0, max: MAX_SEED, integer: true }), 1),
    horizon: z._default(numberIn({ min: 1, max: 100_000, integer: true }), 500),
    issues: listOf(issueSchema, 'issues', 1, MAX_ISSUES),
    constituencies: listOf(constituencySchema, 'constituencies', 1, MAX_CONSTITUENCIES),
    stakeholders: listOf(
      z.union([stakeholderSchema, groupSchema], {
        error: (i) => `must be a stakeholder {id, ...} or a generated group {generate, idPrefix, ...}, got ${showValue(i.input)}`,
      }),
      'stakeholders or generated groups',
      1,
    ),
    convenor: z.prefault(convenorSchema, {}),
    analysis: z.prefault(object({ roughConsensus: z._default(threshold, 0.8) }, '{roughConsensus}'), {}),
  },
  'a scenario (a mapping with convene, name, issues, constituencies, stakeholders)',
);

/** A validated scenario with every default filled in: what the core runs. */
export type Scenario = z.output<typeof scenarioSchema>;
/** A scenario as a file may write it, defaults left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type StakeholderSpec = z.output<typeof stakeholderSchema>;
export type GroupSpec = z.output<typeof groupSchema>;
export type ConstituencySpec = z.output<typeof constituencySchema>;
export type ConvenorSpec = z.output<typeof convenorSchema>;
export type Role = (typeof ROLES)[number];
export type RuleType = (typeof RULE_TYPES)[number];
export type ScalarDistribution = GroupSpec['power'];
export type VectorDistribution = GroupSpec['ideal'];

/** The JSON Schema of the file format, for editors' completion (`scenarios/schema.json`). */
export function scenarioJsonSchema(): object {
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
  const { $schema, ...rest } = schema;
  return {
    $schema,
    $id: 'urn:convene:scenario:1',
    title: 'Convene scenario, format version 1',
    description: 'A Convene scenario file (SCENARIO.md). Cross-field rules (vector lengths, known ids, unique ids) are checked by the loader, not by this schema.',
    ...rest,
  };
}
