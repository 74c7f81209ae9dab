/** The policy space's legend: constituency colours (labels as text), outlines, marks. */
import { el } from './dom.ts';
import type { Meta } from './frame.ts';
import { m } from './messages/index.ts';
import { constituencyColour } from './palette.ts';

export function renderLegend(host: HTMLElement, meta: Meta): void {
  host.replaceChildren();
  meta.constituencies.forEach((c, k) => {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = constituencyColour(k);
    host.append(el('span', { class: 'key' }, swatch, c.label));
  });
  const keys = [...m.legend.keys];
  if (meta.preferred) keys.push(m.legend.convenor);
  keys.push(m.legend.atTheEnd);
  for (const k of keys) host.append(el('span', { class: 'key muted' }, k));
}
