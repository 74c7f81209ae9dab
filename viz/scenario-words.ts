/**
 * A bundled scenario's texts in the page's language: its name, description and labels, from the
 * language's translations (scenarios/translations/fr.json), by id. Only words change: the ids, the
 * numbers and so the run stay the same bit for bit. A scenario opened from a file keeps its own
 * words (the scenario format, SCENARIO.md, has no translations).
 */
import type { Scenario } from '../sim/index.ts';

export interface ScenarioWords {
  name?: string;
  description?: string;
  /** Labels by issue id. */
  issues?: Record<string, string>;
  /** Labels by constituency id. */
  constituencies?: Record<string, string>;
  /** Labels by stakeholder id, and a generated group's by `group:K` (K its place in the list, from 0). */
  stakeholders?: Record<string, string>;
}

export function inWords(sc: Scenario, w: ScenarioWords | undefined): Scenario {
  if (!w) return sc;
  const own = <T extends object>(map: Record<string, string> | undefined, key: string, item: T & { label?: string }): T =>
    map && Object.hasOwn(map, key) ? { ...item, label: map[key] } : item;
  return {
    ...sc,
    name: w.name ?? sc.name,
    description: w.description ?? sc.description,
    issues: sc.issues.map((i) => own(w.issues, i.id, i)),
    constituencies: sc.constituencies.map((c) => own(w.constituencies, c.id, c)),
    stakeholders: sc.stakeholders.map((e, k) => ('id' in e && typeof e.id === 'string' ? own(w.stakeholders, e.id, e) : own(w.stakeholders, `group:${k}`, e))),
  } as Scenario;
}
