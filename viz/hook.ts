/**
 * The first screen's hook (the teaching issue's point 1): a fresh visit opens the one-incumbent
 * negotiation at round 0 and asks a question in plain words before anything plays. The class
 * predicts; the meeting plays; the answer is revealed beside the prediction, in the outcome's own
 * headline. Nothing here decides the outcome: the run does.
 */
import { OUTCOME_WORDS, type Outcome } from '../sim/index.ts';
import { el } from './dom.ts';

/** The scenario the hook is about, and what its question asks. */
export const HOOK_SCENARIO = 'tyranny-of-the-minority';

const PREDICTIONS: { id: string; words: string; outcomes: Outcome[] }[] = [
  { id: 'others', words: 'The others get their text', outcomes: ['rough-consensus', 'contested-decision'] },
  { id: 'registry', words: 'The registry blocks it, or gets its way', outcomes: ['tyranny-of-the-minority'] },
  { id: 'nobody', words: 'Nobody gets anything: it drags on or falls apart', outcomes: ['glacial-drift', 'declared-failure', 'collapse'] },
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
  const choices = el('div', { class: 'hook-choices', role: 'group', 'aria-label': 'Your prediction' });
  for (const p of PREDICTIONS) {
    const button = el('button', { type: 'button', 'data-prediction': p.id }, p.words);
    button.addEventListener('click', () => {
      predicted = p;
      for (const b of choices.querySelectorAll('button')) b.disabled = true;
      button.classList.add('chosen');
      answer.textContent = `You predicted: ${p.words.toLowerCase()}. Watch the room…`;
      play();
    });
    choices.append(button);
  }
  card.append(
    el('h2', { id: 'hook-question' }, 'One registry can veto the text. Will the others get their way?'),
    el(
      'p',
      {},
      'This is the room. Each dot is a stakeholder, coloured by its group and sized by its power. The orange dot far from the others is the incumbent registry: it runs most of the names, so no text passes without it. The others want it to change; it does not. Make your prediction, then watch the meeting.',
    ),
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
      answer.textContent = `${right ? 'You were right.' : 'Not what you predicted.'} ${headline} (${OUTCOME_WORDS[outcome].label}). Now change a condition and play again, or choose a lesson.`;
      predicted = null;
    },
    dismiss() {
      card.remove();
      document.body.classList.remove('hooked');
    },
  };
}
