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

/** A label when it is short, else its first clause when that is, else the id. */
function shortName(label: string | undefined, id: string): string {
  const text = label?.trim() ?? '';
  if (text && text.length <= SHORT) return text;
  const clause = text.split(/,|;|\s\(|\s[–—]\s/)[0].trim();
  if (clause && clause.length <= CLAUSE) return clause;
  return id;
}

/** Stakeholder `i`'s name. */
export function nameAt(meta: Named, i: number): string {
  return shortName(meta.labels[i], meta.ids[i]);
}

/**
 * Constituency `c`'s name, by the same rule: the room names several of one constituency who left
 * by it ("Privacy and consumer groups: 8 walked out"), not by the first one's id.
 */
export function groupNameAt(meta: Pick<Meta, 'constituencies'>, c: number): string {
  const { id, label } = meta.constituencies[c];
  return shortName(label, id);
}

/** The stakeholder with this id's name (the id itself when the scenario has no such stakeholder). */
export function nameOf(meta: Named, id: string): string {
  const i = meta.ids.indexOf(id);
  return i < 0 ? id : nameAt(meta, i);
}
