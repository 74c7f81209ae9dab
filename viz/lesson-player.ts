/**
 * The lesson player: a lesson's steps one at a time. A step opens its scenario at round 0 and says
 * what is on the screen; the class bets (how it ends, whether a flag is raised, which side the text
 * lands nearer, who blocks); the reveal plays the run, says whether the bet was right, and only
 * then shows the step's title, the report's words and why it went that way, with a button to the
 * round where it happened.
 */
import { FLAG_WORDS, OUTCOMES, OUTCOME_WORDS, type Flag, type RunResult } from '../sim/index.ts';
import { el } from './dom.ts';
import type { Meta } from './frame.ts';
import type { Lesson, LessonMap, LessonStep } from './lesson.ts';
import { answerOf, roundOf } from './lesson-answer.ts';

export interface LessonHost {
  /** Opens the step's scenario at round 0; its description, or null when it could not be opened. */
  open(step: LessonStep): Promise<Meta | null>;
  /** Plays the open run to its end. */
  play(): void;
  /** Shows the room at the end of `roundsRun` rounds. */
  seek(roundsRun: number): void;
  /** Draws a regime map of the open scenario and brings it into view. */
  map(spec: LessonMap): void;
}

export interface LessonPlayer {
  setLessons(lessons: Lesson[], errors: string[]): void;
  /** Called by the page whenever a run ends, with the round the story's first block came in. */
  ended(result: RunResult, meta: Meta, firstBlocked: number | null): void;
}

/** The page's question for a bet, when the lesson does not word its own. */
const FLAG_QUESTIONS: Record<Flag, string> = {
  capture: 'Will the text be captured: will it favour the convenor or a small, well-resourced group?',
  exclusion: 'Will people the text affects be left out of the room?',
  'collateral-attack': 'Will someone go around the process?',
};

function question(step: LessonStep, meta: Meta | null): string {
  if (step.question) return step.question;
  switch (step.ask) {
    case 'outcome':
      return 'Your bet: how will it end?';
    case 'flag':
      return FLAG_QUESTIONS[step.flag!];
    case 'nearer':
      return `Will the text land nearer ${step.choices.map((c) => constituencyName(meta, c)).join(' or ')}?`;
    case 'blocker':
      return 'Who will block the text most often?';
  }
}

const constituencyName = (meta: Meta | null, id: string) => {
  const label = meta?.constituencies.find((c) => c.id === id)?.label ?? id;
  return `the ${label.charAt(0).toLowerCase()}${label.slice(1)}`;
};

function stakeholderName(meta: Meta | null, id: string): string {
  const i = meta ? meta.ids.indexOf(id) : -1;
  const label = i >= 0 ? meta!.labels[i] : '';
  return label && label.length <= 40 ? `${label} (${id})` : id;
}

/** The bet's choices: [value, words]. */
function choicesOf(step: LessonStep, meta: Meta | null): [string, string][] {
  switch (step.ask) {
    case 'outcome':
      return OUTCOMES.map((o) => [o, OUTCOME_WORDS[o].title]);
    case 'flag':
      return [
        ['yes', 'Yes'],
        ['no', 'No'],
      ];
    case 'nearer':
      return step.choices.map((c) => [c, `Nearer ${constituencyName(meta, c)}`]);
    case 'blocker':
      return step.choices.map((c) => [c, stakeholderName(meta, c)]);
  }
}

/** An answer in words, as the verdict says it. */
function answerWords(step: LessonStep, answer: string | null, meta: Meta | null): string {
  if (answer === null) return step.ask === 'blocker' ? 'none of them blocked' : 'neither: nothing was adopted';
  switch (step.ask) {
    case 'outcome':
      return `it ended in ${OUTCOME_WORDS[answer as RunResult['outcome']].title.toLowerCase()}`;
    case 'flag':
      return answer === 'yes' ? `yes: ${FLAG_WORDS[step.flag!].plain}` : `no: the run raised no ${FLAG_WORDS[step.flag!].label} flag`;
    case 'nearer':
      return `the text landed nearer ${constituencyName(meta, answer)}`;
    case 'blocker':
      return `${stakeholderName(meta, answer)} blocked most often`;
  }
}

export function createLessonPlayer(host: HTMLElement, page: LessonHost): LessonPlayer {
  let lessons: Lesson[] = [];
  let lesson: Lesson | null = null;
  let index = 0;
  let bet: string | null = null;
  let waiting = false;
  let meta: Meta | null = null;
  /** Bumped by each step shown, so a step's late-opening scenario cannot draw over the next one's. */
  let shown = 0;
  const picker = el('select', { id: 'lesson-picker', 'aria-label': 'Lesson' });
  const body = el('div', { class: 'lesson-body' });
  const problems = el('div', { class: 'errors', role: 'alert' });
  problems.hidden = true;
  host.replaceChildren(el('label', { class: 'field inline' }, el('span', {}, 'Lesson'), picker), problems, body);

  picker.addEventListener('change', () => {
    lesson = lessons.find((l) => l.id === picker.value) ?? null;
    index = 0;
    void renderStep();
  });

  async function renderStep() {
    bet = null;
    waiting = false;
    body.replaceChildren();
    if (!lesson) return;
    const mine = ++shown;
    const step = lesson.steps[index];
    body.append(el('p', { class: 'muted' }, 'Opening the step…'));
    // The step's room at round 0, before anyone bets on it.
    meta = await page.open(step);
    if (mine !== shown) return;
    body.replaceChildren();
    const bets = el('fieldset', { class: 'bets', 'data-ask': step.ask }, el('legend', {}, question(step, meta)));
    const revealButton = el('button', { type: 'button', id: 'lesson-reveal', disabled: '' }, 'Reveal');
    for (const [value, words] of choicesOf(step, meta)) {
      const radio = el('input', { type: 'radio', name: 'lesson-bet', value });
      radio.addEventListener('change', () => {
        bet = value;
        revealButton.disabled = false;
      });
      bets.append(el('label', { class: 'field check' }, radio, el('span', {}, words)));
    }
    const verdict = el('div', { class: 'verdict', 'data-testid': 'lesson-verdict', 'aria-live': 'polite' });
    revealButton.addEventListener('click', () => {
      if (!bet) return;
      revealButton.disabled = true;
      for (const input of bets.querySelectorAll('input')) input.disabled = true;
      verdict.textContent = 'Playing…';
      waiting = true;
      page.play();
    });
    const next = el('button', { type: 'button', id: 'lesson-next' }, index + 1 < lesson.steps.length ? 'Next step' : 'Start again');
    next.addEventListener('click', () => {
      index = (index + 1) % lesson!.steps.length;
      void renderStep();
    });
    body.append(
      el('p', { class: 'muted' }, lesson.summary),
      // The title waits for the reveal: it may name what the class is betting on.
      el('h3', { class: 'step-count' }, `Step ${index + 1} of ${lesson.steps.length}`),
      el('p', { class: 'step-text' }, step.text),
      bets,
      el('div', { class: 'lesson-actions' }, revealButton, next),
      verdict,
    );
    if (!meta) verdict.textContent = 'This step’s scenario could not be opened: see the message above the room.';
  }

  return {
    setLessons(list, errors) {
      lessons = list;
      picker.replaceChildren(el('option', { value: '' }, '— choose a lesson —'), ...list.map((l) => el('option', { value: l.id }, l.title)));
      problems.hidden = errors.length === 0;
      problems.replaceChildren(...errors.map((e) => el('div', {}, e)));
    },
    ended(result, runMeta, firstBlocked) {
      if (!waiting || !bet || !lesson) return;
      waiting = false;
      const step = lesson.steps[index];
      const verdict = body.querySelector<HTMLElement>('.verdict');
      if (!verdict) return;
      const room = { n: runMeta.n, d: runMeta.d, ideal: runMeta.ideal, constituency: runMeta.constituency, constituencies: runMeta.constituencies };
      const answer = answerOf(step, result, room);
      const right = answer === bet;
      verdict.dataset.answer = answer ?? '';
      verdict.dataset.outcome = result.outcome;
      verdict.dataset.right = String(right);
      const chosen = choicesOf(step, runMeta).find(([v]) => v === bet)?.[1] ?? bet;
      const round = roundOf(step, result, firstBlocked);
      const go = el('button', { type: 'button', class: 'lesson-round', 'data-round': String(round) }, `See it in round ${round}`);
      go.addEventListener('click', () => page.seek(round + 1));
      verdict.replaceChildren(
        el('p', { class: 'verdict-line' }, `${right ? 'Right!' : 'Not this time.'} You bet “${chosen}”; ${answerWords(step, answer, runMeta)}.`),
        el('h4', { class: 'step-title' }, step.title),
        step.quote ? el('blockquote', {}, `“${step.quote}”`) : '',
        el('p', { class: 'step-explain', 'data-testid': 'lesson-explain' }, step.explain || result.explanation),
        go,
      );
      if (step.map) {
        const spec = step.map;
        const show = el('button', { type: 'button', class: 'lesson-map' }, 'Show the map: where this begins');
        show.addEventListener('click', () => page.map(spec));
        verdict.append(' ', show);
      }
    },
  };
}
