/**
 * The page in each of its languages (teaching issue, point 13), in Chromium: chosen by `?lang=`,
 * by the browser's language, and by the picker; every text from the catalogue, the outcome, the
 * explanation, the minutes and a lesson in French; the address's contract the same in both.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTCOMES } from '../../sim/index.ts';
import { en } from '../../viz/messages/en.ts';
import { fr } from '../../viz/messages/fr.ts';
import { HAVE_BROWSER, SCREENSHOTS, useSite, waitForOutcome } from './browser.ts';

/** Everything a person can read: the rendered text, every list's options, the pictures' text and labels. */
async function visibleText(page: import('playwright-core').Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const n of document.querySelectorAll('option, svg text')) parts.push(n.textContent ?? '');
    for (const n of document.querySelectorAll('[aria-label]')) parts.push(n.getAttribute('aria-label') ?? '');
    return parts.join('\n');
  });
}

/** The English catalogue's own texts (not a scenario's): none of them may show on the French page. */
const ENGLISH = (() => {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (typeof v === 'string') out.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk({ ...en, tag: '', name: '' });
  // Long enough to be a sentence or a label of their own, and not shared with French.
  const french = new Set<string>();
  const walkFr = (v: unknown) => {
    if (typeof v === 'string') french.add(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walkFr);
  };
  walkFr(fr);
  return out.filter((t) => t.length >= 8 && !french.has(t));
})();

/** Sentences the page makes with numbers, in English. */
const ENGLISH_SENTENCES = [/\bRound \d/, /\brounds? run\b/, /\bsupport \d/, /\bat the end\b/, /\bafter \d+ rounds\b/, /\bobjected\b/];

function english(text: string): string[] {
  const found = ENGLISH.filter((t) => text.includes(t)).map((t) => `"${t}" in …${text.slice(Math.max(0, text.indexOf(t) - 40), text.indexOf(t) + t.length + 20)}…`);
  for (const p of ENGLISH_SENTENCES) {
    const m = p.exec(text);
    if (m) found.push(`${p} in …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
  }
  return found;
}

describe.skipIf(!HAVE_BROWSER)('the page in French, in Chromium', () => {
  const site = useSite();

  it('?lang=fr: the whole page in French, from round 0 to the outcome', async () => {
    const t = await site.open('?scenario=tyranny-of-the-minority&seed=3&lang=fr');
    expect(await t.page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await t.page.locator('#play').textContent()).toBe(fr.static.play);
    expect(await t.page.getByTestId('round').textContent()).toBe(fr.page.round(0));
    // Before the run, and once it has ended.
    expect(english(await visibleText(t.page))).toEqual([]);
    // The axes write numbers the French way: a decimal comma (the room's 0–1 issue axes) and a
    // space before the percent sign (the timeline's support axis).
    const ticks = await t.page.locator('.axis .tick text').allTextContents();
    expect(ticks.filter((v) => /^\d+\.\d+$/.test(v))).toEqual([]);
    expect(ticks.some((v) => /^0,\d+$/.test(v))).toBe(true);
    expect(ticks.some((v) => /^\d+\u202f%$/.test(v))).toBe(true);
    await t.page.locator('#speed').selectOption('max');
    await t.page.locator('#play').click();
    const end = await waitForOutcome(t.page);
    // The contract stays: the class id in data-outcome, the plain words in French.
    expect(OUTCOMES).toContain(end.outcome);
    const outcome = end.outcome as (typeof OUTCOMES)[number];
    expect(end.text).toContain(fr.outcomes[outcome].title);
    expect(end.text).not.toContain(en.outcomes[outcome].title);
    // The explanation is the core's, in French (the worker speaks the page's language).
    const explanation = (await t.page.locator('.explanation').textContent()) ?? '';
    expect(explanation.length).toBeGreaterThan(20);
    expect(explanation).not.toMatch(/\b(the|and|rounds?|support)\b/);
    expect(await t.page.getByTestId('round').textContent()).toBe(fr.page.round(end.rounds));
    // The minutes: one line a round, in French.
    expect(await t.page.locator('#minutes li').first().textContent()).toContain(fr.minutes.round(0));
    expect(english(await visibleText(t.page))).toEqual([]);
    expect(t.errors).toEqual([]);
    await t.page.screenshot({ path: join(SCREENSHOTS, 'language-fr-1366x768.png') });
    // « Ce que veut dire … » lands on the class's row of the French page of outcomes.
    const classLink = t.page.locator('.outcome-panel a[href*="outcomes.fr.html"]');
    expect(await classLink.getAttribute('href')).toBe(`./outcomes.fr.html#${outcome}`);
    const classes = await t.page.context().newPage();
    await classes.goto(new URL(`./outcomes.fr.html#${outcome}`, t.page.url()).href);
    const row = classes.locator(`tr#${outcome}`);
    expect(await row.locator('td strong').textContent()).toBe(`${fr.outcomes[outcome].title}.`);
    expect(await row.evaluate((r) => r.getBoundingClientRect().top >= 0 && r.getBoundingClientRect().bottom <= innerHeight)).toBe(true);
    await classes.screenshot({ path: join(SCREENSHOTS, 'outcomes-fr.png') });
    await classes.close();
    // The help on forks is the French page, opened on its section, and leads back in French.
    const forkHelp = t.page.locator('a[data-i18n="forkHow"]');
    expect(await forkHelp.getAttribute('href')).toBe(fr.static.forkHelp);
    const help = await t.page.context().newPage();
    await help.goto(new URL(fr.static.forkHelp, t.page.url()).href);
    expect(await help.evaluate(() => document.documentElement.lang)).toBe('fr');
    const section = help.locator('h2', { hasText: 'Une bifurcation' });
    expect(await section.evaluate((h) => h.getBoundingClientRect().top >= 0 && h.getBoundingClientRect().top < innerHeight)).toBe(true);
    expect(await help.locator('nav a').getAttribute('href')).toBe('./?lang=fr');
    await help.screenshot({ path: join(SCREENSHOTS, 'what-if-fr.png') });
    await help.close();
    await t.page.close();
  });

  it('follows the browser’s language when the address names none, and the address over the browser', async () => {
    const browserFr = await site.open('?scenario=rough-consensus', { locale: 'fr-FR' });
    expect(await browserFr.page.evaluate(() => document.documentElement.lang)).toBe('fr');
    expect(await browserFr.page.locator('#step').textContent()).toBe(fr.static.step);
    await browserFr.page.close();
    const askedEn = await site.open('?scenario=rough-consensus&lang=en', { locale: 'fr-FR' });
    expect(await askedEn.page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await askedEn.page.locator('#step').textContent()).toBe(en.static.step);
    await askedEn.page.close();
    const plain = await site.open('?scenario=rough-consensus');
    expect(await plain.page.locator('#step').textContent()).toBe(en.static.step);
    await plain.page.close();
  });

  it('the picker changes the language, keeping the run’s address', async () => {
    const t = await site.open('?scenario=glacial-drift&seed=4&set.convenor.deadline=90');
    await Promise.all([t.page.waitForURL(/lang=fr/), t.page.getByTestId('language').selectOption('fr')]);
    await t.page.waitForSelector('body[data-ready]');
    const search = new URL(t.page.url()).searchParams;
    expect([search.get('scenario'), search.get('seed'), search.get('set.convenor.deadline'), search.get('lang')]).toEqual(['glacial-drift', '4', '90', 'fr']);
    expect(await t.page.locator('#play').textContent()).toBe(fr.static.play);
    await t.page.close();
  });

  it('plays a lesson in French: the step’s text, the bet and the reveal', async () => {
    const t = await site.open('?lang=fr');
    await t.page.locator('#lesson-picker').selectOption('walk-out');
    await t.page.waitForSelector('.step-text');
    const step = (await t.page.locator('.step-text').textContent()) ?? '';
    expect(step).toMatch(/^Tour 0/);
    expect(await t.page.locator('.step-count').textContent()).toBe(fr.lesson.stepOf(1, 2));
    await t.page.locator('input[name="lesson-bet"]').first().check();
    await t.page.locator('#lesson-reveal').click();
    await t.page.waitForSelector('[data-testid="lesson-verdict"][data-right]', { timeout: 60_000 });
    const verdict = (await t.page.getByTestId('lesson-verdict').textContent()) ?? '';
    const right = (await t.page.getByTestId('lesson-verdict').getAttribute('data-right')) === 'true';
    expect(verdict.startsWith(fr.lesson.verdict(right, '', '').slice(0, 6))).toBe(true);
    expect(english(await visibleText(t.page))).toEqual([]);
    await t.page.screenshot({ path: join(SCREENSHOTS, 'language-fr-lesson.png') });
    await t.page.close();
  });
});
