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

function readMap(raw: unknown, at: string, errors: string[], translatedLabels?: LessonMap['labels']): LessonMap | null {
  if (raw === undefined) return null;
  const m = (raw ?? {}) as Record<string, unknown>;
  for (const k of ['x', 'y'] as const) if (typeof m[k] !== 'string' || !AXIS.test(m[k] as string)) errors.push(`${at}.map.${k}: must be PATH=LO:HI:STEPS, e.g. convenor.rule.threshold=0.6:1:5`);
  if (!(Number.isInteger(m.seeds) && (m.seeds as number) >= 1 && (m.seeds as number) <= 500)) errors.push(`${at}.map.seeds: must be a whole number from 1 to 500`);
  if (m.by !== undefined && !FLAGS.includes(m.by as Flag)) errors.push(`${at}.map.by: must be one of ${FLAGS.join(', ')} (or left out: how the meetings end)`);
  const labels = { ...((m.labels ?? {}) as Record<string, unknown>), ...(translatedLabels ?? {}) };
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

/** What a lesson's `translations` may give, and a step's. */
const LESSON_TEXTS = ['title', 'summary'] as const;
const STEP_TEXTS = ['title', 'text', 'quote', 'explain', 'question'] as const;

/**
 * A lesson's or a step's words in another language: `translations: {fr: {title: ..., ...}}`, each
 * a text of the English's (a step's map labels too). Checked for every language, so a teacher's
 * typo is named; the one asked for is returned, or {} for English and languages it lacks.
 */
function translated(raw: unknown, keys: readonly string[], at: string, language: string, errors: string[]): Record<string, unknown> {
  if (raw === undefined) return {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    errors.push(`${at}.translations: must map a language (e.g. fr) to its texts`);
    return {};
  }
  let mine: Record<string, unknown> = {};
  for (const [lang, texts] of Object.entries(raw as Record<string, unknown>)) {
    const where = `${at}.translations.${lang}`;
    if (!/^[a-z]{2,3}$/.test(lang)) errors.push(`${at}.translations: ${JSON.stringify(lang)} is not a language code (two or three letters, e.g. fr)`);
    if (texts === null || typeof texts !== 'object' || Array.isArray(texts)) {
      errors.push(`${where}: must list texts (${keys.join(', ')})`);
      continue;
    }
    for (const [k, v] of Object.entries(texts as Record<string, unknown>)) {
      if (k === 'map' && keys === STEP_TEXTS) {
        const labels = (v as { labels?: Record<string, unknown> } | null)?.labels;
        if (!labels || typeof labels !== 'object' || !Object.values(labels).every(isText)) errors.push(`${where}.map: must be {labels: {x: ..., y: ...}}`);
      } else if (!keys.includes(k)) errors.push(`${where}.${k}: not a text of the ${keys === STEP_TEXTS ? 'step' : 'lesson'} (one of ${keys.join(', ')})`);
      else if (!isText(v)) errors.push(`${where}.${k}: must be a text`);
    }
    if (lang === language) mine = texts as Record<string, unknown>;
  }
  return mine;
}

/**
 * Reads one lesson file; `scenarios` lists the bundled scenario ids a step may open; `language`
 * picks the texts of a translation where the file has one (English otherwise).
 */
export function readLesson(id: string, text: string, scenarios: readonly string[], language = 'en'): LessonReply {
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
  const lessonWords = translated(doc.translations, LESSON_TEXTS, id, language, errors);
  const rawSteps = Array.isArray(doc.steps) ? doc.steps : [];
  if (rawSteps.length === 0) errors.push(`${id}: steps: must list at least one step`);
  const steps: LessonStep[] = rawSteps.map((raw, k) => {
    const s = (raw ?? {}) as Record<string, unknown>;
    const at = `${id}: steps[${k}]`;
    const own = translated(s.translations, STEP_TEXTS, at, language, errors);
    const say = (key: (typeof STEP_TEXTS)[number]) => (typeof own[key] === 'string' ? (own[key] as string) : s[key]);
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
      title: String(say('title') ?? ''),
      text: String(say('text') ?? '').trim(),
      quote: String(say('quote') ?? ''),
      explain: typeof say('explain') === 'string' ? (say('explain') as string).trim() : '',
      question: typeof say('question') === 'string' ? (say('question') as string).trim() : '',
      scenario: String(s.scenario ?? ''),
      seed: typeof s.seed === 'number' ? s.seed : null,
      set: Array.isArray(set) ? set.map(String) : [],
      ask,
      flag: ask === 'flag' ? ((s.flag as Flag) ?? null) : null,
      choices: choiceList,
      expect,
      map: readMap(s.map, at, errors, (own.map as { labels?: LessonMap['labels'] } | undefined)?.labels),
    };
  });
  if (errors.length) return { ok: false, errors };
  const lessonSays = (key: 'title' | 'summary') => (typeof lessonWords[key] === 'string' ? (lessonWords[key] as string) : doc[key]);
  return { ok: true, lesson: { id, title: String(lessonSays('title')), summary: String(lessonSays('summary') ?? '').trim(), steps } };
}
