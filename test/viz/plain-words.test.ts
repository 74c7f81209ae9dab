/**
 * Words a student knows (teaching issue, point 1): the page's visible text, on the screens a
 * class sees, holds none of the model's insider terms (sim/glossary.ts), no command-line syntax,
 * no field paths and no outcome class ids. Stakeholder ids in the minutes are not yet replaced.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NOT_ON_THE_PAGE, OUTCOMES } from '../../sim/index.ts';
import { HAVE_BROWSER, SCREENSHOTS, useSite, waitForOutcome } from './browser.ts';

/** Everything a person can read: the body's rendered text, the options of every list, the pictures' text. */
async function visibleText(page: import('playwright-core').Page): Promise<string> {
  return page.evaluate(() => {
    const parts = [document.body.innerText];
    for (const n of document.querySelectorAll('option, svg text')) parts.push(n.textContent ?? '');
    return parts.join('\n');
  });
}

function offences(text: string): string[] {
  const found: string[] = [];
  for (const term of NOT_ON_THE_PAGE) {
    const pattern = term.startsWith('-') ? new RegExp(term.replace(/-/g, '\\-')) : new RegExp(`\\b${term}\\b`, 'i');
    const m = pattern.exec(text);
    if (m) found.push(`"${term}" in …${text.slice(Math.max(0, m.index - 40), m.index + 40)}…`);
  }
  const path = /\b(convenor|stakeholders|constituencies)(\.[A-Za-z]|\[\d)/.exec(text);
  if (path) found.push(`a field path in …${text.slice(Math.max(0, path.index - 40), path.index + 50)}…`);
  for (const o of OUTCOMES.filter((o) => o.includes('-'))) {
    const at = text.indexOf(o);
    if (at >= 0) found.push(`the class id ${o} in …${text.slice(Math.max(0, at - 40), at + 40)}…`);
  }
  return found;
}

describe.skipIf(!HAVE_BROWSER)('the page speaks plain words, in Chromium', () => {
  const site = useSite();
  const screens = [
    ['before a run', '?scenario=tyranny-of-the-minority&seed=3', false],
    ['after tyranny of the minority', '?scenario=tyranny-of-the-minority&seed=3&autoplay=1&speed=max', true],
    ['three issues, after the run', '?scenario=privacy-code-of-conduct&seed=1&autoplay=1&speed=max', true],
    ['a changed stakeholder condition', '?scenario=reference&seed=2&set.stakeholders[0].power=5&set.convenor.rule.threshold=0.7&autoplay=1&speed=max', true],
  ] as const;
  for (const [what, query, ends] of screens) {
    it(`has no insider words ${what}`, async () => {
      const t = await site.open(query);
      if (ends) await waitForOutcome(t.page);
      expect(offences(await visibleText(t.page))).toEqual([]);
      expect(t.errors).toEqual([]);
      await t.page.close();
    });
  }

  it('saves the first screen at 1366×768', async () => {
    const t = await site.open('?scenario=tyranny-of-the-minority&seed=3', { width: 1366, height: 768 });
    await t.page.screenshot({ path: join(SCREENSHOTS, 'plain-words-1366x768.png') });
    await t.page.close();
  });
});
