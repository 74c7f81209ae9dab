/** The policy space's legend: constituency colours (labels as text), outlines, marks. */
import { el } from './dom.ts';
import type { Meta } from './frame.ts';
import { constituencyColour } from './palette.ts';

export function renderLegend(host: HTMLElement, meta: Meta): void {
  host.replaceChildren();
  meta.constituencies.forEach((c, k) => {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = constituencyColour(k);
    host.append(el('span', { class: 'key' }, swatch, c.label));
  });
  const keys = [
    'solid outline: supports',
    'dashed outline: objects',
    'dotted: does not engage or absent',
    'size: power',
    'faint ring: what it wants; thin line: how far it has moved from there',
    'named: who objects, declined or walked out',
    'faded: resources spent',
    '◇ proposal and its trail',
    '✚ caucus centre, ring: its chair',
    'dashed box: acceptable to the convenor',
  ];
  if (meta.preferred) keys.push('★ convenor in the room');
  keys.push('□ at the end: what each constituency wants on average, and a dashed line to the text it got');
  for (const k of keys) host.append(el('span', { class: 'key muted' }, k));
}
