/**
 * The story's moments: the rounds a student would go back to (the first blocked round, a caucus
 * organizing, a walk-out, the text adopted, failure declared, the collapse), gathered from the
 * record as the run goes and kept when the page goes back in time, so the rest of the story stays
 * one click away. Each is a button under the timeline and a mark on it.
 */
import type { RunEvent } from '../sim/index.ts';
import { el, pct } from './dom.ts';
import { m as words } from './messages/index.ts';
import type { Meta } from './frame.ts';

export interface Moment {
  /** The round it happened in, as the minutes number it. */
  round: number;
  kind: 'blocked' | 'caucus' | 'walk-out' | 'adopted' | 'failure' | 'collapse';
  text: string;
}

export interface Moments {
  /** A new run: no moments yet. */
  reset(meta: Meta): void;
  /** Entries of the record; those already seen (a run played again to go back) are skipped. */
  add(events: RunEvent[]): void;
  list(): readonly Moment[];
}

export function trackMoments(): Moments {
  let meta: Meta | null = null;
  let moments: Moment[] = [];
  let seen = new Set<string>();
  let blockedSeen = false;
  const label = (id?: string) => meta?.constituencies.find((c) => c.id === id)?.label ?? id ?? '';
  // A stakeholder by its short label when it has one, as the room names it.
  const name = (id?: string) => {
    const i = id === undefined || !meta ? -1 : meta.ids.indexOf(id);
    const l = i >= 0 ? meta!.labels[i] : '';
    return l && l.length <= 24 ? l : (id ?? words.moments.one);
  };
  /** Each round's walk-out moment, with how many walked out in it. */
  const walkOuts = new Map<number, { moment: Moment; count: number }>();

  return {
    reset(m) {
      meta = m;
      moments = [];
      seen = new Set();
      blockedSeen = false;
      walkOuts.clear();
    },
    add(events) {
      for (const e of events) {
        const key = `${e.type}|${e.round}|${e.stakeholder ?? ''}|${e.constituency ?? ''}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (e.type === 'blocked' && !blockedSeen) {
          blockedSeen = true;
          const by = e.stakeholders ?? [];
          moments.push({ round: e.round, kind: 'blocked', text: words.moments.firstBlocked(pct(e.value ?? 0), by.length === 1 ? name(by[0]) : words.moments.objections(by.length)) });
        } else if (e.type === 'caucus-formed' && e.round > 0) {
          // Caucuses organized from the start are the setting, not a turn of the story.
          moments.push({ round: e.round, kind: 'caucus', text: words.moments.caucus(label(e.constituency)) });
        } else if (e.type === 'walked-out') {
          const same = walkOuts.get(e.round);
          if (same) {
            same.count++;
            same.moment.text = words.moments.manyWalkedOut(same.count);
          } else {
            const moment: Moment = { round: e.round, kind: 'walk-out', text: words.moments.walkedOut(name(e.stakeholder)) };
            walkOuts.set(e.round, { moment, count: 1 });
            moments.push(moment);
          }
        } else if (e.type === 'adopted') {
          moments.push({ round: e.round, kind: 'adopted', text: words.moments.adopted(pct(e.value ?? 0)) });
        } else if (e.type === 'failure-declared') {
          moments.push({ round: e.round, kind: 'failure', text: words.moments.failure });
        } else if (e.type === 'collapse') {
          moments.push({ round: e.round, kind: 'collapse', text: words.moments.collapse });
        }
      }
      moments.sort((a, b) => a.round - b.round);
    },
    list: () => moments,
  };
}

/** The moments as buttons; pressing one goes to the end of its round. */
export function renderMoments(host: HTMLElement, moments: readonly Moment[], at: number, go: (roundsRun: number) => void): void {
  host.hidden = moments.length === 0;
  host.replaceChildren(
    el('span', { class: 'muted' }, words.moments.goTo),
    ...moments.map((m) => {
      const button = el('button', { type: 'button', class: `moment moment-${m.kind}`, 'data-round': String(m.round) }, words.moments.button(m.round, m.text));
      // The room as it stood when that round was over.
      if (at === m.round + 1) button.setAttribute('aria-current', 'step');
      button.addEventListener('click', () => go(m.round + 1));
      return button;
    }),
  );
}
