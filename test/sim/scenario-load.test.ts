/**
 * Every kind of error a scenario file can hold, with real files: the field path, what was
 * expected and what was found, and the YAML line and column (SCENARIO.md, "Errors").
 */
import { describe, expect, it } from 'vitest';
import { formatScenarioError, loadScenario, type ScenarioError } from '../../sim/scenario-load.ts';

const BASE = `convene: 1
name: test
issues:
  - id: cost
  - id: privacy
constituencies:
  - id: business
  - id: civil
stakeholders:
  - id: firm
    constituency: business
    ideal: [0.2, 0.3]
  - generate: 3
    idPrefix: ngo
    constituency: civil
    ideal: {normal: {mean: [0.8, 0.7], sd: 0.1}}
`;

function errors(text: string, overrides: string[] = []): ScenarioError[] {
  const loaded = loadScenario(text, { filename: 'test.yaml', overrides });
  if (loaded.ok) throw new Error('expected errors, the scenario loaded');
  return loaded.errors;
}

function one(text: string, overrides: string[] = []): ScenarioError {
  const found = errors(text, overrides);
  expect(found).toHaveLength(1);
  return found[0];
}

/** BASE with the given YAML appended under a top-level key, or a stakeholder field replaced. */
const withConvenor = (yaml: string) => `${BASE}convenor:\n${yaml.replace(/^/gm, '  ')}\n`;

describe('loading a scenario', () => {
  it('loads a valid file with defaults filled in', () => {
    const loaded = loadScenario(BASE);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.scenario.horizon).toBe(500);
    expect(loaded.scenario.convenor.rule).toEqual({ type: 'rough-consensus', threshold: 0.8 });
    expect(loaded.scenario.stakeholders[0]).toMatchObject({ power: 1, resources: 100, reservation: 0.5 });
  });

  it('loads the same scenario from JSON', () => {
    const fromYaml = loadScenario(BASE);
    const json = JSON.stringify((fromYaml as { scenario: unknown }).scenario);
    const fromJson = loadScenario(json, { format: 'json' });
    expect(fromJson).toEqual(fromYaml);
  });

  it('a value out of range names the path, the expected range, what it got, and the line and column', () => {
    const e = one(BASE.replace('ideal: [0.2, 0.3]', 'ideal: [0.2, 1.4]'));
    expect(e).toMatchObject({ path: 'stakeholders[0].ideal[1]', message: 'must be a number in [0, 1], got 1.4', line: 12, column: 18 });
    expect(formatScenarioError(e, 'test.yaml')).toBe('test.yaml:12:18: stakeholders[0].ideal[1]: must be a number in [0, 1], got 1.4');
  });

  it.each([
    ['power: 0', 'stakeholders[0].power', 'must be a number > 0, got 0'],
    ['absence: 1', 'stakeholders[0].absence', 'must be a number in [0, 1), got 1'],
    ['concession: 0', 'stakeholders[0].concession', 'must be a number in (0, 20], got 0'],
    ['concession: 21', 'stakeholders[0].concession', 'must be a number in (0, 20], got 21'],
    ['openness: 0', 'stakeholders[0].openness', 'must be a number in (0, 1], got 0'],
    ['resources: -1', 'stakeholders[0].resources', 'must be a number ≥ 0, got -1'],
    ['reservation: "high"', 'stakeholders[0].reservation', 'must be a number in [0, 1], got "high"'],
  ])('stakeholder attribute %s is refused', (field, path, message) => {
    const e = one(BASE.replace('    ideal: [0.2, 0.3]\n', `    ideal: [0.2, 0.3]\n    ${field}\n`));
    expect(e.path).toBe(path);
    expect(e.message).toBe(message);
    expect(e.line).toBe(13);
  });

  it.each([
    ['seed: -1', 'seed', 'must be an integer in [0, 4294967295], got -1'],
    ['seed: 1.5', 'seed', 'must be an integer in [0, 4294967295], got 1.5'],
    ['horizon: 0', 'horizon', 'must be an integer in [1, 100000], got 0'],
    ['convene: 2', 'convene', 'must be 1 (the format version), got 2'],
  ])('top-level %s is refused', (field, path, message) => {
    const e = one(BASE.replace('name: test\n', `name: test\n${field}\n`).replace(/^convene: 1\n(?=[\s\S]*convene: 2)/, ''));
    expect(e.path).toBe(path);
    expect(e.message).toContain(message);
  });

  it('a rule threshold must be in (0.5, 1]', () => {
    const e = one(withConvenor('rule: {type: supermajority, threshold: 0.5}'));
    expect(e.path).toBe('convenor.rule.threshold');
    expect(e.message).toBe('must be a number in (0.5, 1], got 0.5');
  });

  it('a wrong type says what was expected', () => {
    const e = one(withConvenor('sideChannel: maybe'));
    expect(e).toMatchObject({ path: 'convenor.sideChannel', message: 'must be true or false, got "maybe"' });
  });

  it('a missing required field is named', () => {
    const e = one(BASE.replace('    constituency: business\n', ''));
    expect(e.path).toBe('stakeholders[0].constituency');
    expect(e.message).toMatch(/required/);
  });

  it('an unknown field suggests the close known name', () => {
    const e = one(withConvenor('dedline: 80'));
    expect(e).toMatchObject({ path: 'convenor.dedline', message: 'unknown field; did you mean deadline?', line: 18, column: 3 });
    const far = one(withConvenor('budget: 80'));
    expect(far.message).toMatch(/^unknown field; expected one of: .*deadline/);
  });

  it('a vector of the wrong length, an unknown constituency and duplicate ids are errors', () => {
    const found = errors(
      BASE.replace('ideal: [0.2, 0.3]', 'ideal: [0.2]')
        .replace('constituency: civil', 'constituency: civl')
        .replace('  - id: civil', '  - id: business'),
    );
    const byPath = Object.fromEntries(found.map((e) => [e.path, e.message]));
    expect(byPath['stakeholders[0].ideal']).toMatch(/2 numbers.*got 1|one per issue/);
    expect(Object.keys(byPath).some((p) => p.startsWith('constituencies[1]'))).toBe(true);
    expect(found.map((e) => e.message).join('\n')).toMatch(/duplicate/);
  });

  it('an unknown constituency suggests a close one', () => {
    const e = one(BASE.replace('constituency: civil', 'constituency: civl'));
    expect(e.path).toBe('stakeholders[1].constituency');
    expect(e.message).toMatch(/civl.*did you mean civil/);
  });

  it('generated ids clash with explicit ones and with each other', () => {
    const clash = one(BASE.replace('  - id: firm', '  - id: ngo-2'));
    expect(clash.message).toMatch(/ngo-2/);
    expect(clash.message).toMatch(/duplicate|already/);
  });

  it('an empty acceptable box is an error naming the issue', () => {
    const e = one(withConvenor('acceptable: {min: [0.7, 0], max: [0.3, 1]}'));
    expect(e.path).toMatch(/^convenor\.acceptable/);
    expect(e.message).toMatch(/empty/);
    expect(e.message).toMatch(/cost/);
  });

  it('ids must use the allowed characters and at most 64 of them', () => {
    expect(one(BASE.replace('id: firm', 'id: "big firm"')).message).toMatch(/must be an id/);
    expect(one(BASE.replace('id: firm', `id: ${'f'.repeat(65)}`)).path).toBe('stakeholders[0].id');
  });

  it('labels are limited to 2000 characters', () => {
    const e = one(BASE.replace('  - id: cost\n', `  - id: cost\n    label: "${'x'.repeat(2001)}"\n`));
    expect(e.path).toBe('issues[0].label');
    expect(e.message).toMatch(/at most 2000 characters, got 2001/);
  });

  it('at most 16 issues and 64 constituencies', () => {
    const issues = Array.from({ length: 17 }, (_, k) => `  - id: i${k}`).join('\n');
    expect(errors(BASE.replace('  - id: cost\n  - id: privacy', issues))[0]).toMatchObject({ path: 'issues' });
    const cons = Array.from({ length: 65 }, (_, k) => `  - id: c${k}`).join('\n');
    expect(errors(BASE.replace('  - id: business\n  - id: civil', `  - id: business\n  - id: civil\n${cons}`))[0].path).toBe('constituencies');
  });

  it('reports at most 20 errors', () => {
    const many = Array.from({ length: 30 }, (_, k) => `  - {id: s${k}, constituency: business, ideal: [2, 2]}`).join('\n');
    expect(errors(`${BASE}${many}\n`)).toHaveLength(20);
  });

  it('YAML and JSON syntax errors give line and column', () => {
    const yaml = one('convene: 1\nname: [unclosed\n');
    expect(yaml.line).toBeGreaterThanOrEqual(2);
    expect(yaml.column).toBeGreaterThanOrEqual(1);
    const json = loadScenario('{\n  "convene": 1,\n  "name": "x",,\n}', { format: 'json' });
    expect(json.ok).toBe(false);
    if (json.ok) return;
    expect(json.errors[0]).toMatchObject({ line: 3, column: 15 });
    expect(json.errors[0].message).toMatch(/unexpected ","/);
  });

  it('refuses hostile files quickly and clearly', () => {
    const t0 = performance.now();
    const lines = ['a: &a [1,1,1,1,1,1,1,1,1,1]'];
    for (let k = 0; k < 20; k++) lines.push(`b${k}: &b${k} [${Array(10).fill(k ? `*b${k - 1}` : '*a').join(',')}]`);
    expect(one(lines.join('\n')).message).toMatch(/alias/);
    expect(one('x'.repeat(5_000_001)).message).toMatch(/too large|5 MB/);
    expect(one('convene: 1\0\0\0\x01\x02name').message).toMatch(/not a text file/);
    expect(one(BASE.replace('horizon', '').replace('name: test', 'name: test\nhorizon: 1e400')).message).toMatch(/horizon|1e400|large/);
    const bomb = one(BASE.replace('generate: 3', 'generate: 5000000'));
    expect(bomb).toMatchObject({ path: 'stakeholders[1].generate', message: 'must be an integer in [1, 100000], got 5000000' });
    expect(performance.now() - t0).toBeLessThan(5000);
  });

  it('refuses more than 100000 stakeholders in all, counted before anything is expanded', () => {
    const groups = Array.from({ length: 3 }, (_, k) => `  - {generate: 40000, idPrefix: g${k}, constituency: civil, ideal: 0.5}`).join('\n');
    expect(one(`${BASE}${groups}\n`).message).toMatch(/100000|100,000/);
  });

  it('follows no YAML tags beyond the core schema', () => {
    expect(loadScenario(BASE.replace('name: test', 'name: !!js/function "function(){}"')).ok).toBe(false);
  });

  it('accepts every distribution form of a generated group', () => {
    const group = `  - generate: 4
    idPrefix: g
    constituency: civil
    ideal: [{uniform: [0, 0.5]}, 0.3]
    salience: {uniform: [[1, 0], [2, 1]]}
    power: {normal: {mean: 1, sd: 0.2}}
    resources: {uniform: [5, 40]}
    reservation: 0.4
    concession: {normal: {mean: 1, sd: 0.5}}
`;
    const loaded = loadScenario(BASE + group);
    expect(loaded.ok ? true : loaded.errors).toBe(true);
  });

  it('a partial object takes the defaults for what it leaves out', () => {
    const loaded = loadScenario(withConvenor('declareFailure: {allowed: false}\nagenda: {growth: 0.1}'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.scenario.convenor.declareFailure).toEqual({ allowed: false, stallRounds: 20, minGain: 0.01 });
    expect(loaded.scenario.convenor.agenda).toEqual({ items: 1, growth: 0.1, focusLoss: 0.5 });
  });
});

describe('overrides', () => {
  const load = (overrides: string[]) => loadScenario(BASE, { overrides });

  it('set numbers, booleans, null, lists and objects, read as YAML', () => {
    const loaded = load([
      'convenor.deadline=null',
      'convenor.sideChannel=true',
      'stakeholders[0].power=3',
      'stakeholders[0].ideal=[0.9, 0.1]',
      'convenor.inRoom={preferred: [0.5, 0.5], pull: 0.3}',
      'issues[0].label=Cost of compliance',
    ]);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const s = loaded.scenario;
    expect(s.convenor.deadline).toBeNull();
    expect(s.convenor.sideChannel).toBe(true);
    expect(s.stakeholders[0]).toMatchObject({ power: 3, ideal: [0.9, 0.1] });
    expect(s.convenor.inRoom).toEqual({ preferred: [0.5, 0.5], pull: 0.3 });
    expect(s.issues[0].label).toBe('Cost of compliance');
  });

  it('are validated like the file, and an error names the override', () => {
    const e = one(BASE, ['stakeholders[0].power=-1']);
    expect(e).toMatchObject({ path: 'stakeholders[0].power', override: 'stakeholders[0].power=-1' });
    expect(e.line).toBeUndefined();
    expect(formatScenarioError(e)).toBe('--set stakeholders[0].power=-1: stakeholders[0].power: must be a number > 0, got -1');
    expect(one(BASE, ['convenor.dedline=3']).message).toBe('unknown field; did you mean deadline?');
  });

  it('malformed overrides are errors naming them', () => {
    for (const bad of ['convenor.deadline', 'convenor..deadline=3', 'stakeholders[x].power=1', 'convenor.rule={type: [unclosed=1']) {
      const e = one(BASE, [bad]);
      expect(e.override ?? e.message).toContain(bad.split('=')[0]);
    }
  });
});

describe('any edit of a valid file', () => {
  it('either validates or gives errors with a path and a message, and never throws', async () => {
    const fc = (await import('fast-check')).default;
    const paths = [
      'name', 'seed', 'horizon', 'issues[0]', 'issues[1].id', 'constituencies[0].roles', 'constituencies[1].organized',
      'stakeholders[0].ideal', 'stakeholders[0].ideal[1]', 'stakeholders[0].power', 'stakeholders[1].generate',
      'stakeholders[1].ideal', 'convenor', 'convenor.rule', 'convenor.deadline', 'convenor.inRoom', 'convenor.subsidies',
      'convenor.acceptable.min', 'analysis.roughConsensus', 'extra',
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue({ maxDepth: 3 }), (path, value) => {
        const loaded = loadScenario(BASE, { overrides: [`${path}=${JSON.stringify(value)}`] });
        if (loaded.ok) return;
        expect(loaded.errors.length).toBeGreaterThan(0);
        expect(loaded.errors.length).toBeLessThanOrEqual(20);
        for (const e of loaded.errors) {
          expect(e.path.length).toBeGreaterThan(0);
          expect(e.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });
});
