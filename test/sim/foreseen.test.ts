/**
 * What a valid scenario cannot do that it seems meant to (sim/foreseen.ts): one test per warning,
 * each figure worked out from the scenario written here, and none on the bundled scenarios but
 * the two that are about one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { foreseeProblems } from '../../sim/foreseen.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { makeScenario } from './make-scenario.ts';

const ONE_ISSUE = [{ id: 'a' }];

describe('foreseen problems', () => {
  it('a major power the box cannot give its bottom line will decline, named at its entry', () => {
    // The registry (power 5 of 8, 62.5%, shown as 63%) wants 0.9; the box [0, 0.5] gives it at best 1 − 0.4 = 0.6,
    // below its reservation 0.7. The three users (power 1 each, 12.5%) want 0.2, inside the box.
    const scenario = makeScenario({
      issues: ONE_ISSUE,
      stakeholders: [
        { id: 'registry', constituency: 'c', ideal: [0.9], power: 5, reservation: 0.7 },
        { generate: 3, idPrefix: 'user', constituency: 'c', ideal: [0.2] },
      ],
      convenor: { acceptable: { max: [0.5] } },
    });
    const found = foreseeProblems(scenario);
    expect(found).toEqual([
      {
        path: 'stakeholders[0]',
        message:
          'registry, with 63% of the invited power, will decline the invitation: the best text inside convenor.acceptable gives registry 0.600, below its bottom line 0.700. Widen the box to bring it in, or lower its reservation',
      },
    ]);
    // Widened to [0, 0.8] the box gives it 0.9: nothing to say.
    expect(foreseeProblems(makeScenario({ ...scenarioFields(scenario), convenor: { acceptable: { max: [0.8] } } }))).toEqual([]);
  });

  it('unanimity with a stakeholder no point of the box satisfies', () => {
    // A small member (power 1 of 21, under 5%) wants 1 with reservation 0.9; the box [0, 0.5]
    // gives it 0.5. Not a major power, but under unanimity the rule is named.
    const scenario = makeScenario({
      issues: ONE_ISSUE,
      stakeholders: [
        { generate: 4, idPrefix: 'big', constituency: 'c', ideal: [0.3], power: 5 },
        { id: 'small', constituency: 'c', ideal: [1], power: 1, reservation: 0.9 },
      ],
      convenor: { rule: { type: 'unanimity' }, acceptable: { max: [0.5] } },
    });
    const found = foreseeProblems(scenario);
    expect(found.map((f) => f.path)).toEqual(['convenor.rule']);
    expect(found[0].message).toBe(
      'unanimity, but no text inside the box satisfies small (stakeholders[1]): the best text inside convenor.acceptable gives small 0.500, below its bottom line 0.900; it will decline, and any text is adopted without it',
    );
  });

  it('a deciding constituency that organizes at or after the deadline', () => {
    const scenario = makeScenario({
      issues: ONE_ISSUE,
      constituencies: [
        { id: 'c', roles: ['defines', 'affected', 'involved', 'decides'] },
        { id: 'late', organized: false, organizeRounds: 60, roles: ['affected', 'involved', 'decides'] },
      ],
      stakeholders: [
        { id: 'early', constituency: 'c', ideal: [0.4] },
        { id: 'slow', constituency: 'late', ideal: [0.6] },
      ],
      convenor: { deadline: 60 },
    });
    expect(foreseeProblems(scenario)).toEqual([
      {
        path: 'constituencies[1].organizeRounds',
        message: 'late organizes at round 60, not before the deadline (60): its members never caucus, speak at half voice and hold to their ideals to the end',
      },
    ]);
    // One round sooner it organizes in time.
    expect(foreseeProblems(makeScenario({ ...scenarioFields(scenario), constituencies: [
      { id: 'c', roles: ['defines', 'affected', 'involved', 'decides'] },
      { id: 'late', organized: false, organizeRounds: 59, roles: ['affected', 'involved', 'decides'] },
    ] }))).toEqual([]);
  });

  it('a quorum the invited stakeholders cannot pay for', () => {
    // Cost 2 a round for 50 rounds: 100 each. Two of power 1 have 100 (they can pay); three of
    // power 1 have 99. 2 of 5 = 40% can pay, below the quorum of 50%.
    const scenario = makeScenario({
      issues: ONE_ISSUE,
      stakeholders: [
        { generate: 2, idPrefix: 'rich', constituency: 'c', ideal: [0.5], resources: 100 },
        { generate: 3, idPrefix: 'poor', constituency: 'c', ideal: [0.5], resources: 99 },
      ],
      convenor: { deadline: 50, attendanceCost: 2, quorum: 0.5 },
    });
    const found = foreseeProblems(scenario);
    expect(found.map((f) => f.path)).toEqual(['convenor.quorum']);
    expect(found[0].message).toContain('only 40% of the invited weight can pay to attend all 50 rounds');
    // A subsidy of 0.02 a round gives the poor 99 + 1 = 100: all can pay.
    expect(foreseeProblems(makeScenario({ ...scenarioFields(scenario), convenor: { deadline: 50, attendanceCost: 2, quorum: 0.5, subsidies: { c: 0.02 } } }))).toEqual([]);
  });

  it('a subsidy to a constituency that is not involved', () => {
    const scenario = makeScenario({
      issues: ONE_ISSUE,
      constituencies: [
        { id: 'c', roles: ['defines', 'affected', 'involved', 'decides'] },
        { id: 'outside', roles: ['affected'] },
      ],
      stakeholders: [
        { id: 'in', constituency: 'c', ideal: [0.5] },
        { id: 'out', constituency: 'outside', ideal: [0.5] },
      ],
      convenor: { subsidies: { outside: 3 } },
    });
    expect(foreseeProblems(scenario)).toEqual([
      { path: 'convenor.subsidies.outside', message: 'outside is not involved: its members are never invited, so nobody receives this subsidy' },
    ]);
  });

  it('says nothing of the bundled scenarios but the two about one: the collapse (quorum) and the convenor\'s dilemma (decline)', () => {
    const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
    const said: Record<string, string[]> = {};
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
      const loaded = loadScenario(readFileSync(dir + file, 'utf8'), { filename: file });
      if (!loaded.ok) throw new Error(file);
      const found = foreseeProblems(loaded.scenario);
      if (found.length) said[file] = found.map((f) => f.path);
    }
    expect(said).toEqual({ 'collapse-unfunded-civil-society.yaml': ['convenor.quorum'], 'convenors-dilemma.yaml': ['stakeholders[0]'] });
  });
});

/** The fields a scenario was made from, to make it again with one changed. */
function scenarioFields(s: ReturnType<typeof makeScenario>) {
  return { issues: s.issues, constituencies: s.constituencies, stakeholders: s.stakeholders as unknown as Record<string, unknown>[], convenor: {} };
}
