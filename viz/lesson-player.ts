/**
 * The lesson player: a lesson's steps one at a time. A step opens its scenario at round 0 and says
 * what is on the screen; the class bets (how it ends, whether a flag is raised, which side the text
 * lands nearer, who blocks); the reveal plays the run, says whether the bet was right, and only
 * then shows the step's title, the report's words and why it went that way, with a button to the
 * round where it happened.
 */
import { OUTCOMES, type RunResult } from '../sim/index.ts';
import { el } from './dom.ts';
import { m } from './messages/index.ts';
import type { Meta } from './frame.ts';
import type { Lesson, LessonMap, LessonReply, LessonStep } from './lesson.ts';
import { answerOf, roundOf } from './lesson-answer.ts';
import { nameOf } from './names.ts';

export interface LessonHost {
  /** Reads a lesson when it is picked: the lesson, or its mistakes named by field. */
  read(id: string): Promise<LessonReply>;
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
  /** The lessons the picker offers, by id and title; each is read when picked. */
  setLessons(lessons: { id: string; title: string }[]): void;
  /** Called by the page whenever a run ends, with the round the story's first block came in. */
  ended(result: RunResult, meta: Meta, firstBlocked: number | null): void;
}

function question(step: LessonStep, meta: Meta | null): string {
  if (step.question) return step.question;
  switch (step.ask) {
    case 'outcome':
      return m.lesson.howWillItEnd;
    case 'flag':
      return m.lesson.flagQuestions[step.flag!];
    case 'nearer':
      return m.lesson.nearerWhich(step.choices.map((c) => constituencyName(meta, c)));
    case 'blocker':
      return m.lesson.whoBlocks;
  }
}

const constituencyName = (meta: Meta | null, id: string) => {
  const label = meta?.constituencies.find((c) => c.id === id)?.label ?? id;
  return m.lesson.the(label);
};

/** A stakeholder as the room and the minutes name it (viz/names.ts). */
const stakeholderName = (meta: Meta | null, id: string): string => (meta ? nameOf(meta, id) : id);

/** The bet's choices: [value, words]. */
function choicesOf(step: LessonStep, meta: Meta | null): [string, string][] {
  switch (step.ask) {
    case 'outcome':
      return OUTCOMES.map((o) => [o, m.outcomes[o].title]);
    case 'flag':
      return [
        ['yes', m.lesson.yes],
        ['no', m.lesson.no],
      ];
    case 'nearer':
      return step.choices.map((c) => [c, m.lesson.nearer(constituencyName(meta, c))]);
    case 'blocker':
      return step.choices.map((c) => [c, stakeholderName(meta, c)]);
  }
}

/** An answer in words, as the verdict says it. */
function answerWords(step: LessonStep, answer: string | null, meta: Meta | null): string {
  if (answer === null) return step.ask === 'blocker' ? m.lesson.noneBlocked : m.lesson.neither;
  switch (step.ask) {
    case 'outcome':
      return m.lesson.itEnded(m.outcomes[answer as RunResult['outcome']].title);
    case 'flag':
      return answer === 'yes' ? m.lesson.flagYes(m.flags[step.flag!].plain) : m.lesson.flagNo(m.flags[step.flag!].label);
    case 'nearer':
      return m.lesson.landedNearer(constituencyName(meta, answer));
    case 'blocker':
      return m.lesson.blockedMost(stakeholderName(meta, answer));
  }
}

export function createLessonPlayer(host: HTMLElement, page: LessonHost): LessonPlayer {
  let lesson: Lesson | null = null;
  let index = 0;
  let bet: string | null = null;
  let waiting = false;
  let meta: Meta | null = null;
  /** Bumped by each step shown, so a step's late-opening scenario cannot draw over the next one's. */
  let shown = 0;
  const picker = el('select', { id: 'lesson-picker', 'aria-label': m.lesson.lesson });
  const body = el('div', { class: 'lesson-body' });
  const problems = el('div', { class: 'errors', role: 'alert' });
  problems.hidden = true;
  host.replaceChildren(el('label', { class: 'field inline' }, el('span', {}, m.lesson.lesson), picker), problems, body);

  /** Bumped by each lesson picked, so a late-read lesson cannot replace the one picked after it. */
  let picked = 0;
  picker.addEventListener('change', async () => {
    const mine = ++picked;
    lesson = null;
    index = 0;
    problems.hidden = true;
    void renderStep();
    if (!picker.value) return;
    const reply = await page.read(picker.value);
    if (mine !== picked) return;
    if (!reply.ok) {
      problems.hidden = false;
      problems.replaceChildren(...reply.errors.map((e) => el('div', {}, e)));
      return;
    }
    lesson = reply.lesson;
    void renderStep();
  });

  async function renderStep() {
    bet = null;
    waiting = false;
    body.replaceChildren();
    if (!lesson) return;
    const mine = ++shown;
    const step = lesson.steps[index];
    body.append(el('p', { class: 'muted' }, m.lesson.opening));
    // The step's room at round 0, before anyone bets on it.
    meta = await page.open(step);
    if (mine !== shown) return;
    body.replaceChildren();
    const bets = el('fieldset', { class: 'bets', 'data-ask': step.ask }, el('legend', {}, question(step, meta)));
    const revealButton = el('button', { type: 'button', id: 'lesson-reveal', disabled: '' }, m.lesson.reveal);
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
      verdict.textContent = m.lesson.playing;
      waiting = true;
      page.play();
    });
    const next = el('button', { type: 'button', id: 'lesson-next' }, index + 1 < lesson.steps.length ? m.lesson.nextStep : m.lesson.startAgain);
    next.addEventListener('click', () => {
      index = (index + 1) % lesson!.steps.length;
      void renderStep();
    });
    body.append(
      el('p', { class: 'muted' }, lesson.summary),
      // The title waits for the reveal: it may name what the class is betting on.
      el('h3', { class: 'step-count' }, m.lesson.stepOf(index + 1, lesson.steps.length)),
      el('p', { class: 'step-text' }, step.text),
      bets,
      el('div', { class: 'lesson-actions' }, revealButton, next),
      verdict,
    );
    if (!meta) verdict.textContent = m.lesson.notOpened;
  }

  return {
    setLessons(list) {
      picker.replaceChildren(el('option', { value: '' }, m.lesson.choose), ...list.map((l) => el('option', { value: l.id }, l.title)));
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
      const go = el('button', { type: 'button', class: 'lesson-round', 'data-round': String(round) }, m.lesson.seeIt(round));
      go.addEventListener('click', () => page.seek(round + 1));
      verdict.replaceChildren(
        el('p', { class: 'verdict-line' }, m.lesson.verdict(right, chosen, answerWords(step, answer, runMeta))),
        el('h4', { class: 'step-title' }, step.title),
        step.quote ? el('blockquote', {}, m.lesson.quote(step.quote)) : '',
        el('p', { class: 'step-explain', 'data-testid': 'lesson-explain' }, step.explain || result.explanation),
        go,
      );
      if (step.map) {
        const spec = step.map;
        const show = el('button', { type: 'button', class: 'lesson-map' }, m.lesson.showMap);
        show.addEventListener('click', () => page.map(spec));
        verdict.append(' ', show);
      }
    },
  };
}
