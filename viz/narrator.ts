/**
 * The ARIA live region: one short sentence per update, e.g. "Round 12: civil
 * society caucus formed; 3 objections; support 71%", and the outcome when the run ends.
 */
import type { RunEvent } from '../sim/index.ts';
import { pct } from './dom.ts';
import type { Frame, Meta } from './frame.ts';
import { OUTCOME_WORDS } from '../sim/index.ts';

export function narrate(meta: Meta, frame: Frame): string {
  if (frame.result) {
    const r = frame.result;
    return `Round ${r.rounds - 1}: the meeting ended. ${OUTCOME_WORDS[r.outcome].title}. ${r.explanation}`;
  }
  if (frame.round === 0) return `${meta.name}: ${meta.n} stakeholders, ready to start.`;
  const round = frame.round - 1;
  const latest: RunEvent[] = frame.events.filter((e) => e.round === round);
  const parts: string[] = [];
  const label = (id?: string) => meta.constituencies.find((c) => c.id === id)?.label ?? id;
  for (const e of latest) if (e.type === 'caucus-formed') parts.push(`${label(e.constituency)} caucus formed`);
  const count = (type: RunEvent['type']) => latest.filter((e) => e.type === type).length;
  const dropped = count('dropped-out');
  if (dropped) parts.push(`${dropped} dropped out`);
  if (count('declined')) parts.push(`${count('declined')} declined to come`);
  if (count('walked-out')) parts.push(`${count('walked-out')} walked out`);
  parts.push(`${frame.objections} objection${frame.objections === 1 ? '' : 's'}`);
  if (count('blocked')) parts.push('blocked');
  if (count('item-settled')) parts.push('an item settled');
  if (count('item-opened')) parts.push(`${count('item-opened')} new items`);
  parts.push(`support ${pct(frame.support)}`);
  return `Round ${round}: ${parts.join('; ')}`;
}
