import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { readLesson } from '../../viz/lesson.ts';

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

  it.each(LESSONS)('%s reads, and each step shows the outcome it expects', (id) => {
    const reply = readLesson(id, readFileSync(join(DIR, `${id}.yaml`), 'utf8'), SCENARIOS);
    if (!reply.ok) throw new Error(reply.errors.join('\n'));
    expect(reply.lesson.steps.length).toBeGreaterThanOrEqual(2);
    for (const step of reply.lesson.steps) {
      const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios', `${step.scenario}.yaml`), 'utf8'), { overrides: step.set });
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      const result = runScenario(loaded.scenario, { seed: step.seed ?? undefined });
      if (step.expect) expect(`${step.title}: ${result.outcome}`).toBe(`${step.title}: ${step.expect}`);
    }
  });

  it('names what is wrong in a broken lesson, with its path', () => {
    const reply = readLesson('bad', 'title: x\nsteps:\n  - title: a\n    text: b\n    scenario: nowhere\n    expect: victory\n', SCENARIOS);
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.errors.some((e) => e.startsWith('bad: steps[0].scenario: must be one of'))).toBe(true);
      expect(reply.errors.some((e) => e.startsWith('bad: steps[0].expect: must be one of'))).toBe(true);
    }
  });
});
