/** Small scenarios written in the test itself, validated by the real schema. */
import { scenarioSchema, type Scenario } from '../../sim/scenario/schema.ts';
import { createRunState, type RunState } from '../../sim/run-state.ts';
import { createRng } from '../../sim/rng.ts';

type Input = Record<string, unknown>;

/** Two issues, one constituency `c` that does everything, and the given stakeholders. */
export function makeScenario(fields: Input & { stakeholders: Input[] }): Scenario {
  const convenor = { draftNoise: 0, ...(fields.convenor as Input | undefined) };
  return scenarioSchema.parse({
    convene: 1,
    name: 'test',
    issues: [{ id: 'a' }, { id: 'b' }],
    constituencies: [{ id: 'c', roles: ['defines', 'affected', 'involved', 'decides', 'implements'] }],
    ...fields,
    convenor,
  });
}

export function makeState(fields: Input & { stakeholders: Input[] }, seed = 1): RunState {
  return createRunState(makeScenario(fields), { record: true, rng: createRng(seed) });
}

export const close = (digits = 12) => ({ digits });
