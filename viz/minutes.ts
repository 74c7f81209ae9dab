/**
 * The record as minutes of the meeting: who joined, proposed, objected,
 * dropped out, which items were settled or opened; filtered by stakeholder or constituency. The
 * record stays in the worker: the page holds only the latest entries, or the worker's answer to a
 * filter, so a 10,000-stakeholder run stays light.
 */
import type { RunEvent } from '../sim/index.ts';
import { el, num, pct } from './dom.ts';
import type { Meta } from './frame.ts';

/** At most this many entries are in the page at once. */
export const SHOWN_ENTRIES = 400;

const point = (p?: number[]) => (p ? `(${p.map((v) => num(v)).join(', ')})` : '');

/** One entry of the minutes in plain words. */
export function minuteText(e: RunEvent, meta: Meta): string {
  const label = (id?: string) => meta.constituencies.find((c) => c.id === id)?.label ?? id ?? '';
  const who = e.stakeholder ?? '';
  switch (e.type) {
    case 'joined':
      return `${who} joined the table.`;
    case 'absent':
      return `${who} could not afford to attend (resources ${num(e.value ?? 0, 1)}).`;
    case 'dropped-out':
      return `${who} dropped out for good.`;
    case 'declined':
      return `${who} declined to come: the best text the convenor allows is worth ${num(e.utility ?? 0, 2)} to it, less than the ${num(e.floor ?? 0, 2)} it needs.`;
    case 'walked-out':
      return `${who} walked out: the text is worth ${num(e.utility ?? 0, 2)} to it, less than the ${num(e.floor ?? 0, 2)} it gets by going around the process.`;
    case 'caucus-formed':
      return `The ${label(e.constituency)} caucus organized itself.`;
    case 'chair-elected':
      return `${who} chairs the ${label(e.constituency)} caucus.`;
    case 'proposal':
      return `A text was tabled at ${point(e.position)}.`;
    case 'objection':
      return `${who} objected (short by ${num(e.value ?? 0, 3)}).`;
    case 'blocked':
      return `Blocked: support reached ${pct(e.value ?? 0)}, but ${e.stakeholders?.length ?? 0} objected: ${(e.stakeholders ?? []).slice(0, 8).join(', ')}${(e.stakeholders?.length ?? 0) > 8 ? ', …' : ''}.`;
    case 'item-settled':
      return `An item was settled; ${e.value ?? 0} left open.`;
    case 'item-opened':
      return `The ${label(e.constituency)} caucus uncovered a new problem; ${e.value ?? 0} items open.`;
    case 'failure-declared':
      return `The convenor declared failure: support had stalled at ${pct(e.value ?? 0)}.`;
    case 'collapse':
      return `Too few came: participation ${pct(e.value ?? 0)}, below quorum. The process collapsed.`;
    case 'adopted':
      return `The text at ${point(e.position)} was adopted with ${pct(e.value ?? 0)} support.`;
    case 'collateral-attack':
      return `${who} goes around the process (outside option ${num(e.value ?? 0)}).`;
  }
}

export interface Minutes {
  open(meta: Meta): void;
  /** New entries of the running meeting, for the unfiltered minutes. */
  add(events: RunEvent[]): void;
  /** Replaces the entries shown with the worker's answer to a filter, named in `data-filter`. */
  show(events: RunEvent[], filter: string): void;
  /** Marks the stakeholder's entries; `reveal` scrolls the list (not the page) to the latest of them. */
  highlight(stakeholder: string | null, options?: { reveal?: boolean }): void;
}

export function createMinutes(list: HTMLOListElement): Minutes {
  let meta: Meta | null = null;
  let highlighted: string | null = null;
  /** The entry each list item shows, to mark those about a stakeholder. */
  const shown = new WeakMap<Element, RunEvent>();

  const about = (e: RunEvent, id: string) => e.stakeholder === id || (e.stakeholders?.includes(id) ?? false);
  const entry = (e: RunEvent) => {
    const li = el('li', { class: `minute minute-${e.type}` }, el('span', { class: 'minute-round' }, `Round ${e.round}`), ' ', minuteText(e, meta!));
    if (highlighted && about(e, highlighted)) li.classList.add('highlight');
    if (e.stakeholder) li.dataset.stakeholder = e.stakeholder;
    shown.set(li, e);
    return li;
  };
  const append = (events: RunEvent[]) => {
    const stick = list.scrollTop + list.clientHeight >= list.scrollHeight - 20;
    list.append(...events.slice(-SHOWN_ENTRIES).map(entry));
    while (list.childElementCount > SHOWN_ENTRIES) list.firstElementChild!.remove();
    if (stick) list.scrollTop = list.scrollHeight;
  };

  return {
    open(m) {
      meta = m;
      list.dataset.filter = '';
      list.replaceChildren();
    },
    add(events) {
      list.dataset.filter = '';
      if (meta && events.length > 0) append(events);
    },
    show(events, filter) {
      if (!meta) return;
      list.dataset.filter = filter;
      list.replaceChildren();
      append(events);
      list.scrollTop = list.scrollHeight;
    },
    highlight(id, options = {}) {
      highlighted = id;
      let latest: HTMLElement | null = null;
      for (const li of list.children as HTMLCollectionOf<HTMLElement>) {
        const e = shown.get(li);
        const on = id !== null && e !== undefined && about(e, id);
        li.classList.toggle('highlight', on);
        if (on) latest = li;
      }
      if (options.reveal && latest) {
        const box = list.getBoundingClientRect();
        const row = latest.getBoundingClientRect();
        if (row.top < box.top || row.bottom > box.bottom) list.scrollTop += row.top - box.top - (box.height - row.height) / 2;
      }
    },
  };
}
