/**
 * Lessons for teachers as data: `scenarios/lessons/*.yaml`, read and checked
 * here (in the worker and in the tests), so a teacher writes a lesson without touching code.
 */
import { parse } from 'yaml';
import { FLAGS, OUTCOMES, type Flag, type Outcome } from '../sim/index.ts';

/**
 * What a step's bet asks: how it ends (an outcome class), whether a flag is raised, which of two
 * constituencies the adopted text lands nearer, or which of some stakeholders blocks it.
 */
export const ASKS = ['outcome', 'flag', 'nearer', 'blocker'] as const;
export type Ask = (typeof ASKS)[number];

export interface LessonStep {
  /** Shown after the reveal: a title may give the answer away. */
  title: string;
  /** Shown before the bet: what is on the screen at round 0 and what to look at. */
  text: string;
  /** Shown after the reveal, as the title. */
  quote: string;
  /** Shown after the reveal: why it went that way ('' for the run's own explanation). */
  explain: string;
  /** The bet's question in the lesson's words ('' for the page's question for `ask`). */
  question: string;
  scenario: string;
  seed: number | null;
  set: string[];
  ask: Ask;
  /** The flag asked about (ask: flag). */
  flag: Flag | null;
  /** Constituency ids (ask: nearer, two) or stakeholder ids (ask: blocker, two or more). */
  choices: string[];
  /**
   * The answer the step shows with its seed, checked by `npm test`: an outcome class, `yes` or
   * `no` (flag), or one of `choices`.
   */
  expect: string | null;
  /** A regime map the reveal offers: where, across two conditions, what the step showed begins. */
  map: LessonMap | null;
}

export interface LessonMap {
  /** `PATH=LO:HI:STEPS`, as `convene map --x` takes it. */
  x: string;
  y: string;
  seeds: number;
  /** A flag to map instead of how the meetings end. */
  by: Flag | null;
  /** The axes in words. */
  labels: { x?: string; y?: string };
}

const AXIS = /^[A-Za-z_][\w.[\]]*=-?[\d.]+:-?[\d.]+:\d+$/;

function readMap(raw: unknown, at: string, errors: string[]): LessonMap | null {
  if (raw === undefined) return null;
  const m = (raw ?? {}) as Record<string, unknown>;
  for (const k of ['x', 'y'] as const) if (typeof m[k] !== 'string' || !AXIS.test(m[k] as string)) errors.push(`${at}.map.${k}: must be PATH=LO:HI:STEPS, e.g. convenor.rule.threshold=0.6:1:5`);
  if (!(Number.isInteger(m.seeds) && (m.seeds as number) >= 1 && (m.seeds as number) <= 500)) errors.push(`${at}.map.seeds: must be a whole number from 1 to 500`);
  if (m.by !== undefined && !FLAGS.includes(m.by as Flag)) errors.push(`${at}.map.by: must be one of ${FLAGS.join(', ')} (or left out: how the meetings end)`);
  const labels = (m.labels ?? {}) as Record<string, unknown>;
  return {
    x: String(m.x ?? ''),
    y: String(m.y ?? ''),
    seeds: Number(m.seeds ?? 0),
    by: (m.by as Flag | undefined) ?? null,
    labels: { x: typeof labels.x === 'string' ? labels.x : undefined, y: typeof labels.y === 'string' ? labels.y : undefined },
  };
}

export interface Lesson {
  id: string;
  title: string;
  summary: string;
  steps: LessonStep[];
}

export type LessonReply = { ok: true; lesson: Lesson } | { ok: false; errors: string[] };

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Reads one lesson file; `scenarios` lists the bundled scenario ids a step may open. */
export function readLesson(id: string, text: string, scenarios: readonly string[]): LessonReply {
  const errors: string[] = [];
  let data: unknown;
  try {
    data = parse(text, { schema: 'core' });
  } catch (e) {
    return { ok: false, errors: [`${id}: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const doc = (data ?? {}) as Record<string, unknown>;
  if (!isText(doc.title)) errors.push(`${id}: title: must be a text`);
  if (doc.summary !== undefined && typeof doc.summary !== 'string') errors.push(`${id}: summary: must be a text`);
  const rawSteps = Array.isArray(doc.steps) ? doc.steps : [];
  if (rawSteps.length === 0) errors.push(`${id}: steps: must list at least one step`);
  const steps: LessonStep[] = rawSteps.map((raw, k) => {
    const s = (raw ?? {}) as Record<string, unknown>;
    const at = `${id}: steps[${k}]`;
    if (!isText(s.title)) errors.push(`${at}.title: must be a text`);
    if (!isText(s.text)) errors.push(`${at}.text: must be a text`);
    if (!isText(s.scenario) || !scenarios.includes(s.scenario)) errors.push(`${at}.scenario: must be one of ${scenarios.join(', ')}`);
    if (s.seed !== undefined && !(Number.isInteger(s.seed) && (s.seed as number) >= 0)) errors.push(`${at}.seed: must be a whole number`);
    const set = s.set === undefined ? [] : s.set;
    if (!Array.isArray(set) || !set.every((o) => typeof o === 'string' && o.includes('='))) errors.push(`${at}.set: must list PATH=VALUE texts`);
    const ask = (s.ask ?? 'outcome') as Ask;
    if (!ASKS.includes(ask)) errors.push(`${at}.ask: must be one of ${ASKS.join(', ')}`);
    for (const key of ['explain', 'question', 'quote'] as const) {
      if (s[key] !== undefined && typeof s[key] !== 'string') errors.push(`${at}.${key}: must be a text`);
    }
    const choices = s.choices === undefined ? [] : s.choices;
    const choiceList = Array.isArray(choices) && choices.every(isText) ? (choices as string[]) : [];
    if (s.choices !== undefined && choiceList.length === 0) errors.push(`${at}.choices: must list ids`);
    // A flag's answer as YAML may write it: yes or no, true or false.
    const expect = s.expect === true ? 'yes' : s.expect === false ? 'no' : s.expect === undefined ? null : String(s.expect);
    if (ask === 'outcome' && expect !== null && !OUTCOMES.includes(expect as Outcome)) errors.push(`${at}.expect: must be one of ${OUTCOMES.join(', ')}`);
    if (ask === 'flag') {
      if (!FLAGS.includes(s.flag as Flag)) errors.push(`${at}.flag: must be one of ${FLAGS.join(', ')} (the flag the bet asks about)`);
      if (expect !== null && expect !== 'yes' && expect !== 'no') errors.push(`${at}.expect: must be yes or no`);
    }
    if (ask === 'nearer' && choiceList.length !== 2) errors.push(`${at}.choices: must name two constituencies, for "nearer which?"`);
    if (ask === 'blocker' && choiceList.length < 2) errors.push(`${at}.choices: must name two or more stakeholders, for "who blocks?"`);
    if ((ask === 'nearer' || ask === 'blocker') && expect !== null && !choiceList.includes(expect)) errors.push(`${at}.expect: must be one of the choices (${choiceList.join(', ')})`);
    return {
      title: String(s.title ?? ''),
      text: String(s.text ?? '').trim(),
      quote: String(s.quote ?? ''),
      explain: typeof s.explain === 'string' ? s.explain.trim() : '',
      question: typeof s.question === 'string' ? s.question.trim() : '',
      scenario: String(s.scenario ?? ''),
      seed: typeof s.seed === 'number' ? s.seed : null,
      set: Array.isArray(set) ? set.map(String) : [],
      ask,
      flag: ask === 'flag' ? ((s.flag as Flag) ?? null) : null,
      choices: choiceList,
      expect,
      map: readMap(s.map, at, errors),
    };
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, lesson: { id, title: String(doc.title), summary: String(doc.summary ?? ''), steps } };
}
