import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaText, SCHEMA_FILE } from '../../../scripts/write-schema.ts';
import { loadScenario } from '../../../sim/scenario/load.ts';

describe('the scenario schema', () => {
  it('scenarios/schema.json is what the one definition produces now (run `npm run schema` if not)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(schemaText());
  });

  it('describes the fields, defaults and ranges editors complete', () => {
    const schema = JSON.parse(schemaText());
    expect(schema.required).toEqual(expect.arrayContaining(['convene', 'name', 'issues', 'constituencies', 'stakeholders']));
    const convenor = schema.properties.convenor.properties;
    expect(convenor.deadline.default).toBe(100);
    expect(convenor.rule.properties.type.enum).toEqual(['unanimity', 'rough-consensus', 'supermajority', 'majority']);
    expect(schema.properties.horizon).toMatchObject({ minimum: 1, maximum: 100000, default: 500 });
  });

  it('the complete example of SCENARIO.md validates with every default filled in', () => {
    const loaded = loadScenario(readFileSync('test/fixtures/privacy-example.yaml', 'utf8'), { filename: 'privacy-example.yaml' });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const s = loaded.scenario;
    expect(s.seed).toBe(7);
    expect(s.constituencies[1].organized).toBe(true);
    expect(s.constituencies[1].organizeRounds).toBe(10);
    expect(s.stakeholders[0]).toMatchObject({ power: 5, openness: 1, absence: 0, patience: 1000 });
    expect(s.convenor.declareFailure).toEqual({ allowed: true, stallRounds: 20, minGain: 0.01 });
    expect(s.analysis.roughConsensus).toBe(0.8);
  });

  it('a JSON scenario may name its schema', () => {
    const text = JSON.stringify({
      $schema: './schema.json',
      convene: 1,
      name: 'json',
      issues: [{ id: 'a' }],
      constituencies: [{ id: 'c' }],
      stakeholders: [{ id: 's', constituency: 'c', ideal: [0.5] }],
    });
    expect(loadScenario(text, { format: 'json' }).ok).toBe(true);
  });
});
