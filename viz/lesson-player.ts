/**
 * The lesson player: a lesson's steps one at a time; before each reveal the
 * class places its bet on an outcome class, then the step's run plays and the page says whether
 * the bet was right.
 */
import { OUTCOMES, type Outcome } from '../sim/index.ts';
import { el } from './dom.ts';
import type { Lesson, LessonStep } from './lesson.ts';
import { OUTCOME_WORDS } from '../sim/index.ts';

export interface LessonPlayer {
  setLessons(lessons: Lesson[], errors: string[]): void;
  /** Called by the page whenever a run ends. */
  ended(outcome: Outcome): void;
}

export function createLessonPlayer(host: HTMLElement, reveal: (step: LessonStep) => Promise<void>): LessonPlayer {
  let lessons: Lesson[] = [];
  let lesson: Lesson | null = null;
  let index = 0;
  let bet: Outcome | null = null;
  let waiting = false;
  const picker = el('select', { id: 'lesson-picker', 'aria-label': 'Lesson' });
  const body = el('div', { class: 'lesson-body' });
  const problems = el('div', { class: 'errors', role: 'alert' });
  problems.hidden = true;
  host.replaceChildren(el('label', { class: 'field inline' }, el('span', {}, 'Lesson'), picker), problems, body);

  picker.addEventListener('change', () => {
    lesson = lessons.find((l) => l.id === picker.value) ?? null;
    index = 0;
    renderStep();
  });

  function renderStep() {
    bet = null;
    waiting = false;
    body.replaceChildren();
    if (!lesson) return;
    const step = lesson.steps[index];
    const bets = el('fieldset', { class: 'bets' }, el('legend', {}, 'Your bet: how will it end?'));
    const revealButton = el('button', { type: 'button', id: 'lesson-reveal', disabled: '' }, 'Reveal');
    for (const o of OUTCOMES) {
      const radio = el('input', { type: 'radio', name: 'lesson-bet', value: o });
      radio.addEventListener('change', () => {
        bet = o;
        revealButton.disabled = false;
      });
      bets.append(el('label', { class: 'field check' }, radio, el('span', {}, OUTCOME_WORDS[o].title)));
    }
    const verdict = el('p', { class: 'verdict', 'data-testid': 'lesson-verdict', 'aria-live': 'polite' });
    revealButton.addEventListener('click', async () => {
      if (!bet) return;
      revealButton.disabled = true;
      for (const input of bets.querySelectorAll('input')) input.disabled = true;
      verdict.textContent = 'Playing…';
      waiting = true;
      await reveal(step);
    });
    const next = el('button', { type: 'button', id: 'lesson-next' }, index + 1 < lesson.steps.length ? 'Next step' : 'Start again');
    next.addEventListener('click', () => {
      index = (index + 1) % lesson!.steps.length;
      renderStep();
    });
    body.append(
      el('p', { class: 'muted' }, `${lesson.summary}`),
      el('h3', {}, `Step ${index + 1} of ${lesson.steps.length}: ${step.title}`),
      el('p', {}, step.text),
      step.quote ? el('blockquote', {}, `“${step.quote}”`) : '',
      bets,
      el('div', { class: 'lesson-actions' }, revealButton, next),
      verdict,
    );
  }

  return {
    setLessons(list, errors) {
      lessons = list;
      picker.replaceChildren(el('option', { value: '' }, '— choose a lesson —'), ...list.map((l) => el('option', { value: l.id }, l.title)));
      problems.hidden = errors.length === 0;
      problems.replaceChildren(...errors.map((e) => el('div', {}, e)));
    },
    ended(outcome) {
      if (!waiting || !bet) return;
      waiting = false;
      const verdict = body.querySelector<HTMLElement>('.verdict');
      if (!verdict) return;
      const right = outcome === bet;
      verdict.dataset.outcome = outcome;
      verdict.dataset.right = String(right);
      verdict.textContent = `You bet on ${OUTCOME_WORDS[bet].title.toLowerCase()}; the outcome was ${OUTCOME_WORDS[outcome].title.toLowerCase()}. ${right ? 'Right!' : 'Not this time: look at the timeline and the minutes to see why.'}`;
    },
  };
}
