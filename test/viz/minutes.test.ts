/**
 * Minutes a student reads (teaching issue, point 9), in Chromium: one line a round that says what
 * mattered, every round kept, each line opening on the round's full entries, and a trimmed answer
 * said to be trimmed. What each line must say is counted here from the core's own record of the
 * same run.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRun, percent, runScenario, type RunEvent } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { HAVE_BROWSER, ROOT, SCREENSHOTS, useSite, waitForOutcome } from './browser.ts';

function recorded(overrides: string[] = []) {
  const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios/reference.yaml'), 'utf8'), { overrides });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  const result = runScenario(loaded.scenario, { seed: 1, events: true, series: true });
  const setting = createRun(loaded.scenario, { seed: 1 }).setting();
  return { result, setting, events: result.events as RunEvent[] };
}

describe.skipIf(!HAVE_BROWSER)('the minutes, in Chromium', () => {
  const site = useSite();

  it('has one line for every round, saying who objected and the support, and opens on the round', async () => {
    const { result, setting, events } = recorded();
    const t = await site.open('?scenario=reference&seed=1&autoplay=1&speed=max', { width: 1366, height: 768 });
    await waitForOutcome(t.page);
    const lines = t.page.locator('#minutes > li.round-line');
    // Every round, none trimmed: 0 to rounds − 1.
    expect(await lines.evaluateAll((ls) => ls.map((l) => Number((l as HTMLElement).dataset.round)))).toEqual(Array.from({ length: result.rounds }, (_, r) => r));

    // The first blocked round: the block, how many objected and the most powerful of them, the support.
    const r = events.find((e) => e.type === 'blocked')!.round;
    const objectors = events.filter((e) => e.type === 'objection' && e.round === r).map((e) => setting.indexOf(e.stakeholder!));
    const strongest = [...objectors].sort((a, b) => setting.power[b] - setting.power[a] || a - b)[0];
    const line = lines.nth(r);
    const text = (await line.textContent()) ?? '';
    expect(text).toMatch(new RegExp(`^Round ${r} .*Blocked: support reached \\d+%`));
    const who = objectors.length <= 3 ? `${objectors.length} objected: ` : `${objectors.length} objected, ${setting.id(strongest)} among them`;
    expect(text).toContain(who);
    expect(text).toContain(`support ${percent(result.series!.support[r])}.`);
    expect(await line.getAttribute('class')).toContain('minute-blocked');

    // Its full entries, as many as the record has for that round, and closed again.
    const entries = events.filter((e) => e.round === r);
    await line.locator('button.minute-more').click();
    await line.locator('ol.round-entries li').first().waitFor();
    expect(await line.locator('ol.round-entries li').count()).toBe(entries.length);
    expect(await line.locator('ol.round-entries li').first().textContent()).toMatch(new RegExp(`^Round ${r} `));
    await line.locator('.minute-more').scrollIntoViewIfNeeded();
    await t.page.screenshot({ path: join(SCREENSHOTS, 'minutes-1366x768.png') });
    await line.locator('button.minute-more').click();
    expect(await line.locator('ol.round-entries').count()).toBe(0);

    // The adoption's line says so.
    expect(await lines.nth(result.adopted!.round).textContent()).toContain('was adopted with');
    expect(t.errors).toEqual([]);
    await t.page.close();
  });

  it('follows the newest line while the reader is at the end, and stays where the reader scrolled back to', async () => {
    const t = await site.open('?scenario=reference&seed=1&speed=10', { width: 1366, height: 768 });
    const list = t.page.locator('#minutes');
    const gap = () => list.evaluate((l) => l.scrollHeight - l.clientHeight - l.scrollTop);
    await t.page.locator('#play').click();
    // Lines arrive faster than the list can show them all: it keeps the newest in view.
    await t.page.waitForFunction(() => {
      const l = document.querySelector('#minutes')!;
      return l.children.length > 12 && l.scrollHeight > l.clientHeight + 100;
    });
    await t.page.waitForTimeout(300);
    expect(await gap()).toBeLessThanOrEqual(20);
    // The reader scrolls back to the first rounds: new lines no longer pull the list down.
    await list.evaluate((l) => l.scrollTo({ top: 0 }));
    const count = await list.evaluate((l) => l.children.length);
    await t.page.waitForFunction((n) => document.querySelector('#minutes')!.children.length > n + 3, count);
    expect(await list.evaluate((l) => l.scrollTop)).toBe(0);
    // Back at the end, it follows again.
    await list.evaluate((l) => l.scrollTo({ top: l.scrollHeight }));
    const later = await list.evaluate((l) => l.children.length);
    await t.page.waitForFunction((n) => document.querySelector('#minutes')!.children.length > n + 3, later);
    await t.page.waitForTimeout(200);
    expect(await gap()).toBeLessThanOrEqual(20);
    expect(t.errors).toEqual([]);
    await t.page.close();
  });

  it('says when a round or a filter holds more entries than it shows', async () => {
    // 9,999 stakeholders: the first round's entries (one joined each, and more) are too many to show.
    const set = ['stakeholders[0].generate=9980', 'convenor.acceptable.min=[0.1, 0.1, 0]', 'convenor.acceptable.max=[0.9, 0.9, 1]'];
    const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios/reference.yaml'), 'utf8'), { overrides: set });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    const run = createRun(loaded.scenario, { seed: 1 });
    run.step(1);
    const round0 = run.observe().events.filter((e) => e.round === 0).length;
    expect(round0).toBeGreaterThan(400);
    const query = set.map((o) => `set.${encodeURIComponent(o.split('=')[0])}=${encodeURIComponent(o.split('=')[1])}`).join('&');
    const t = await site.open(`?scenario=reference&seed=1&${query}`, { width: 1366, height: 768 });
    await t.page.keyboard.press('ArrowRight');
    await t.page.waitForSelector('#minutes > li.round-line');
    const line = t.page.locator('#minutes > li.round-line').first();
    await line.locator('button.minute-more').click();
    await line.locator('.minute-cut').waitFor();
    expect(await line.locator('ol.round-entries li').count()).toBe(400);
    expect(await line.locator('.minute-cut').textContent()).toBe(`The first 400 of the round's ${round0} entries; filter by a stakeholder or a constituency to see the others.`);
    // A constituency's entries: the latest 400, and how many there are.
    const c = await t.page.locator('#filter-constituency option').nth(1).getAttribute('value');
    await t.page.locator('#filter-constituency').selectOption(c!);
    await t.page.waitForSelector(`#minutes[data-filter="${c}|"]`);
    expect(await t.page.locator('#minutes-note').textContent()).toMatch(/^(The latest 400 of \d+ entries\.|\d+ entr(y|ies)\.)$/);
    expect(t.errors).toEqual([]);
    await t.page.close();
  }, 60_000);
});
