/**
 * The ARIA live region: one short sentence per update, e.g. "Round 12: civil
 * society caucus formed; 3 objections; support 71%", and the outcome when the run ends.
 */
import type { RunEvent } from '../sim/index.ts';
import { pct } from './dom.ts';
import type { Frame, Meta } from './frame.ts';
import { m } from './messages/index.ts';

export function narrate(meta: Meta, frame: Frame): string {
  if (frame.result) {
    const r = frame.result;
    return m.narrator.ended(r.rounds - 1, m.outcomes[r.outcome].title, r.explanation);
  }
  if (frame.round === 0) return m.narrator.ready(meta.name, meta.n);
  const round = frame.round - 1;
  const latest: RunEvent[] = frame.events.filter((e) => e.round === round);
  const parts: string[] = [];
  const label = (id?: string) => meta.constituencies.find((c) => c.id === id)?.label ?? id;
  for (const e of latest) if (e.type === 'caucus-formed') parts.push(m.narrator.caucus(label(e.constituency) ?? ''));
  const count = (type: RunEvent['type']) => latest.filter((e) => e.type === type).length;
  const dropped = count('dropped-out');
  if (dropped) parts.push(m.narrator.dropped(dropped));
  if (count('declined')) parts.push(m.narrator.declined(count('declined')));
  if (count('walked-out')) parts.push(m.narrator.walkedOut(count('walked-out')));
  parts.push(m.narrator.objections(frame.objections));
  if (count('blocked')) parts.push(m.narrator.blocked);
  if (count('item-settled')) parts.push(m.narrator.settled);
  if (count('item-opened')) parts.push(m.narrator.opened(count('item-opened')));
  parts.push(m.narrator.support(pct(frame.support)));
  return m.narrator.round(round, parts);
}
