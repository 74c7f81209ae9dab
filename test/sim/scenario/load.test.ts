/**
 * Every kind of error a scenario file can hold, with real files: the field path, what was
 * expected and what was found, and the YAML line and column (SCENARIO.md, "Errors").
 */
import { describe, expect, it } from 'vitest';
import { formatScenarioError, loadScenario, type ScenarioError } from '../../../sim/scenario/load.ts';

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

describe('where errors point and what they say', () => {
  it('a missing field points at the mapping that lacks it and says what was expected', () => {
    expect(one(BASE.replace('    constituency: business\n', ''))).toEqual({
      path: 'stakeholders[0].constituency',
      message: 'required field missing; expected an id (1 to 64 characters from A-Z a-z 0-9 _ . -)',
      line: 10,
      column: 5,
    });
    expect(one(BASE.replace('name: test\n', ''))).toMatchObject({ path: 'name', message: 'required field missing; expected a name', line: 1, column: 1 });
    const group = one(BASE.replace('    ideal: {normal: {mean: [0.8, 0.7], sd: 0.1}}\n', ''));
    expect(group).toMatchObject({ path: 'stakeholders[1].ideal', line: 13, column: 5 });
    expect(group.message).toMatch(/^required field missing; expected a number, \{uniform: \[lo, hi\]\} or \{normal/);
  });

  it('an unknown field points at its name; a case slip is suggested too', () => {
    expect(one(`${BASE}convenor:\n  Deadline: 3\n`)).toEqual({ path: 'convenor.Deadline', message: 'unknown field; did you mean deadline?', line: 18, column: 3 });
    expect(one(BASE.replace('sd: 0.1}', 'sd: 0.1, sdev: 1}')).message).toBe('unknown field; did you mean sd?');
  });

  it('inside a generated group, the error is about the form the writer chose', () => {
    expect(one(BASE.replace('sd: 0.1', 'sd: -0.1'))).toEqual({
      path: 'stakeholders[1].ideal.normal.sd',
      message: 'must be a number ≥ 0, got -0.1',
      line: 16,
      column: 44,
    });
    const found = errors(BASE.replace('idPrefix: ngo', 'idPrefix: ngo\n    power: {uniform: [0.2, 1], extra: 1}\n    resources: "lots"'));
    expect(found).toEqual([
      { path: 'stakeholders[1].power.extra', message: 'unknown field; expected one of: uniform', line: 15, column: 32 },
      {
        path: 'stakeholders[1].resources',
        message: 'must be a number, {uniform: [lo, hi]} or {normal: {mean: m, sd: s}}, got "lots"',
        line: 16,
        column: 16,
      },
    ]);
    // A wrong type at the union's own place weighs most: this is a per-issue list, not a bad number.
    expect(one(BASE.replace('{normal: {mean: [0.8, 0.7], sd: 0.1}}', '[{uniform: [0, 1], x: 1}, 0.5]'))).toEqual({
      path: 'stakeholders[1].ideal[0].x',
      message: 'unknown field; expected one of: uniform',
      line: 16,
      column: 31,
    });
    // Then unknown fields: with both kinds' fields, the entry is a group with a stray id.
    expect(one(BASE.replace('  - id: firm\n', '  - id: firm\n    generate: 2\n    idPrefix: co\n'))).toMatchObject({
      path: 'stakeholders[0].id',
      message: expect.stringMatching(/^unknown field; expected one of: generate, idPrefix/),
    });
    expect(one(`${BASE}  - 42\n`)).toMatchObject({
      path: 'stakeholders[2]',
      message: 'must be a stakeholder {id, ...} or a generated group {generate, idPrefix, ...}, got 42',
      line: 17,
    });
  });

  it('too many issues or constituencies point at the list', () => {
    const issues = Array.from({ length: 17 }, (_, k) => `  - id: i${k}`).join('\n');
    expect(one(BASE.replace('  - id: cost\n  - id: privacy', issues))).toEqual({
      path: 'issues',
      message: 'must hold at most 16 issues, got a list of 17',
      line: 4,
      column: 3,
    });
    const cons = Array.from({ length: 65 }, (_, k) => `  - id: c${k}`).join('\n');
    expect(one(BASE.replace('  - id: business\n  - id: civil', cons)).message).toBe('must hold at most 64 constituencies, got a list of 65');
  });

  it('a deadline or an inRoom may also be null, and the message says so', () => {
    expect(errors(`${BASE}convenor:\n  deadline: soon\n  inRoom: 3\n`).map((e) => e.message)).toEqual([
      'must be an integer in [1, 100000] or null, got "soon"',
      'must be {preferred: [...], pull} or null, got 3',
    ]);
  });

  it('1e400 is named as written, not as Infinity', () => {
    expect(one(BASE.replace('name: test', 'name: test\nseed: 1e400'))).toEqual({
      path: 'seed',
      message: 'must be an integer in [0, 4294967295], got 1e400 (too large to represent)',
      line: 3,
      column: 7,
    });
  });

  it('errors come in file order, those of overrides last and without a line', () => {
    const found = errors(BASE.replace('ideal: [0.2, 0.3]', 'ideal: [0.2, 3]').replace('name: test', 'name: test\nhorizon: 0'), ['convenor.quorum=2']);
    expect(found.map((e) => [e.path, e.line])).toEqual([
      ['horizon', 3],
      ['stakeholders[0].ideal[1]', 13],
      ['convenor.quorum', undefined],
    ]);
    expect(found[2].override).toBe('convenor.quorum=2');
  });

  it('the 20 errors reported are the first 20 in the file', () => {
    const many = Array.from({ length: 30 }, (_, k) => `  - {id: s${k}, constituency: business, ideal: [2, 0.5]}`).join('\n');
    const found = errors(`${BASE}${many}\n`);
    expect(found.map((e) => e.line)).toEqual(Array.from({ length: 20 }, (_, k) => 17 + k));
    expect(found[0]).toMatchObject({ path: 'stakeholders[2].ideal[0]', message: 'must be a number in [0, 1], got 2' });
  });

  it('a JSON file gives the same errors with JSON line and column', () => {
    const text = JSON.stringify(
      { convene: 1, name: 'j', issues: [{ id: 'a' }], constituencies: [{ id: 'c' }], stakeholders: [{ id: 's', constituency: 'c', ideal: [2] }] },
      null,
      2,
    );
    const loaded = loadScenario(text, { filename: 'scenario.json' });
    expect(loaded).toEqual({ ok: false, errors: [{ path: 'stakeholders[0].ideal[0]', message: 'must be a number in [0, 1], got 2', line: 19, column: 9 }] });
    expect(loadScenario('{"convene": 1 "name": 2}', { filename: 'scenario.json' })).toEqual({
      ok: false,
      errors: [{ path: '(file)', message: 'JSON syntax error: unexpected """; expected "," or "}"', line: 1, column: 15 }],
    });
    expect(formatScenarioError({ path: '(file)', message: 'JSON syntax error: x', line: 1, column: 15 }, 'scenario.json')).toBe(
      'scenario.json:1:15: JSON syntax error: x',
    );
  });

  it('YAML syntax errors have the line and column where the parser stopped', () => {
    expect(one('convene: 1\nname: "abc\n')).toEqual({ path: '(file)', message: 'YAML syntax error: Missing closing "quote', line: 3, column: 1 });
    expect(one(`${BASE}---\nx: 1\n`)).toMatchObject({ message: expect.stringMatching(/more than one YAML document/), line: 17, column: 1 });
  });

  it('an unknown tag is refused where it is written', () => {
    expect(one(BASE.replace('name: test', 'name: !!js/function "function(){}"'))).toMatchObject({
      message: expect.stringMatching(/^unknown tag !!js\/function: only the YAML core schema is read/),
      line: 2,
      column: 7,
    });
    expect(one(BASE.replace('name: test', 'name: !!binary aGk=')).message).toMatch(/^unknown tag !!binary/);
  });

  it('a file that is not a mapping, or empty, says what a scenario is', () => {
    const expected = 'must be a scenario (a mapping with convene, name, issues, constituencies, stakeholders)';
    expect(one('')).toEqual({ path: '(file)', message: `${expected}, got null` });
    expect(one('- 1\n- 2\n')).toMatchObject({ message: `${expected}, got a list of 2`, line: 1, column: 1 });
  });
});

describe('formatScenarioError', () => {
  const e: ScenarioError = { path: 'stakeholders[3].ideal[1]', message: 'must be a number in [0, 1], got 1.4', line: 12, column: 7 };

  it('writes file:line:column: path: message, or what it has of them', () => {
    expect(formatScenarioError(e, 'privacy.yaml')).toBe('privacy.yaml:12:7: stakeholders[3].ideal[1]: must be a number in [0, 1], got 1.4');
    expect(formatScenarioError(e)).toBe('line 12, column 7: stakeholders[3].ideal[1]: must be a number in [0, 1], got 1.4');
    expect(formatScenarioError({ path: 'seed', message: 'm' }, 'a.yaml')).toBe('a.yaml: seed: m');
    expect(formatScenarioError({ path: '(file)', message: 'not a text file', line: 1, column: 1 }, 'a.yaml')).toBe('a.yaml:1:1: not a text file');
  });
});

describe('hostile files', () => {
  /** A billion laughs: ten levels of ten aliases each. */
  const laughs = () => {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let k = 1; k < 10; k++) lines.push(`a${k}: &a${k} [${Array(10).fill(`*a${k - 1}`).join(', ')}]`);
    return lines.join('\n');
  };

  it('an alias bomb is refused at once, with the reason', () => {
    const t0 = performance.now();
    const e = one(laughs());
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(e.message).toMatch(/^aliases expand this file past the size limit of 5 MB \(5000000 characters\)/);
    expect(e.line).toBe(10);
  });

  it('ordinary aliases are fine; a cycle or a missing anchor is refused', () => {
    const shared = BASE.replace('ideal: [0.2, 0.3]', 'ideal: &mid [0.2, 0.3]').replace(/ideal: \{normal.*\}/, 'ideal: *mid');
    const loaded = loadScenario(shared);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.scenario.stakeholders[1].ideal).toEqual([0.2, 0.3]);
    expect(one('a: &x [*x]\n')).toEqual({
      path: '(file)',
      message: 'alias *x refers to a node that contains it (a cycle); expected a tree',
      line: 1,
      column: 8,
    });
    expect(one('a: *x\n')).toEqual({ path: '(file)', message: 'alias *x has no anchor &x before it', line: 1, column: 4 });
  });

  it('refuses text that is not text', () => {
    expect(one('convene: 1\0name: x').message).toMatch(/^not a text file: it holds NUL bytes/);
    expect(one(`convene: 1\nname: ${'\ufffd'.repeat(40)}\n`).message).toBe(
      'not a text file: 40 characters could not be decoded (U+FFFD); expected YAML or JSON in UTF-8',
    );
    // One mis-decoded character in a label is not a binary file.
    expect(loadScenario(BASE.replace('name: test', 'name: caf\ufffd')).ok).toBe(true);
  });

  it('refuses a file over 5 MB before reading it', () => {
    const t0 = performance.now();
    expect(one('#'.repeat(5_000_001))).toEqual({
      path: '(file)',
      message: 'the file is too large: 5000001 characters; the limit is 5 MB (5000000 characters)',
    });
    expect(performance.now() - t0).toBeLessThan(100);
  });

  it('refuses deep nesting before it can exhaust the stack, again and again', () => {
    // yaml's composer recurses per level; on Node 20 a second overflow has aborted the process.
    for (let round = 0; round < 3; round++) {
      const yaml = one(`convene: 1\nname: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
      expect(yaml).toMatchObject({ path: '(file)', message: 'the file is nested more than 64 levels deep; a scenario needs fewer than 10', line: 2 });
      const json = loadScenario(`{"name": ${'['.repeat(20_000)}${']'.repeat(20_000)}}`, { format: 'json' });
      expect(json.ok ? [] : json.errors.map((e) => e.message)).toEqual(['the file is nested more than 64 levels deep; a scenario needs fewer than 10']);
    }
    const dashes = one(`convene: 1\nname:\n${'- '.repeat(3000)}x\n`);
    expect(dashes.message).toMatch(/nested more than 64 levels/);
  });
});
