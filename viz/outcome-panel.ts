/**
 * The outcome panel (issue 3, point 6): class, flags, legitimacy and the explanation in plain
 * words, with a link to what the class means. `data-testid="outcome"` holds the class id once
 * the run has ended, and `data-adopted` the adopted point at full precision.
 */
import type { RunResult } from '../sim/index.ts';
import { el, pct } from './dom.ts';

export const CLASS_WORDS: Record<string, { title: string; plain: string }> = {
  'rough-consensus': {
    title: 'Rough consensus',
    plain: 'A text was adopted that nearly everyone could live with, and no holdout extracted a price.',
  },
  'contested-decision': {
    title: 'Contested decision',
    plain: 'A text was adopted, but a majority imposed it: too many still objected for it to be consensus.',
  },
  'tyranny-of-the-minority': {
    title: 'Tyranny of the minority',
    plain: 'A few blocked a text the rest accepted: either nothing was adopted, or the text was dragged their way.',
  },
  collapse: { title: 'Collapse', plain: 'Too few could (or would) keep coming: the room fell below quorum.' },
  'declared-failure': {
    title: 'Declared failure',
    plain: 'Support stopped growing and the convenor, as it had said it would, called the process off.',
  },
  'glacial-drift': {
    title: 'Glacial drift',
    plain: 'Nothing was decided before the deadline or the horizon: the process went on without deciding.',
  },
};

export const FLAG_WORDS: Record<string, string> = {
  capture: 'capture: the text favours the convenor or a small, well-resourced group',
  exclusion: 'exclusion: affected people were not in the room',
  'collateral-attack': 'collateral attack: someone with a better option outside goes around the process',
};

export const CLASSES_LINK = './docs/model.md#7-how-a-run-ends-outcome-classes';

export function renderOutcome(panel: HTMLElement, result: RunResult | null, round: number): void {
  panel.replaceChildren();
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
  const words = CLASS_WORDS[result.outcome];
  panel.append(
    el('h2', { class: `outcome-class outcome-${result.outcome}` }, words.title, ' ', el('code', {}, result.outcome)),
    el('p', {}, words.plain),
    el('p', { class: 'explanation' }, result.explanation),
  );
  const facts = el('dl', { class: 'facts' });
  const fact = (k: string, v: string) => facts.append(el('dt', {}, k), el('dd', {}, v));
  fact('Ended', `${result.end} after ${result.rounds} rounds`);
  fact('Legitimacy', result.legitimacy === null ? 'none (nothing adopted)' : pct(result.legitimacy));
  fact('Inclusion', pct(result.inclusion));
  fact('Support at the end', pct(result.support));
  panel.append(facts);
  const flags = el('ul', { class: 'flags', 'aria-label': 'flags' });
  for (const f of result.flags) flags.append(el('li', { class: `flag flag-${f}` }, FLAG_WORDS[f] ?? f));
  if (result.flags.length === 0) flags.append(el('li', { class: 'muted' }, 'No flags.'));
  panel.append(flags, el('p', {}, el('a', { href: CLASSES_LINK, target: '_blank', rel: 'noopener' }, 'What the outcome classes mean')));
}
