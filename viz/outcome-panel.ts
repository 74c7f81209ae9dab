/**
 * The outcome panel: class, flags, legitimacy and the explanation in plain
 * words, with a link to what the class means. `data-testid="outcome"` holds the class id once
 * the run has ended, and `data-adopted` the adopted point at full precision.
 */
import { FLAG_WORDS, headline, OUTCOME_WORDS, type RunResult } from '../sim/index.ts';
import { el, pct } from './dom.ts';

/** How a run ended, as a student reads it. */
const END_WORDS: Record<RunResult['end'], string> = {
  adopted: 'a text adopted',
  deadline: 'the deadline reached',
  horizon: 'the time allowed used up',
  'declared-failure': 'failure declared by the convenor',
  collapse: 'too few left to meet',
};

/** The site's page on the model (docs/model.md rendered, scripts/docs-pages.ts), at the outcome class's row. */
export const classLink = (outcome: RunResult['outcome']) => `./model.html#${outcome}`;

/** `known`: how this run ends, when the page has gone back in time from its end. */
export function renderOutcome(panel: HTMLElement, result: RunResult | null, round: number, known: RunResult | null = null): void {
  panel.replaceChildren();
  if (!result && known) {
    panel.dataset.state = 'rewound';
    delete panel.dataset.outcome;
    delete panel.dataset.adopted;
    panel.append(
      el('p', { class: 'rewound' }, `Back in time: the room after ${round} of its ${known.rounds} rounds.`),
      el('p', { class: 'muted' }, `It ends in ${OUTCOME_WORDS[known.outcome].title.toLowerCase()}: play on, or drag to the end.`),
    );
    return;
  }
  if (!result) {
    panel.dataset.state = 'running';
    delete panel.dataset.outcome;
    delete panel.dataset.adopted;
    panel.append(el('p', { class: 'muted' }, round === 0 ? 'Press play to start the meeting.' : 'The meeting is under way…'));
    return;
  }
  panel.dataset.state = 'ended';
  panel.dataset.outcome = result.outcome;
  panel.dataset.end = result.end;
  panel.dataset.rounds = String(result.rounds);
  panel.dataset.adopted = JSON.stringify(result.adopted ? result.adopted.position : null);
  const words = OUTCOME_WORDS[result.outcome];
  panel.append(
    el('h2', { class: `outcome-class outcome-${result.outcome}` }, words.title),
    // One sentence that agrees with the numbers below it: its flags in it, contradictions said.
    el('p', { class: 'headline', 'data-testid': 'headline' }, headline(result)),
    el('p', { class: 'explanation' }, result.explanation),
  );
  const facts = el('dl', { class: 'facts' });
  const fact = (k: string, v: string) => facts.append(el('dt', {}, k), el('dd', {}, v));
  // Each figure says what it is and when.
  fact('Ended', `${END_WORDS[result.end]} after ${result.rounds} rounds`);
  fact('Legitimacy of the text', result.legitimacy === null ? 'none (nothing adopted)' : pct(result.legitimacy));
  fact('Inclusion at the end', `${pct(result.inclusion)} of those affected were at the table`);
  const peak = result.bestSupport;
  fact(
    'Support',
    peak.support > result.support + 0.005
      ? `${pct(result.support)} at the end; it peaked at ${pct(peak.support)} in round ${peak.round}`
      : `${pct(result.support)} at the end, the highest it reached`,
  );
  panel.append(facts);
  const flags = el('ul', { class: 'flags', 'aria-label': 'flags' });
  for (const f of result.flags) flags.append(el('li', { class: `flag flag-${f}` }, FLAG_WORDS[f].plain));
  if (result.flags.length === 0) flags.append(el('li', { class: 'muted' }, 'No flags.'));
  panel.append(flags, el('p', {}, el('a', { href: classLink(result.outcome), target: '_blank', rel: 'noopener' }, `What ${words.title.toLowerCase()} means`)));
}
