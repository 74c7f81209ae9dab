/**
 * The page's message catalogues (viz/messages): how a language is chosen, index.html alike to the
 * English catalogue, and the French one complete (every key, every text translated, none of the
 * insider words). Node only: the page in each language is loaded in test/viz/language.test.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../viz/messages/en.ts';
import { fr } from '../../viz/messages/fr.ts';
import { englishWorkerWords } from '../../viz/messages/worker-words.ts';
import { frenchWorkerWords } from '../../viz/messages/worker-fr.ts';
import { chooseLanguage, LANGUAGES } from '../../viz/messages/language.ts';
import { readLesson } from '../../viz/lesson.ts';
import { OUTCOMES } from '../../sim/index.ts';
import { ROOT } from './browser.ts';

/** Every leaf of a catalogue: [path, value]. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (typeof value === 'string' || typeof value === 'function') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, k) => leaves(v, `${path}[${k}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}

describe('choosing the page’s language', () => {
  it('takes ?lang= first, then the browser’s languages in order, then English', () => {
    expect(chooseLanguage('fr', ['en-US'])).toBe('fr');
    expect(chooseLanguage('FR-ca', [])).toBe('fr');
    expect(chooseLanguage('en', ['fr-FR'])).toBe('en');
    expect(chooseLanguage(null, ['fr-FR', 'en'])).toBe('fr');
    expect(chooseLanguage(null, ['de-DE', 'fr-BE'])).toBe('fr');
    expect(chooseLanguage(null, ['de-DE'])).toBe('en');
    // A language the page does not have is passed over, not an error.
    expect(chooseLanguage('xx', ['fr'])).toBe('fr');
    expect(chooseLanguage('', [])).toBe('en');
    expect(LANGUAGES).toEqual(['en', 'fr']);
  });
});

describe('index.html and the English catalogue', () => {
  const html = readFileSync(join(ROOT, 'index.html'), 'utf8');
  const texts = [...html.matchAll(/data-i18n="([\w]+)"[^>]*>([^<]*)</g)].map(([, key, text]) => [key, text] as const);
  const labels = [...html.matchAll(/<[^>]*aria-label="([^"]*)"[^>]*data-i18n-label="(\w+)"/g)].map(([, text, key]) => [key, text] as const);
  const hrefs = [...html.matchAll(/<a href="([^"]*)" data-i18n-href="(\w+)"/g)].map(([, href, key]) => [key, href] as const);

  it('marks every text of the page with its key, and each says what the catalogue says', () => {
    expect(texts.length).toBeGreaterThan(40);
    for (const [key, text] of texts) expect([key, text]).toEqual([key, (en.static as Record<string, string>)[key]]);
    for (const [key, text] of labels) expect([key, text]).toEqual([key, (en.static as Record<string, string>)[key]]);
    expect(hrefs.map(([key]) => key)).toEqual(['forkHelp', 'forkHelp', 'mapHelp']);
    for (const [key, href] of hrefs) expect([key, href]).toEqual([key, (en.static as Record<string, string>)[key]]);
  });

  it('leaves no English text of its own unmarked, and no catalogue text unused', () => {
    const body = html.slice(html.indexOf('<body>'));
    // Text between tags that is not inside an element carrying data-i18n.
    const unmarked = [...body.matchAll(/<([a-z0-9]+)((?:(?!data-i18n=)[^>])*)>([^<]*[A-Za-z][^<]*)</g)]
      .filter(([, tag]) => tag !== 'script')
      .map(([, , , text]) => text.trim())
      .filter((t) => t !== '' && t !== 'Convene' && t !== 'Class mode' && t !== 'English' && t !== 'Français' && t !== 'Before round 0');
    expect(unmarked).toEqual([]);
    const used = new Set([...texts.map(([k]) => k), ...labels.map(([k]) => k), ...hrefs.map(([k]) => k), 'title']);
    expect(Object.keys(en.static).filter((k) => !used.has(k))).toEqual([]);
  });
});

describe('the French catalogue', () => {
  // The bundled scenarios' words are data, English in the files themselves: checked below. The
  // worker's own sentences (the explanation, the fork's refusals) are held to the same.
  const english = new Map(leaves({ ...en, worker: { ...englishWorkerWords, scenarios: {} } }));
  const french = new Map(leaves({ ...fr, worker: { ...frenchWorkerWords, scenarios: {} } }));

  it('has every key of the English one, and nothing else', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('gives each text a French one: same kind, same parameters', () => {
    for (const [path, value] of english) {
      const other = french.get(path);
      expect([path, typeof other]).toEqual([path, typeof value]);
      if (typeof value === 'function') expect([path, (other as (...a: unknown[]) => unknown).length]).toEqual([path, value.length]);
    }
  });

  it('translates every text (the same in both only for symbols and names)', () => {
    const same = [...english].filter(([path, value]) => typeof value === 'string' && french.get(path) === value && /[a-z]{3}/i.test(value)).map(([path, value]) => `${path}: ${value}`);
    // Words French shares with English.
    const shared = new Set(['static.timeline', 'static.minutes', 'static.about', 'flags.capture.label', 'flags.exclusion.label', 'rules.unanimity', 'static.legend', 'timeline.measures.participation', 'timeline.measures.dispersion', 'static.outcome']);
    expect(same.filter((s) => !shared.has(s.slice(0, s.indexOf(':'))))).toEqual([]);
  });

  it('says the same facts in French: a sentence with numbers keeps them', () => {
    // Each function is called with the same arguments in both languages; the numbers survive.
    expect(fr.page.round(0)).not.toBe(en.page.round(0));
    expect(fr.page.round(34)).toContain('33');
    expect(fr.page.round(34)).toContain('34');
    expect(fr.pct(0.125)).toBe('13\u202f%');
    expect(fr.num(0.5)).toBe('0,50');
    expect(fr.headline({ outcome: 'tyranny-of-the-minority', flags: [], adopted: { support: 1 }, bestSupport: { support: 1 }, blockedRounds: 19, blockers: ['registry-1'] })).toMatch(/19/);
    for (const o of OUTCOMES) expect(fr.outcomes[o].title).not.toBe(en.outcomes[o].title);
    expect(frenchWorkerWords.forkTooLate(33, 40)).toMatch(/33.*40/);
  });

  it('uses none of the insider words a student should not read', () => {
    const texts = [...french].flatMap(([path, v]) => {
      if (typeof v === 'string') return [[path, v] as const];
      if (typeof v !== 'function') return [];
      // A sentence with made-up facts: every parameter a number or a name.
      try {
        const out = (v as (...a: unknown[]) => unknown)(...Array.from({ length: v.length }, () => 3));
        return typeof out === 'string' ? [[path, out] as const] : [];
      } catch {
        return [];
      }
    });
    for (const [path, text] of texts) expect([path, /utilité|réservation|axe principal|--set/i.test(text)]).toEqual([path, false]);
  });
});

describe('the bundled scenarios in French', () => {
  it('name, describe and label every bundled scenario, by the ids the files use', async () => {
    const { parse } = await import('yaml');
    const files = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml'));
    expect(Object.keys(frenchWorkerWords.scenarios).sort()).toEqual(files.map((f) => f.replace(/\.yaml$/, '')).sort());
    for (const file of files) {
      const sc = parse(readFileSync(join(ROOT, 'scenarios', file), 'utf8')) as Record<string, { id?: string; label?: string; generate?: number }[] | string | undefined>;
      const words = frenchWorkerWords.scenarios[file.replace(/\.yaml$/, '')];
      expect([file, typeof words.name, words.name !== sc.name]).toEqual([file, 'string', true]);
      if (sc.description) expect([file, typeof words.description]).toEqual([file, 'string']);
      const ids = (list: unknown, group = false) => ((list ?? []) as { id?: string; generate?: number }[]).map((e, k) => (group && e.generate !== undefined ? `group:${k}` : e.id));
      for (const [key, list] of [['issues', sc.issues], ['constituencies', sc.constituencies], ['stakeholders', sc.stakeholders]] as const) {
        const known = new Set(ids(list, key === 'stakeholders'));
        for (const id of Object.keys(words[key] ?? {})) expect([file, key, id, known.has(id)]).toEqual([file, key, id, true]);
      }
      expect([file, /utilité|réservation|axe principal/i.test(JSON.stringify(words))]).toEqual([file, false]);
    }
  });
});

describe('the lessons in French', () => {
  const dir = join(ROOT, 'scenarios', 'lessons');
  const scenarios = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, ''));
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));

  it('are translated as data: every lesson and step has its French texts', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
    for (const file of files) {
      const id = file.replace(/\.yaml$/, '');
      const text = readFileSync(join(dir, file), 'utf8');
      const english = readLesson(id, text, scenarios);
      const french = readLesson(id, text, scenarios, 'fr');
      if (!english.ok || !french.ok) throw new Error(`${file}: ${JSON.stringify(english.ok ? (french as { errors: string[] }).errors : english.errors)}`);
      // A one-word title French shares with English (Capture, Exclusion) may stay as it is.
      expect([id, french.lesson.title !== english.lesson.title || /^(Capture|Exclusion)$/.test(english.lesson.title)]).toEqual([id, true]);
      expect([id, french.lesson.summary !== english.lesson.summary]).toEqual([id, true]);
      french.lesson.steps.forEach((step, k) => {
        const was = english.lesson.steps[k];
        for (const key of ['title', 'text', 'quote', 'explain'] as const) {
          if (was[key] !== '') expect([id, k, key, step[key] !== was[key] && step[key] !== '']).toEqual([id, k, key, true]);
        }
        // What is not a text stays the step's own: the same scenario, seed, question and answer.
        expect({ ...step, title: '', text: '', quote: '', explain: '', question: '', map: step.map && { ...step.map, labels: {} } }).toEqual({
          ...was,
          title: '',
          text: '',
          quote: '',
          explain: '',
          question: '',
          map: was.map && { ...was.map, labels: {} },
        });
        // Shown before the bet, the French must not give the answer away either.
        if (step.ask === 'outcome' && step.expect) expect([id, k, step.text.toLowerCase().includes(fr.outcomes[step.expect as (typeof OUTCOMES)[number]].label)]).toEqual([id, k, false]);
      });
    }
  });

  it('names a translation’s mistakes by field', () => {
    const lesson = (translations: string) => `title: T\nsteps:\n  - title: S\n    text: Round 0.\n    scenario: reference\n    expect: rough-consensus\n    translations:\n${translations}\n`;
    const bad = readLesson('x', lesson('      fr:\n        titel: Étape\n        text: 3'), scenarios, 'fr');
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.errors).toContain('x: steps[0].translations.fr.titel: not a text of the step (one of title, text, quote, explain, question)');
    expect(bad.errors).toContain('x: steps[0].translations.fr.text: must be a text');
    const notMap = readLesson('x', lesson('      - fr'), scenarios, 'fr');
    expect(notMap.ok ? [] : notMap.errors).toEqual(['x: steps[0].translations: must map a language (e.g. fr) to its texts']);
    // A language the file does not have reads as English.
    const german = readLesson('x', lesson('      fr:\n        title: Étape'), scenarios, 'de');
    expect(german.ok && german.lesson.steps[0].title).toBe('S');
    const french = readLesson('x', lesson('      fr:\n        title: Étape'), scenarios, 'fr');
    expect(french.ok && [french.lesson.steps[0].title, french.lesson.steps[0].text]).toEqual(['Étape', 'Round 0.']);
  });
});
