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
import { HAVE_BROWSER, ROOT, useSite } from './browser.ts';

const SCENARIOS = readdirSync(join(ROOT, 'scenarios')).filter((f) => f.endsWith('.yaml')).length;
const nameOf = (file: string) => parse(readFileSync(join(ROOT, 'scenarios', file), 'utf8')) as { name?: string; title?: string };
const LESSONS = readdirSync(join(ROOT, 'scenarios', 'lessons')).filter((f) => f.endsWith('.yaml')).length;

describe.skipIf(!HAVE_BROWSER)('what a visit loads', () => {
  const site = useSite();

  it('the scenario it opens and no other, no lesson until one is picked, no French in English', async () => {
    const { page, errors } = await site.page({ width: 1366, height: 768 });
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.js')) asked.push(r.url());
    });
    /** The scripts asked for so far, by what they hold: a scenario file, a lesson file, French words. */
    const kinds = async () => {
      const out = { scenarios: 0, lessons: 0, french: 0 };
      for (const url of new Set(asked)) {
        const text = await (await fetch(url)).text();
        // A bundled file's chunk is its text as a string: a scenario has a convenor, a lesson steps.
        if (/^(const|var|let) \w+=`|export\{/.test(text) && text.length < 12_000) {
          if (text.includes('convenor:')) out.scenarios++;
          if (text.includes('steps:')) out.lessons++;
        }
        if (text.includes('Déroulement') || text.includes('la réunion')) out.french++;
      }
      return out;
    };
    await page.goto(`${site.url}?scenario=glacial-drift&seed=3`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector(`body[data-lessons="${LESSONS}"]`);
    // Every bundled scenario and lesson is listed by name.
    expect(await page.locator('#scenario-picker option:not([value=""])').count()).toBe(SCENARIOS);
    expect(await page.locator('#lesson-picker option:not([value=""])').count()).toBe(LESSONS);
    expect(await page.locator('#scenario-picker option[value="walk-out"]').textContent()).toBe(nameOf('walk-out.yaml').name);
    expect(await kinds()).toEqual({ scenarios: 1, lessons: 0, french: 0 });

    await page.locator('#scenario-picker').selectOption('walk-out');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('scenario') === 'walk-out');
    expect((await kinds()).scenarios).toBe(2);

    await page.locator('#lesson-picker').selectOption('walk-out');
    await page.waitForSelector('#lesson-reveal');
    expect(await kinds()).toEqual({ scenarios: 2, lessons: 1, french: 0 });
    expect(errors).toEqual([]);
  });

  it('a French visit asks for the French words, and names the scenarios in French', async () => {
    const { page, errors } = await site.page({ width: 1366, height: 768 });
    await page.goto(`${site.url}?lang=fr&scenario=glacial-drift&seed=3`);
    await page.waitForSelector('body[data-ready="true"]');
    const french = JSON.parse(readFileSync(join(ROOT, 'scenarios', 'translations', 'fr.json'), 'utf8')) as Record<string, { name: string }>;
    await page.waitForFunction((name) => document.querySelector('#scenario-picker option[value="walk-out"]')?.textContent === name, french['walk-out'].name);
    const lesson = nameOf('lessons/walk-out.yaml') as { title: string; translations: { fr: { title: string } } };
    expect(await page.locator('#lesson-picker option[value="walk-out"]').textContent()).toBe(lesson.translations.fr.title);
    expect(lesson.translations.fr.title).not.toBe(lesson.title);
    expect(errors).toEqual([]);
  });
});
