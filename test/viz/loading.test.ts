/**
 * What a visit loads (teaching issue, point 11: the page's size), in Chromium: the page lists the
 * bundled scenarios and lessons by name without their texts, loads the text of the scenario it
 * opens, and a lesson's only when a teacher picks it; an English visit asks for none of the
 * French words, a French one for them. Measured in kilobytes by bench/page.ts.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { HAVE_BROWSER, ROOT, useSite } from './browser.ts';

const SCENARIOS = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).length;
const nameOf = (file: string) => parse(readFileSync(join(ROOT, 'scenarios', file), 'utf8')) as { name?: string; title?: string };
const LESSONS = readdirSync(join(ROOT, 'scenarios', 'lessons')).filter((f) => f.endsWith('.yaml')).length;

/** Watches the scripts a page asks for; the answer counts them by what they hold. */
function watch(page: Page) {
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('.js')) asked.push(r.url());
  });
  /** The scripts asked for so far, by what they hold: a scenario file, a lesson file, each language's words. */
  return async () => {
    const out = { scenarios: 0, lessons: 0, french: 0, english: 0 };
    for (const url of new Set(asked)) {
      const text = await (await fetch(url)).text();
      // A bundled file's chunk is its text as a string: a scenario has a convenor, a lesson steps.
      if (/^(const|var|let) \w+=[`'"]/.test(text) && text.length < 12_000) {
        if (/\bsteps\b/.test(text)) out.lessons++;
        else if (/\bconvenor\b/.test(text)) out.scenarios++;
      }
      // Each language's words are chunks named for their files (viz/messages/en.ts, fr.ts, worker-fr.ts).
      if (/\/assets\/(fr|worker-fr)-/.test(url)) out.french++;
      if (/\/assets\/en-/.test(url)) out.english++;
    }
    return out;
  };
}

describe.skipIf(!HAVE_BROWSER)('what a visit loads', () => {
  const site = useSite();

  it('the scenario it opens and no other, no lesson until one is picked, no French in English', async () => {
    const { page, errors } = await site.page({ width: 1366, height: 768 });
    const kinds = watch(page);
    await page.goto(`${site.url}?scenario=glacial-drift&seed=3`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector(`body[data-lessons="${LESSONS}"]`);
    // Every bundled scenario and lesson is listed by name.
    expect(await page.locator('#scenario-picker option:not([value=""])').count()).toBe(SCENARIOS);
    expect(await page.locator('#lesson-picker option:not([value=""])').count()).toBe(LESSONS);
    expect(await page.locator('#scenario-picker option[value="walk-out"]').textContent()).toBe(nameOf('walk-out.yaml').name);
    expect(await kinds()).toEqual({ scenarios: 1, lessons: 0, french: 0, english: 1 });

    await page.locator('#scenario-picker').selectOption('walk-out');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('scenario') === 'walk-out');
    expect((await kinds()).scenarios).toBe(2);

    await page.locator('#lesson-picker').selectOption('walk-out');
    await page.waitForSelector('#lesson-reveal');
    expect(await kinds()).toEqual({ scenarios: 2, lessons: 1, french: 0, english: 1 });
    expect(errors).toEqual([]);
  });

  it('a French visit asks for the French words and not the English ones, and names the scenarios in French', async () => {
    const { page, errors } = await site.page({ width: 1366, height: 768 });
    const kinds = watch(page);
    await page.goto(`${site.url}?lang=fr&scenario=glacial-drift&seed=3`);
    await page.waitForSelector('body[data-ready="true"]');
    // The page's and the worker's French words, and not the English catalogue.
    expect(await kinds()).toEqual({ scenarios: 1, lessons: 0, french: 2, english: 0 });
    const french = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'translations', 'fr.json'), 'utf8')) as Record<string, { name: string }>;
    await page.waitForFunction((name) => document.querySelector('#scenario-picker option[value="walk-out"]')?.textContent === name, french['walk-out'].name);
    const lesson = nameOf('lessons/walk-out.yaml') as { title: string; translations: { fr: { title: string } } };
    expect(await page.locator('#lesson-picker option[value="walk-out"]').textContent()).toBe(lesson.translations.fr.title);
    expect(lesson.translations.fr.title).not.toBe(lesson.title);
    expect(errors).toEqual([]);
  });

  it('asks for the words of the language the page will speak, from the browser’s language or the address', async () => {
    // index.html asks for one catalogue before the page's script runs (viz/messages/preload.ts).
    for (const [address, locale, expected] of [
      ['?scenario=glacial-drift', 'fr-FR', { french: 2, english: 0 }],
      ['?scenario=glacial-drift&lang=en', 'fr-FR', { french: 0, english: 1 }],
      ['?scenario=glacial-drift&lang=fr', 'en-US', { french: 2, english: 0 }],
    ] as const) {
      const { page, errors } = await site.page({ width: 1366, height: 768, locale });
      const kinds = watch(page);
      await page.goto(`${site.url}${address}`);
      await page.waitForSelector('body[data-ready="true"]');
      const { french, english } = await kinds();
      expect([address, locale, { french, english }]).toEqual([address, locale, expected]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
