/**
 * Accessibility holds (teaching issue, point 10), in Chromium: axe-core finds no serious or
 * critical violation (WCAG 2.1 A and AA, contrast included) on each screen a student or a teacher
 * sees; Space plays or pauses after a button was clicked instead of pressing it again, while a
 * button reached with Tab keeps Space; Play pressed while a run opens plays it once open; the
 * live region tells the story's moments even at full speed.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { HAVE_BROWSER, ROOT, useSite, waitForOutcome } from './browser.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

interface Violation {
  id: string;
  impact: string | null;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's serious and critical violations on the page as it is now, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'], resultTypes: ['violations'] });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => `${n.target.join(' ')}: ${(n.failureSummary ?? '').split('\n').slice(1).join(' ')}`).join(' | ')}`);
}

const roundOf = async (page: Page) => Number(await page.getByTestId('round').getAttribute('data-round'));

describe.skipIf(!HAVE_BROWSER)('accessibility, in Chromium', () => {
  const site = useSite();

  const screens: [string, string, (page: Page) => Promise<void>][] = [
    ['the first screen (the hook)', '', async () => {}],
    ['a finished run', '?scenario=reference&seed=1&autoplay=1&speed=max', async (page) => void (await waitForOutcome(page))],
    ['class mode', '?scenario=tyranny-of-the-minority&seed=3&mode=class&autoplay=1&speed=max', async (page) => void (await waitForOutcome(page))],
    [
      'a lesson revealed',
      '?speed=max',
      async (page) => {
        await page.waitForSelector('body[data-lessons="9"]');
        await page.locator('#lesson-picker').selectOption('capture');
        await page.locator('input[name="lesson-bet"][value="yes"]').check();
        await page.locator('#lesson-reveal').click();
        await page.waitForSelector('[data-testid="lesson-verdict"][data-right]');
      },
    ],
    [
      'a comparison and many seeds',
      '?scenario=rough-consensus&seed=4',
      async (page) => {
        await page.getByRole('button', { name: 'Compare, same seed' }).click();
        await page.waitForSelector('.compare-card[data-outcome] + .compare-card[data-outcome]');
        await page.getByRole('button', { name: 'Run 200 seeds' }).click();
        await page.waitForSelector('[data-testid="seed-shares"]', { timeout: 60_000 });
      },
    ],
    ['a round of the minutes opened, three issues', '?scenario=iana-transition&seed=1&autoplay=1&speed=max', async (page) => {
      await waitForOutcome(page);
      await page.locator('#minutes button.minute-more').last().click();
      await page.waitForSelector('#minutes ol.round-entries li');
    }],
  ];

  for (const [name, query, reach] of screens) {
    for (const [width, height] of [[1366, 768], [390, 844]]) {
      it(`has no serious violation: ${name} (${width}×${height})`, async () => {
        const t = await site.page({ width, height });
        await t.page.goto(`${site.url}${query}`);
        await t.page.waitForSelector('body[data-ready]');
        await reach(t.page);
        expect(await seriousViolations(t.page)).toEqual([]);
        expect(t.errors).toEqual([]);
        await t.page.close();
      }, 90_000);
    }
  }

  it('plays with Space after Step was clicked, and leaves Space to a button reached with Tab', async () => {
    const t = await site.open('?scenario=reference&seed=1&speed=3');
    const { page } = t;
    await page.locator('#step').click();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === '1');
    // Space with the clicked Step focused: play, not another step.
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector('#play')?.getAttribute('aria-pressed') === 'true');
    await page.keyboard.press(' ');
    await page.waitForFunction(() => document.querySelector('#play')?.getAttribute('aria-pressed') === 'false');
    // Tab onto Reset, then Shift+Tab back to Step: the keyboard is on it, so Space presses it.
    // A frame asked for before the pause may still land: read the round once it has settled.
    let before = await roundOf(page);
    for (let settled = -1; settled !== before; ) {
      settled = before;
      await page.waitForTimeout(300);
      before = await roundOf(page);
    }
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('step');
    await page.keyboard.press(' ');
    await page.waitForFunction((r) => Number(document.querySelector<HTMLElement>('[data-testid="round"]')?.dataset.round) === r + 1, before);
    expect(await page.locator('#play').getAttribute('aria-pressed')).toBe('false');
    expect(t.errors).toEqual([]);
    await page.close();
  });

  it('honours Play pressed while a run opens', async () => {
    const t = await site.open('?scenario=reference&seed=1&speed=max');
    const { page } = t;
    // Play is pressed in the same task as the change of scenario: before the worker has opened it.
    await page.evaluate(() => {
      const picker = document.querySelector<HTMLSelectElement>('#scenario-picker')!;
      picker.value = 'tyranny-of-the-minority';
      picker.dispatchEvent(new Event('change'));
      document.querySelector<HTMLButtonElement>('#play')!.click();
    });
    const end = await waitForOutcome(page);
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('tyranny-of-the-minority');
    expect(end.rounds).toBeGreaterThan(0);
    expect(t.errors).toEqual([]);
    await page.close();
  });

  it("tells the story's moments in the live region at full speed", async () => {
    const t = await site.open('?scenario=reference&seed=1&speed=max');
    const { page } = t;
    const told: string[] = [];
    await page.exposeFunction('heard', (text: string) => told.push(text));
    await page.evaluate(() => {
      const region = document.querySelector('#narration')!;
      new MutationObserver(() => (window as unknown as { heard(t: string): void }).heard(region.textContent ?? '')).observe(region, { childList: true, characterData: true, subtree: true });
    });
    await page.locator('#play').click();
    await waitForOutcome(page);
    // A caucus organizing during the meeting and the first block are told, with the end (at full
    // speed a short meeting runs in one frame: its moments come with its end).
    const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios/reference.yaml'), 'utf8'));
    if (!loaded.ok) throw new Error('reference.yaml does not load');
    const events = runScenario(loaded.scenario, { seed: 1, events: true }).events ?? [];
    const caucus = events.find((e) => e.type === 'caucus-formed' && e.round > 0)!.round;
    const blocked = events.find((e) => e.type === 'blocked')!.round;
    expect(told.some((s) => new RegExp(`Round ${caucus}: the .* caucus organized\\.`).test(s))).toBe(true);
    expect(told.some((s) => new RegExp(`Round ${blocked}: first blocked`).test(s))).toBe(true);
    expect(told[told.length - 1]).toMatch(/the meeting ended/);
    expect(t.errors).toEqual([]);
    await page.close();
  });
});
