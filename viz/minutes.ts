/**
 * The record as minutes of the meeting. Unfiltered, one line a round says what mattered ("Round
 * 50: 6 objected, the registry among them; support 94%", then what else happened), and opens on
 * the round's full entries; filtered by a stakeholder or a constituency, its entries one by one.
 * The record stays in the worker, which answers a round's entries or a filter, so a
 * 10,000-stakeholder run stays light; when an answer holds fewer entries than there are, the
 * minutes say so.
 */
import { nameOf as nameIn } from './names.ts';
import type { RunEvent } from '../sim/index.ts';
import { el, num, pct } from './dom.ts';
import type { Meta, RoundLine } from './frame.ts';
import { m } from './messages/index.ts';

/** At most this many entries of a filter, or of one round, are in the page at once. */
export const SHOWN_ENTRIES = 400;

const point = (p?: number[]) => (p ? `(${p.map((v) => num(v)).join(', ')})` : '');

/** One entry of the minutes in plain words. */
export function minuteText(e: RunEvent, meta: Meta): string {
  const label = (id?: string) => meta.constituencies.find((c) => c.id === id)?.label ?? id ?? '';
  const who = e.stakeholder ?? '';
  const w = m.minutes.entry;
  switch (e.type) {
    case 'joined':
      return w.joined(who);
    case 'absent':
      return w.absent(who, num(e.value ?? 0, 1));
    case 'dropped-out':
      return w.droppedOut(who);
    case 'declined':
      return w.declined(who, num(e.utility ?? 0, 2), num(e.floor ?? 0, 2));
    case 'walked-out':
      return w.walkedOut(who, num(e.utility ?? 0, 2), num(e.floor ?? 0, 2));
    case 'caucus-formed':
      return w.caucusFormed(label(e.constituency));
    case 'chair-elected':
      return w.chairElected(who, label(e.constituency));
    case 'proposal':
      return w.proposal(point(e.position));
    case 'objection':
      return w.objection(who, num(e.value ?? 0, 3));
    case 'blocked': {
      const ids = e.stakeholders ?? [];
      return w.blocked(pct(e.value ?? 0), ids.slice(0, 8).map((id) => nameOf(meta, id)), Math.max(0, ids.length - 8));
    }
    case 'item-settled':
      return w.itemSettled(e.value ?? 0);
    case 'item-opened':
      return w.itemOpened(label(e.constituency), e.value ?? 0);
    case 'failure-declared':
      return w.failureDeclared(pct(e.value ?? 0));
    case 'collapse':
      return w.collapse(pct(e.value ?? 0));
    case 'adopted':
      return w.adopted(point(e.position), pct(e.value ?? 0));
    case 'collateral-attack':
      return w.collateralAttack(who, num(e.value ?? 0));
  }
}

/** Entries of one type in one round that read better counted: "12 walked out: a, b, c and 9 others." */
const COUNTED = m.minutes.counted;

/** A stakeholder inside a line of the minutes, named as the room names it (viz/names.ts). */
const nameOf = (meta: Meta, id: string): string => m.midSentence(nameIn(meta, id));

const listed = m.minutes.listed;

/** A round in one line: its notable entries, then how many objected (the most powerful named) and the support. */
export function roundText(line: RoundLine, meta: Meta): string {
  const parts: string[] = [];
  const byType = new Map<RunEvent['type'], RunEvent[]>();
  for (const e of line.notable) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
  for (const [type, events] of byType) {
    const verb = COUNTED[type];
    if (verb && events.length > 2) {
      const who = type === 'caucus-formed' ? events.map((e) => meta.constituencies.find((c) => c.id === e.constituency)?.label ?? e.constituency ?? '') : events.map((e) => nameOf(meta, e.stakeholder ?? ''));
      parts.push(m.minutes.countedLine(events.length, verb, listed(who.slice(0, 3), events.length)));
    } else for (const e of events) parts.push(minuteText(e, meta));
  }
  const names = line.objectors.map((id) => nameOf(meta, id));
  // A few are named; of many, the most powerful one.
  const objected = line.objected === 0 ? m.minutes.noOne : line.objected <= 3 ? m.minutes.fewObjected(line.objected, names) : m.minutes.manyObjected(line.objected, names[0]);
  parts.push(m.minutes.supportLine(objected, pct(line.support)));
  return parts.join(' ');
}

/** `data-filter` of the unfiltered minutes: no constituency, no stakeholder. */
const UNFILTERED = '|';

export interface Minutes {
  open(meta: Meta): void;
  /** The rounds run since the last frame, one line each, for the unfiltered minutes. */
  add(lines: RoundLine[]): void;
  /** Back to one line a round, after a filter. */
  unfiltered(): void;
  /** Replaces what is shown with the worker's answer to a filter (named in `data-filter`): `total` entries match. */
  show(events: RunEvent[], filter: string, total: number): void;
  /** Marks the stakeholder's entries and rounds; `reveal` scrolls the list (not the page) to the latest of them. */
  highlight(stakeholder: string | null, options?: { reveal?: boolean }): void;
}

/** `entriesOf` asks the worker for a round's entries, at most SHOWN_ENTRIES of them, and how many it has. */
export function createMinutes(list: HTMLOListElement, note: HTMLElement, entriesOf: (round: number) => Promise<{ entries: RunEvent[]; total: number }>): Minutes {
  let meta: Meta | null = null;
  let highlighted: string | null = null;
  /** The entry each list item shows, to mark those about a stakeholder. */
  const shown = new WeakMap<Element, RunEvent>();
  /** Who each round line's entries are about. */
  const involved = new WeakMap<Element, Set<string>>();
  /** Every round's line since the run began (or began again), to show again after a filter. */
  let lines: RoundLine[] = [];

  const about = (e: RunEvent, id: string) => e.stakeholder === id || (e.stakeholders?.includes(id) ?? false);
  const entry = (e: RunEvent) => {
    const li = el('li', { class: `minute minute-${e.type}` }, el('span', { class: 'minute-round' }, m.minutes.round(e.round)), ' ', minuteText(e, meta!));
    if (highlighted && about(e, highlighted)) li.classList.add('highlight');
    if (e.stakeholder) li.dataset.stakeholder = e.stakeholder;
    shown.set(li, e);
    return li;
  };
  const roundItem = (line: RoundLine) => {
    const kinds = new Set(line.notable.map((e) => e.type));
    const kind = kinds.has('adopted') ? 'adopted' : kinds.has('blocked') ? 'blocked' : kinds.has('walked-out') ? 'walked-out' : kinds.has('failure-declared') || kinds.has('collapse') ? 'end' : 'plain';
    const more = el('button', { type: 'button', class: 'minute-more', 'aria-expanded': 'false' }, m.minutes.allEntries(line.entries));
    const li = el('li', { class: `minute round-line minute-${kind}`, 'data-round': String(line.round) }, el('span', { class: 'minute-round' }, m.minutes.round(line.round)), ' ', roundText(line, meta!), ' ', more);
    if (line.entries === 0) more.hidden = true;
    const who = new Set(line.involves ?? []);
    involved.set(li, who);
    if (highlighted && who.has(highlighted)) li.classList.add('highlight');
    more.addEventListener('click', async () => {
      const open = more.getAttribute('aria-expanded') === 'true';
      li.querySelector('ol')?.remove();
      li.querySelector('.minute-cut')?.remove();
      more.setAttribute('aria-expanded', String(!open));
      more.textContent = open ? m.minutes.allEntries(line.entries) : m.minutes.fewer;
      if (open) return;
      const { entries, total } = await entriesOf(line.round);
      li.append(el('ol', { class: 'round-entries' }, ...entries.map(entry)));
      if (total > entries.length) li.append(el('p', { class: 'muted minute-cut' }, m.minutes.firstOf(entries.length, total)));
    });
    return li;
  };

  // Whether the reader is at the end of the list, read when it scrolls, so that adding a round's
  // line never forces a layout in the middle of a frame (with 10,000 stakeholders that layout
  // alone is a dozen milliseconds); the list follows the newest line in the next frame.
  let atEnd = true;
  list.addEventListener('scroll', () => (atEnd = list.scrollTop + list.clientHeight >= list.scrollHeight - 20), { passive: true });
  let following = 0;
  const follow = () => {
    following ||= requestAnimationFrame(() => {
      following = 0;
      list.scrollTop = list.scrollHeight;
    });
  };

  return {
    open(m) {
      meta = m;
      atEnd = true;
      list.dataset.filter = UNFILTERED;
      list.replaceChildren();
      note.textContent = '';
      lines = [];
    },
    add(added) {
      if (!meta) return;
      lines.push(...added);
      if (list.dataset.filter !== UNFILTERED || added.length === 0) return;
      list.append(...added.map(roundItem));
      if (atEnd) follow();
    },
    unfiltered() {
      if (!meta) return;
      list.dataset.filter = UNFILTERED;
      note.textContent = '';
      list.replaceChildren(...lines.map(roundItem));
      list.scrollTop = list.scrollHeight;
    },
    show(events, filter, total) {
      if (!meta) return;
      list.dataset.filter = filter;
      list.replaceChildren(...events.map(entry));
      note.textContent = total > events.length ? m.minutes.latestOf(events.length, total) : `${m.minutes.entries(total)}.`;
      list.scrollTop = list.scrollHeight;
    },
    highlight(id, options = {}) {
      highlighted = id;
      let latest: HTMLElement | null = null;
      for (const li of list.querySelectorAll<HTMLElement>('li')) {
        const e = shown.get(li);
        const on = id !== null && (e !== undefined ? about(e, id) : (involved.get(li)?.has(id) ?? false));
        li.classList.toggle('highlight', on);
        if (on && li.parentElement === list) latest = li;
      }
      if (options.reveal && latest) {
        const box = list.getBoundingClientRect();
        const row = latest.getBoundingClientRect();
        if (row.top < box.top || row.bottom > box.bottom) list.scrollTop += row.top - box.top - (box.height - row.height) / 2;
      }
    },
  };
}
