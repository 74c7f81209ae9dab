/**
 * A validated scenario's stakeholder entries as the core reads them: single stakeholders and
 * generated groups. Kept apart from the schema, so that the core does not bring in the validator.
 */
import type { GroupSpec, Scenario } from './schema.ts';

export function isGroup(entry: Scenario['stakeholders'][number]): entry is GroupSpec {
  return 'generate' in entry;
}

/** Stakeholders once generated groups are expanded, counted without expanding them. */
export function countStakeholders(entries: Scenario['stakeholders']): number {
  let n = 0;
  for (const entry of entries) n += isGroup(entry) ? entry.generate : 1;
  return n;
}
