import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createRun, FLAG_WORDS, OUTCOME_WORDS, runScenario, type Outcome } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { readLesson } from '../../viz/lesson.ts';
import { answerOf } from '../../viz/lesson-answer.ts';
import { gridValues } from '../../analysis/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIR = join(ROOT, 'scenarios/lessons');
const SCENARIOS = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
const LESSONS = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));

describe('lessons for teachers', () => {
  it('cover each failure mode and rough consensus', () => {
    expect(LESSONS).toEqual(
      expect.arrayContaining(['tyranny-of-the-minority', 'glacial-drift', 'declared-failure', 'exclusion', 'capture', 'collateral-attack', 'rough-consensus']),
    );
  });

  it.each(LESSONS)('%s reads, and each step shows the answer it expects', (id) => {
    const reply = readLesson(id, readFileSync(join(DIR, `${id}.yaml`), 'utf8'), SCENARIOS);
    if (!reply.ok) throw new Error(reply.errors.join('\n'));
    expect(reply.lesson.steps.length).toBeGreaterThanOrEqual(2);
    for (const step of reply.lesson.steps) {
      const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios', `${step.scenario}.yaml`), 'utf8'), { overrides: step.set });
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      const seed = step.seed ?? undefined;
      const result = runScenario(loaded.scenario, { seed });
      const setting = createRun(loaded.scenario, { seed }).setting();
      const room = { n: setting.n, d: setting.d, ideal: setting.ideal, constituency: setting.constituency, constituencies: loaded.scenario.constituencies };
      // Every bundled step bets on something the run decides, and explains it after the reveal.
      expect(step.expect, `${step.title}: expect`).not.toBeNull();
      expect(step.explain.length, `${step.title}: explain`).toBeGreaterThan(20);
      expect(`${step.title}: ${answerOf(step, result, room)}`).toBe(`${step.title}: ${step.expect}`);
      // The choices name who is there: constituencies for "nearer", stakeholders for "who blocks".
      const ids = step.ask === 'nearer' ? loaded.scenario.constituencies.map((c) => c.id) : Array.from({ length: setting.n }, (_, i) => setting.id(i));
      if (step.ask === 'nearer' || step.ask === 'blocker') for (const c of step.choices) expect(ids, `${step.title}: ${c}`).toContain(c);
      // What is shown before the bet does not give the answer away.
      const before = step.text.toLowerCase();
      if (step.ask === 'outcome') expect(before, step.title).not.toContain(OUTCOME_WORDS[step.expect as Outcome].label);
      if (step.ask === 'flag') expect(before, step.title).not.toContain(FLAG_WORDS[step.flag!].label);
    }
  });

  it('bets on each kind of question: an outcome, a flag, which side the text lands nearer, who blocks', () => {
    const asks = new Set<string>();
    for (const id of LESSONS) {
      const reply = readLesson(id, readFileSync(join(DIR, `${id}.yaml`), 'utf8'), SCENARIOS);
      if (reply.ok) for (const step of reply.lesson.steps) asks.add(step.ask);
    }
    expect([...asks].sort()).toEqual(['blocker', 'flag', 'nearer', 'outcome']);
  });

  it("draws the maps its reveals offer as their comments say: the dilemma's line at the box's edge, tyranny's at the registry's demand", () => {
    const dir = DIR;
    const mapOf = (lesson: string) => {
      const reply = readLesson(lesson, readFileSync(join(dir, `${lesson}.yaml`), 'utf8'), SCENARIOS);
      if (!reply.ok) throw new Error(reply.errors.join('\n'));
      const step = reply.lesson.steps.find((s) => s.map)!;
      const axis = (t: string) => {
        const [path, range] = [t.slice(0, t.lastIndexOf('=')), t.slice(t.lastIndexOf('=') + 1).split(':').map(Number)];
        return { path, values: gridValues(range[0], range[1], range[2]) };
      };
      const [x, y] = [axis(step.map!.x), axis(step.map!.y)];
      // Each cell: the flag's majority (a flag map) or the dominant class, over the map's seeds from the step's.
      const grid = y.values.map((yv) =>
        x.values.map((xv) => {
          const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios', `${step.scenario}.yaml`), 'utf8'), { overrides: [...step.set, `${x.path}=${xv}`, `${y.path}=${yv}`] });
          if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
          const runs = Array.from({ length: step.map!.seeds }, (_, k) => runScenario(loaded.scenario, { seed: (step.seed ?? loaded.scenario.seed) + k }));
          if (step.map!.by) return runs.filter((r) => r.flags.includes(step.map!.by!)).length > runs.length / 2 ? 'flagged' : 'not';
          const counts = new Map<string, number>();
          for (const r of runs) counts.set(r.outcome, (counts.get(r.outcome) ?? 0) + 1);
          return [...counts].sort((a, b) => b[1] - a[1])[0][0];
        }),
      );
      return grid;
    };
    // The convenor's dilemma: every subsidy row alike (money does not bring them), and the row changes along the box.
    const dilemma = mapOf('convenors-dilemma');
    expect(new Set(dilemma.map((row) => row.join())).size).toBe(1);
    expect(new Set(dilemma[0]).size).toBe(2);
    // Tyranny: every threshold column alike (a veto does not count votes), and the column changes with the demand.
    const tyranny = mapOf('tyranny-of-the-minority');
    for (const row of tyranny) expect(new Set(row).size).toBe(1);
    expect(new Set(tyranny.map((row) => row[0])).size).toBe(2);
  });

  it('names what is wrong in a broken lesson, with its path', () => {
    const reply = readLesson('bad', 'title: x\nsteps:\n  - title: a\n    text: b\n    scenario: nowhere\n    expect: victory\n', SCENARIOS);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.errors.some((e) => e.startsWith('bad: steps[0].scenario: must be one of'))).toBe(true);
      expect(reply.errors.some((e) => e.startsWith('bad: steps[0].expect: must be one of'))).toBe(true);
    }
  });

  it('names what is wrong in a bet: an unknown ask or flag, an answer that is not a choice', () => {
    const text = [
      'title: x',
      'steps:',
      '  - {title: a, text: b, scenario: reference, ask: guess}',
      '  - {title: a, text: b, scenario: reference, ask: flag, flag: theft, expect: maybe}',
      '  - {title: a, text: b, scenario: reference, ask: nearer, choices: [a], expect: a}',
      '  - {title: a, text: b, scenario: reference, ask: blocker, choices: [p, q], expect: r}',
      '  - {title: a, text: b, scenario: reference, ask: flag, flag: capture, expect: true}',
      '  - {title: a, text: b, scenario: reference, map: {x: convenor.deadline, y: "convenor.goodEnough=0:0.1:3", seeds: 0, by: theft}}',
    ].join('\n');
    const reply = readLesson('bad', text, SCENARIOS);
    expect(reply.ok).toBe(false);
    if (reply.ok) return;
    expect(reply.errors).toEqual([
      'bad: steps[0].ask: must be one of outcome, flag, nearer, blocker',
      'bad: steps[1].flag: must be one of capture, exclusion, collateral-attack (the flag the bet asks about)',
      'bad: steps[1].expect: must be yes or no',
      'bad: steps[2].choices: must name two constituencies, for "nearer which?"',
      'bad: steps[3].expect: must be one of the choices (p, q)',
      'bad: steps[5].map.x: must be PATH=LO:HI:STEPS, e.g. convenor.rule.threshold=0.6:1:5',
      'bad: steps[5].map.seeds: must be a whole number from 1 to 500',
      'bad: steps[5].map.by: must be one of capture, exclusion, collateral-attack (or left out: how the meetings end)',
    ]);
    // YAML's true is read as yes: step 4 is fine.
  });
});
