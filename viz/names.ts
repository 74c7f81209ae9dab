/**
 * Stakeholders as a student reads them: a label when it is short, else the label's first clause
 * ("The incumbent registry, which runs most of the names" → "The incumbent registry"), else the
 * id the scenario gives it (a generated stakeholder's, such as "registrar-8"). One rule for the
 * room, the minutes, the headline and the lessons' bets. Pure, so Node tests it too.
 */
import type { Meta } from './frame.ts';

const SHORT = 24;
const CLAUSE = 32;

type Named = Pick<Meta, 'ids' | 'labels'>;

/** Stakeholder `i`'s name. */
export function nameAt(meta: Named, i: number): string {
  const label = meta.labels[i]?.trim() ?? '';
  if (label && label.length <= SHORT) return label;
  const clause = label.split(/,|;|\s\(|\s[–—]\s/)[0].trim();
  if (clause && clause.length <= CLAUSE) return clause;
  return meta.ids[i];
}

/** The stakeholder with this id's name (the id itself when the scenario has no such stakeholder). */
export function nameOf(meta: Named, id: string): string {
  const i = meta.ids.indexOf(id);
  return i < 0 ? id : nameAt(meta, i);
}
