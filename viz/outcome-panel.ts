/**
 * The outcome panel: class, flags, legitimacy and the explanation in plain
 * words, with a link to what the class means. `data-testid="outcome"` holds the class id once
 * the run has ended, and `data-adopted` the adopted point at full precision.
 */
import type { RunResult } from '../sim/index.ts';
import { el, pct } from './dom.ts';
import type { Meta } from './frame.ts';
import { m } from './messages/index.ts';
import { nameOf } from './names.ts';

/** The outcome's one sentence, naming those who held out as the room and the minutes do. */
export function headlineOf(result: RunResult, meta: Pick<Meta, 'ids' | 'labels'> | null): string {
  if (!meta) return m.headline(result);
  return m.headline({ ...result, blockers: result.blockers.map((id) => m.midSentence(nameOf(meta, id))) });
}

/** The site's page on the model (docs/model.md rendered, scripts/docs-pages.ts), at the outcome class's row. */
export const classLink = (outcome: RunResult['outcome']) => `${m.outcome.classPage}#${outcome}`;

/** `known`: how this run ends, when the page has gone back in time from its end; `meta` names its stakeholders. */
export function renderOutcome(panel: HTMLElement, result: RunResult | null, round: number, known: RunResult | null = null, meta: Meta | null = null): void {
  panel.replaceChildren();
  if (!result && known) {
    panel.dataset.state = 'rewound';
    delete panel.dataset.outcome;
    delete panel.dataset.adopted;
    panel.append(
      el('p', { class: 'rewound' }, m.outcome.rewound(round, known.rounds)),
      el('p', { class: 'muted' }, m.outcome.itEnds(m.outcomes[known.outcome].title)),
    );
    return;
  }
  if (!result) {
    panel.dataset.state = 'running';
    delete panel.dataset.outcome;
    delete panel.dataset.adopted;
    panel.append(el('p', { class: 'muted' }, round === 0 ? m.outcome.pressPlay : m.outcome.underWay));
    return;
  }
  panel.dataset.state = 'ended';
  panel.dataset.outcome = result.outcome;
  panel.dataset.end = result.end;
  panel.dataset.rounds = String(result.rounds);
  panel.dataset.adopted = JSON.stringify(result.adopted ? result.adopted.position : null);
  const words = m.outcomes[result.outcome];
  panel.append(
    el('h2', { class: `outcome-class outcome-${result.outcome}` }, words.title),
    // One sentence that agrees with the numbers below it: its flags in it, contradictions said.
    el('p', { class: 'headline', 'data-testid': 'headline' }, headlineOf(result, meta)),
    el('p', { class: 'explanation' }, result.explanation),
  );
  const facts = el('dl', { class: 'facts' });
  const fact = (k: string, v: string) => facts.append(el('dt', {}, k), el('dd', {}, v));
  // Each figure says what it is and when.
  fact(m.outcome.ended, m.outcome.endedAfter(m.outcome.ends[result.end], result.rounds));
  fact(m.outcome.legitimacy, result.legitimacy === null ? m.outcome.noneAdopted : pct(result.legitimacy));
  fact(m.outcome.inclusion, m.outcome.inclusionValue(pct(result.inclusion)));
  const peak = result.bestSupport;
  fact(
    m.outcome.support,
    peak.support > result.support + 0.005 ? m.outcome.supportPeaked(pct(result.support), pct(peak.support), peak.round) : m.outcome.supportHighest(pct(result.support)),
  );
  panel.append(facts);
  const flags = el('ul', { class: 'flags', 'aria-label': m.outcome.flags });
  for (const f of result.flags) flags.append(el('li', { class: `flag flag-${f}` }, m.flags[f].plain));
  if (result.flags.length === 0) flags.append(el('li', { class: 'muted' }, m.outcome.noFlags));
  panel.append(flags, el('p', {}, el('a', { href: classLink(result.outcome), target: '_blank', rel: 'noopener' }, m.outcome.whatItMeans(words.title))));
}
