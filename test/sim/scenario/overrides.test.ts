/**
 * `PATH=VALUE` overrides (SCENARIO.md, "Overrides"): the path syntax, values read as YAML, how
 * they change the parsed data, and errors that name the override.
 */
import { describe, expect, it } from 'vitest';
import { applyOverrides, parseOverride, type Override } from '../../../sim/scenario/overrides.ts';
import { formatPath, parsePath } from '../../../sim/scenario/path.ts';

function parsed(text: string): Override {
  const o = parseOverride(text);
  if (!o.ok) throw new Error(JSON.stringify(o.error));
  return o.override;
}

function refused(text: string) {
  const o = parseOverride(text);
  if (o.ok) throw new Error(`expected ${text} to be refused`);
  return o.error;
}

const data = () => ({
  name: 'x',
  issues: [{ id: 'cost' }, { id: 'privacy' }],
  stakeholders: [{ id: 'a', power: 1, ideal: [0.1, 0.2] }],
  convenor: { deadline: 80, inRoom: null },
});

describe('parseOverride', () => {
  it('reads the value as YAML with the core schema', () => {
    expect(parsed('convenor.deadline=120')).toEqual({ text: 'convenor.deadline=120', path: ['convenor', 'deadline'], value: 120 });
    expect(parsed('convenor.sideChannel=true').value).toBe(true);
    expect(parsed('convenor.deadline=null').value).toBeNull();
    expect(parsed('convenor.deadline=').value).toBeNull();
    expect(parsed('stakeholders[2].ideal=[0.5, 0.25]')).toMatchObject({ path: ['stakeholders', 2, 'ideal'], value: [0.5, 0.25] });
    expect(parsed('convenor.inRoom={preferred: [0.5, 0.5], pull: 0.3}').value).toEqual({ preferred: [0.5, 0.5], pull: 0.3 });
    expect(parsed('issues[0].label=Cost of compliance').value).toBe('Cost of compliance');
    expect(parsed('convenor.mandate=yes').value).toBe('yes');
    expect(parsed('seed=0x10').value).toBe(16);
  });

  it('splits at the first =, so values may hold one', () => {
    expect(parsed('name=a=b')).toMatchObject({ path: ['name'], value: 'a=b' });
  });

  it('reads quoted names for keys that are not plain words', () => {
    expect(parsed('convenor.subsidies["civil.society"]=2').path).toEqual(['convenor', 'subsidies', 'civil.society']);
    expect(parsed('convenor.subsidies.civil-society=2').path).toEqual(['convenor', 'subsidies', 'civil-society']);
  });

  it('refuses an override without =, naming it', () => {
    const e = refused('convenor.deadline');
    expect(e.override).toBe('convenor.deadline');
    expect(e.path).toBe('convenor.deadline');
    expect(e.message).toMatch(/^malformed override: no "="; expected PATH=VALUE/);
  });

  it.each([
    ['convenor..deadline=1', /unexpected "\."/],
    ['convenor.=1', /a missing name/],
    ['stakeholders[x].power=1', /bad list position/],
    ['stakeholders[-1].power=1', /bad list position/],
    ['[0].power=1', /a list position at the start/],
    ['stakeholders[0]power=1', /unexpected "p"/],
    ['convenor.subsidies["civil=1', /unterminated quoted name/],
    ['=1', /empty path/],
  ])('refuses the bad path in %s', (text, why) => {
    const e = refused(text);
    expect(e.override).toBe(text);
    expect(e.message).toMatch(/^malformed override: /);
    expect(e.message).toMatch(why);
  });

  it('refuses a value that is not YAML, an unknown tag or an alias', () => {
    expect(refused('convenor.rule={type: [unclosed').message).toMatch(/^malformed override: the value is not valid YAML/);
    expect(refused('name=!!binary aGk=').message).toMatch(/not valid YAML/);
    expect(refused('name=*ref').message).toMatch(/alias/);
  });

  it('refuses a value nested deeper than any scenario', () => {
    expect(refused(`name=${'['.repeat(5000)}${']'.repeat(5000)}`).message).toMatch(/nested more than 64 levels/);
  });
});

describe('applyOverrides', () => {
  it('sets a number, a boolean, null, a list and an object where the path says', () => {
    const result = applyOverrides(data(), [
      'convenor.deadline=null',
      'convenor.sideChannel=true',
      'stakeholders[0].power=3',
      'stakeholders[0].ideal[1]=0.9',
      'convenor.inRoom={preferred: [0.5, 0.5], pull: 0.3}',
    ]);
    expect(result.errors).toEqual([]);
    expect(result.data).toEqual({
      name: 'x',
      issues: [{ id: 'cost' }, { id: 'privacy' }],
      stakeholders: [{ id: 'a', power: 3, ideal: [0.1, 0.9] }],
      convenor: { deadline: null, inRoom: { preferred: [0.5, 0.5], pull: 0.3 }, sideChannel: true },
    });
  });

  it('creates missing and null mappings on the way', () => {
    const result = applyOverrides(data(), ['convenor.rule.type=majority', 'convenor.inRoom.pull=0.5', 'analysis.roughConsensus=0.9']);
    expect(result.errors).toEqual([]);
    expect(result.data).toMatchObject({
      convenor: { rule: { type: 'majority' }, inRoom: { pull: 0.5 } },
      analysis: { roughConsensus: 0.9 },
    });
    expect(applyOverrides(null, ['name=x']).data).toEqual({ name: 'x' });
  });

  it('appends at the position just past the end, and refuses anything farther', () => {
    const appended = applyOverrides(data(), ['issues[2]={id: speed}', 'stakeholders[1].power=2']);
    expect(appended.errors).toEqual([]);
    expect(appended.data).toMatchObject({ issues: [{ id: 'cost' }, { id: 'privacy' }, { id: 'speed' }], stakeholders: [{ id: 'a' }, { power: 2 }] });

    const far = applyOverrides(data(), ['issues[5].id=x']);
    expect(far.errors).toEqual([
      {
        path: 'issues[5]',
        message: 'position past the end: issues has 2 entries (positions 0 to 1; [2] appends one)',
        override: 'issues[5].id=x',
      },
    ]);
    expect(far.data).toEqual(data());
  });

  it('refuses a path through a value that is not a mapping or a list, naming the override', () => {
    const r = applyOverrides(data(), ['convenor.deadline.days=3']);
    expect(r.errors).toEqual([
      {
        path: 'convenor.deadline',
        message: 'is 80, not a mapping, so convenor.deadline.days cannot be set',
        override: 'convenor.deadline.days=3',
      },
    ]);
    expect(applyOverrides(data(), ['issues.label=x']).errors[0]).toMatchObject({ path: 'issues.label', message: 'issues is a list; write issues[N] for its entries' });
    expect(applyOverrides(data(), ['convenor[0]=x']).errors[0]).toMatchObject({ path: 'convenor[0]', message: 'convenor is a mapping, not a list; write convenor.NAME' });
    expect(applyOverrides([1, 2], ['name=x']).errors[0].message).toBe('the file holds a list of 2, not a mapping of fields');
  });

  it('reports malformed overrides and applies the others', () => {
    const r = applyOverrides(data(), ['convenor.deadline', 'name=y']);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0].override).toBe('convenor.deadline');
    expect(r.data).toMatchObject({ name: 'y' });
  });

  it('never changes the data it was given, nor values shared with other places (YAML aliases)', () => {
    const shared = [0.1, 0.2];
    const original = { stakeholders: [{ ideal: shared }, { ideal: shared }] };
    const r = applyOverrides(original, ['stakeholders[0].ideal[0]=0.9']);
    expect(r.data).toEqual({ stakeholders: [{ ideal: [0.9, 0.2] }, { ideal: [0.1, 0.2] }] });
    expect(original).toEqual({ stakeholders: [{ ideal: [0.1, 0.2] }, { ideal: [0.1, 0.2] }] });
  });

  it('makes __proto__ a plain field, never a change of prototype', () => {
    const r = applyOverrides({}, ['convenor.__proto__={polluted: 1}']);
    const convenor = (r.data as { convenor: object }).convenor;
    expect(Object.getPrototypeOf(convenor)).toBe(Object.prototype);
    expect(Object.keys(convenor)).toEqual(['__proto__']);
    expect(({} as { polluted?: number }).polluted).toBeUndefined();
  });
});

describe('paths', () => {
  it('print with dots and brackets and read back the same', () => {
    for (const path of [
      ['stakeholders', 3, 'ideal', 1],
      ['convenor', 'subsidies', 'civil.society'],
      ['convenor', 'subsidies', 'a "quoted" name'],
      ['$schema'],
    ]) {
      const text = formatPath(path);
      expect(parsePath(text)).toEqual({ ok: true, path });
    }
    expect(formatPath(['stakeholders', 3, 'ideal', 1])).toBe('stakeholders[3].ideal[1]');
    expect(formatPath(['convenor', 'subsidies', 'civil.society'])).toBe('convenor.subsidies["civil.society"]');
  });
});
