/**
 * The cross-field rules of SCENARIO.md, on scenarios the schema accepts: vectors of D numbers in
 * every form, known constituencies, unique ids (generated ones too), a non-empty acceptable box,
 * lo ≤ hi, and the total number of stakeholders counted before expansion.
 */
import { describe, expect, it } from 'vitest';
import { checkScenarioRules } from '../../../sim/scenario/rules.ts';
import { scenarioSchema } from '../../../sim/scenario/schema.ts';

type Input = Record<string, unknown>;

/** Two issues (cost, privacy), constituencies business and civil, and the given stakeholders. */
function check(stakeholders: Input[], more: Input = {}) {
  const scenario = scenarioSchema.parse({
    convene: 1,
    name: 'rules',
    issues: [{ id: 'cost' }, { id: 'privacy' }],
    constituencies: [{ id: 'business' }, { id: 'civil' }],
    stakeholders,
    ...more,
  });
  return checkScenarioRules(scenario);
}

const firm = (fields: Input = {}) => ({ id: 'firm', constituency: 'business', ideal: [0.2, 0.3], ...fields });
const group = (fields: Input = {}) => ({ generate: 3, idPrefix: 'ngo', constituency: 'civil', ideal: 0.5, ...fields });

/** The errors as `path: message` lines, the way a reader sees them. */
function errorsOf(stakeholders: Input[], more: Input = {}): string[] {
  return check(stakeholders, more).errors.map((e) => `${e.path}: ${e.message}`);
}

describe('checkScenarioRules', () => {
  it('finds nothing wrong with a consistent scenario', () => {
    expect(check([firm(), group()])).toEqual({ errors: [], warnings: [] });
  });

  describe('every vector has one number per issue', () => {
    it('for a stakeholder ideal and salience', () => {
      expect(errorsOf([firm({ ideal: [0.2], salience: [1, 1, 1] }), group()])).toEqual([
        'stakeholders[0].ideal: must hold 2 numbers, one per issue (cost, privacy), got a list of 1',
        'stakeholders[0].salience: must hold 2 numbers, one per issue (cost, privacy), got a list of 3',
      ]);
    });

    it.each([
      [[0.1, 0.2, 0.3], 'stakeholders[1].ideal'],
      [[{ uniform: [0, 1] }], 'stakeholders[1].ideal'],
      [{ uniform: [[0, 0, 0], 1] }, 'stakeholders[1].ideal.uniform[0]'],
      [{ uniform: [0, [1]] }, 'stakeholders[1].ideal.uniform[1]'],
      [{ normal: { mean: [0.5], sd: 0.1 } }, 'stakeholders[1].ideal.normal.mean'],
      [{ normal: { mean: 0.5, sd: [0.1, 0.1, 0.1] } }, 'stakeholders[1].ideal.normal.sd'],
    ])('for a generated group ideal %j', (ideal, path) => {
      const errors = check([firm(), group({ ideal })]).errors;
      expect(errors).toHaveLength(1);
      expect(errors[0].path).toBe(path);
      expect(errors[0].message).toMatch(/^must hold 2 numbers, one per issue \(cost, privacy\), got a list of [13]$/);
    });

    it('accepts every distribution form of the right length', () => {
      const forms = [
        0.4,
        [0.4, 0.7],
        [{ uniform: [0, 0.5] }, 0.3],
        [{ normal: { mean: 0.5, sd: 0.1 } }, { uniform: [0.2, 0.2] }],
        { uniform: [0, 1] },
        { uniform: [[0, 0.1], [0.5, 1]] },
        { uniform: [0.1, [0.5, 1]] },
        { normal: { mean: 0.5, sd: 0.1 } },
        { normal: { mean: [0.8, 0.6], sd: [0.1, 0.05] } },
      ];
      for (const ideal of forms) expect(check([firm(), group({ ideal, salience: ideal })]).errors, JSON.stringify(ideal)).toEqual([]);
    });

    it('for the acceptable box and the convenor in the room', () => {
      expect(
        errorsOf([firm(), group()], { convenor: { acceptable: { min: [0.1], max: [1, 1, 1] }, inRoom: { preferred: [0.5], pull: 0.2 } } }),
      ).toEqual([
        'convenor.acceptable.min: must hold 2 numbers, one per issue (cost, privacy), got a list of 1',
        'convenor.acceptable.max: must hold 2 numbers, one per issue (cost, privacy), got a list of 3',
        'convenor.inRoom.preferred: must hold 2 numbers, one per issue (cost, privacy), got a list of 1',
      ]);
    });
  });

  it('refuses a salience that gives every issue weight 0', () => {
    expect(errorsOf([firm({ salience: [0, 0] }), group()])).toEqual([
      'stakeholders[0].salience: all weights are 0; at least one issue must have a positive weight',
    ]);
    for (const salience of [0, [0, 0], { uniform: [0, 0] }, { normal: { mean: 0, sd: 0 } }, [{ uniform: [0, 0] }, 0]]) {
      expect(errorsOf([firm(), group({ salience })]), JSON.stringify(salience)).toEqual([
        'stakeholders[1].salience: every issue has weight 0 for every member; at least one issue must have a positive weight',
      ]);
    }
    // Weight 0 on one issue, or a chance of a positive draw, is fine.
    for (const salience of [[0, 1], { uniform: [0, 1] }, { normal: { mean: 0, sd: 0.1 } }]) {
      expect(check([firm(), group({ salience })]).errors).toEqual([]);
    }
  });

  it('refuses uniform ranges with lo above hi, naming the issue for vectors', () => {
    expect(errorsOf([firm(), group({ power: { uniform: [3, 1] } })])).toEqual([
      'stakeholders[1].power.uniform: lo 3 > hi 1; expected [lo, hi] with lo ≤ hi',
    ]);
    expect(errorsOf([firm(), group({ ideal: { uniform: [[0, 0.9], [1, 0.2]] } })])).toEqual([
      'stakeholders[1].ideal.uniform: lo 0.9 > hi 0.2 on issue privacy; expected [lo, hi] with lo ≤ hi',
    ]);
    expect(errorsOf([firm(), group({ ideal: [0.5, { uniform: [0.6, 0.4] }] })])).toEqual([
      'stakeholders[1].ideal[1].uniform: lo 0.6 > hi 0.4; expected [lo, hi] with lo ≤ hi',
    ]);
  });

  it('refuses unknown constituencies, suggesting a close one', () => {
    expect(errorsOf([firm({ constituency: 'busines' }), group({ constituency: 'press' })], { convenor: { subsidies: { civl: 1 } } })).toEqual([
      'stakeholders[0].constituency: unknown constituency "busines"; did you mean business?',
      'stakeholders[1].constituency: unknown constituency "press"; expected one of: business, civil',
      'convenor.subsidies.civl: unknown constituency "civl"; did you mean civil?',
    ]);
  });

  it('refuses duplicate issue and constituency ids', () => {
    const scenario = {
      issues: [{ id: 'cost' }, { id: 'cost' }],
      constituencies: [{ id: 'business' }, { id: 'civil' }, { id: 'civil' }],
    };
    expect(errorsOf([firm(), group()], scenario)).toEqual([
      'issues[1].id: duplicate id "cost"; issues[0] has it already',
      'constituencies[2].id: duplicate id "civil"; constituencies[1] has it already',
    ]);
  });

  describe('stakeholder ids are unique, generated ones included', () => {
    it('between explicit stakeholders', () => {
      expect(errorsOf([firm(), firm({ constituency: 'civil' })])).toEqual(['stakeholders[1].id: duplicate id "firm"; stakeholders[0] has it already']);
    });

    it('between an explicit stakeholder and a group, whichever comes first', () => {
      expect(errorsOf([group(), firm({ id: 'ngo-3' })])).toEqual([
        'stakeholders[1].id: duplicate id "ngo-3"; the group at stakeholders[0] (idPrefix ngo) makes it already',
      ]);
      expect(errorsOf([firm({ id: 'ngo-2' }), group()])).toEqual(['stakeholders[1].idPrefix: makes duplicate id "ngo-2"; stakeholders[0] has it already']);
      // ngo-4 is not among ngo-1 … ngo-3.
      expect(check([firm({ id: 'ngo-4' }), group()]).errors).toEqual([]);
    });

    it('between two groups with the same prefix', () => {
      expect(errorsOf([group(), group({ generate: 5 })])).toEqual([
        'stakeholders[1].idPrefix: makes duplicate id "ngo-1"; the group at stakeholders[0] (idPrefix ngo) makes it already; give each group its own idPrefix',
      ]);
    });

    it('generated ids stay within 64 characters', () => {
      const errors = check([firm(), group({ idPrefix: 'p'.repeat(62), generate: 10 })]).errors;
      expect(errors).toHaveLength(1);
      expect(errors[0].path).toBe('stakeholders[1].idPrefix');
      expect(errors[0].message).toMatch(/would be 65 characters; ids have at most 64, so use a prefix of at most 61$/);
      expect(check([firm(), group({ idPrefix: 'p'.repeat(61), generate: 10 })]).errors).toEqual([]);
    });
  });

  it('refuses an empty acceptable box, naming the issue', () => {
    expect(errorsOf([firm(), group()], { convenor: { acceptable: { min: [0.7, 0], max: [0.3, 1] } } })).toEqual([
      'convenor.acceptable: empty box: min 0.7 > max 0.3 on issue cost; expected min ≤ max on every issue',
    ]);
    // A bound left out is the edge of the space, so min alone can never empty the box.
    expect(check([firm(), group()], { convenor: { acceptable: { min: [1, 1] } } }).errors).toEqual([]);
  });

  it('counts stakeholders before expanding anything, and refuses more than 100000', () => {
    const groups = [0, 1, 2].map((k) => group({ idPrefix: `g${k}`, generate: 40_000 }));
    expect(errorsOf([firm(), ...groups])).toEqual([
      'stakeholders: too many stakeholders: the entries and groups make 120001 after expansion; at most 100000',
    ]);
    expect(check([...[0, 1].map((k) => group({ idPrefix: `g${k}`, generate: 50_000 }))]).errors).toEqual([]);
  });

  describe('warnings', () => {
    it('a threshold below the analysis threshold of rough consensus', () => {
      expect(check([firm(), group()], { convenor: { rule: { type: 'supermajority', threshold: 0.6 } } }).warnings).toEqual([
        'convenor.rule.threshold: 0.6 is below analysis.roughConsensus 0.8, so an adopted proposal may not count as rough consensus',
      ]);
      expect(check([firm(), group()], { convenor: { rule: { type: 'majority', threshold: 0.6 } } }).warnings).toEqual([]);
    });

    it('a deadline after the horizon, a constituency without members, nobody involved', () => {
      expect(check([firm()], { horizon: 50, convenor: { deadline: 80 } }).warnings).toEqual([
        'convenor.deadline: 80 is after the horizon (50), so the run ends before the deadline',
        'constituencies[1]: no stakeholder belongs to civil',
      ]);
      const noneInvolved = check([firm(), group()], {
        constituencies: [
          { id: 'business', roles: ['affected'] },
          { id: 'civil', roles: ['affected'] },
        ],
      });
      expect(noneInvolved.warnings).toEqual(['stakeholders: nobody holds the role involved, so nobody is ever in the room']);
    });

    it('a convenor whose own point lies outside its acceptable box', () => {
      const r = check([firm(), group()], { convenor: { acceptable: { max: [0.5, 1] }, inRoom: { preferred: [0.8, 0.5], pull: 0.3 } } });
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([
        'convenor.inRoom.preferred: lies outside the acceptable box on issue cost; drafting clamps every proposal into the box',
      ]);
    });
  });
});
