/**
 * The first screen's hook (the teaching issue's point 1): a fresh visit opens the one-incumbent
 * negotiation at round 0 and asks a question in plain words before anything plays. The class
 * predicts; the meeting plays; the answer is revealed beside the prediction, in the outcome's own
 * headline. Nothing here decides the outcome: the run does.
 */
import type { Outcome } from '../sim/index.ts';
import { el } from './dom.ts';
import { m } from './messages/index.ts';

export { HOOK_SCENARIO } from './bundled.ts';

/** What the hook's question asks: each prediction and the outcomes that bear it out. */
const PREDICTIONS: { id: keyof typeof m.hook.predictions; outcomes: Outcome[] }[] = [
  { id: 'others', outcomes: ['rough-consensus', 'contested-decision'] },
  { id: 'registry', outcomes: ['tyranny-of-the-minority'] },
  { id: 'nobody', outcomes: ['glacial-drift', 'declared-failure', 'collapse'] },
];

export interface Hook {
  /** Called by the page when the run ends: reveals the answer beside the prediction. */
  ended(outcome: Outcome, headline: string): void;
  /** The class moved on (another scenario, a lesson): the hook goes away. */
  dismiss(): void;
}

export function showHook(host: HTMLElement, play: () => void): Hook {
  let predicted: (typeof PREDICTIONS)[number] | null = null;
  const card = el('section', { class: 'hook', 'data-testid': 'hook', 'aria-labelledby': 'hook-question' });
  const answer = el('p', { class: 'hook-answer', 'data-testid': 'hook-answer', 'aria-live': 'polite' });
  const choices = el('div', { class: 'hook-choices', role: 'group', 'aria-label': m.hook.yourPrediction });
  for (const p of PREDICTIONS) {
    const words = m.hook.predictions[p.id];
    const button = el('button', { type: 'button', 'data-prediction': p.id }, words);
    button.addEventListener('click', () => {
      predicted = p;
      for (const b of choices.querySelectorAll('button')) b.disabled = true;
      button.classList.add('chosen');
      answer.textContent = m.hook.predicted(words);
      play();
    });
    choices.append(button);
  }
  card.append(
    el('h2', { id: 'hook-question' }, m.hook.question),
    el('p', {}, m.hook.room),
    choices,
    answer,
  );
  host.prepend(card);
  document.body.classList.add('hooked');
  return {
    ended(outcome, headline) {
      if (!predicted) return;
      const right = predicted.outcomes.includes(outcome);
      card.dataset.right = String(right);
      answer.textContent = m.hook.answer(right, headline);
      predicted = null;
    },
    dismiss() {
      card.remove();
      document.body.classList.remove('hooked');
    },
  };
}
