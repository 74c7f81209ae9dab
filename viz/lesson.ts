/**
 * Lessons for teachers as data: `scenarios/lessons/*.yaml`, read and checked
 * here (in the worker and in the tests), so a teacher writes a lesson without touching code.
 */
import { parse } from 'yaml';
import { OUTCOMES, type Outcome } from '../sim/index.ts';

export interface LessonStep {
  title: string;
  text: string;
  quote: string;
  scenario: string;
  seed: number | null;
  set: string[];
  expect: Outcome | null;
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
    if (s.expect !== undefined && !OUTCOMES.includes(s.expect as Outcome)) errors.push(`${at}.expect: must be one of ${OUTCOMES.join(', ')}`);
    return {
      title: String(s.title ?? ''),
      text: String(s.text ?? '').trim(),
      quote: String(s.quote ?? ''),
      scenario: String(s.scenario ?? ''),
      seed: typeof s.seed === 'number' ? s.seed : null,
      set: Array.isArray(set) ? set.map(String) : [],
      expect: (s.expect as Outcome | undefined) ?? null,
    };
  });
  if (errors.length) return { ok: false, errors };
  return { ok: true, lesson: { id, title: String(doc.title), summary: String(doc.summary ?? ''), steps } };
}
