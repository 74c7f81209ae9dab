/**
 * Bets that test the lesson (teaching issue, point 6), in Chromium: a step opens its scenario at
 * round 0 before the bet; the title, quote and explanation wait for the reveal; a bet can be on
 * an outcome, a flag or which side the text lands nearer; the reveal's button goes to the round
 * where it happened. The answers are the core's, from the same scenario, seed and conditions.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { HAVE_BROWSER, ROOT, SCREENSHOTS, useSite } from './browser.ts';

function run(id: string, seed: number, overrides: string[] = []) {
  const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios', `${id}.yaml`), 'utf8'), { overrides });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
  return runScenario(loaded.scenario, { seed });
}

describe.skipIf(!HAVE_BROWSER)('lessons in Chromium', () => {
  const site = useSite();

  it('opens a step at round 0, hides its title until the reveal, and links the reveal to its round', async () => {
    const { page, errors } = await site.page({ width: 1366, height: 768 });
    await page.goto(`${site.url}?speed=max`);
    await page.waitForSelector('body[data-lessons="9"]');
    const panel = page.locator('#lessons');
    await page.locator('#lesson-picker').selectOption('declared-failure');
    // The step's own room, at round 0, before anyone bets.
    await page.waitForSelector('#lesson-reveal');
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('declared-failure');
    expect(await page.getByTestId('round').getAttribute('data-round')).toBe('0');
    expect(await panel.textContent()).toContain('Round 0: three groups want very different things.');
    // The title and the quote would give the answer away: not yet.
    expect(await panel.textContent()).not.toContain('Interests sufficiently at variance');
    expect(await panel.textContent()).not.toContain('cannot cause people to come to agreement');
    expect(await page.locator('#lesson-reveal').isDisabled()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'lesson-before-bet-1366x768.png') });

    await page.locator('input[name="lesson-bet"][value="declared-failure"]').check();
    await page.locator('#lesson-reveal').click();
    const verdict = page.getByTestId('lesson-verdict');
    await page.waitForSelector('[data-testid="lesson-verdict"][data-right]');
    expect(await verdict.getAttribute('data-right')).toBe('true');
    expect(await verdict.textContent()).toContain('Interests sufficiently at variance');
    expect(await verdict.textContent()).toContain('cannot cause people to come to agreement');
    expect(await page.getByTestId('lesson-explain').textContent()).toContain('it declared failure');
    // Nothing adopted: the reveal goes to the last round, where the convenor called it off.
    const first = run('declared-failure', 1);
    expect(first.outcome).toBe('declared-failure');
    const go = page.locator('button.lesson-round');
    expect(await go.textContent()).toBe(`See it in round ${first.rounds - 1}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'lesson-revealed-1366x768.png') });

    // The next step: a wrong bet is told what happened, and why.
    await page.locator('#lesson-next').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('set.convenor.declareFailure.allowed') === 'false');
    await page.locator('input[name="lesson-bet"][value="declared-failure"]').check();
    await page.locator('#lesson-reveal').click();
    await page.waitForSelector('[data-testid="lesson-verdict"][data-right]');
    expect(await verdict.getAttribute('data-answer')).toBe(run('declared-failure', 1, ['convenor.declareFailure.allowed=false']).outcome);
    expect(await verdict.getAttribute('data-right')).toBe('false');
    expect(await verdict.textContent()).toMatch(/^Not this time\. You bet “Declared failure”; it ended in glacial drift\./);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('bets on a flag and on which side the text lands nearer, and goes to the adoption', async () => {
    const { page, errors } = await site.page({ width: 1366, height: 768 });
    await page.goto(`${site.url}?speed=max`);
    await page.waitForSelector('body[data-lessons="9"]');
    const verdict = page.getByTestId('lesson-verdict');

    // Exclusion, step 1: yes or no, the flag the core raises.
    await page.locator('#lesson-picker').selectOption('exclusion');
    await page.waitForSelector('fieldset.bets[data-ask="flag"]');
    expect(await page.locator('fieldset.bets legend').textContent()).toBe('Will people the text affects be left out of the room?');
    const excluded = run('exclusion', 1);
    await page.locator('input[name="lesson-bet"][value="no"]').check();
    await page.locator('#lesson-reveal').click();
    await page.waitForSelector('[data-testid="lesson-verdict"][data-right]');
    expect(await verdict.getAttribute('data-answer')).toBe(excluded.flags.includes('exclusion') ? 'yes' : 'no');
    expect(await verdict.getAttribute('data-right')).toBe('false');

    // Walking out, step 1: nearer the firms or the privacy groups.
    await page.locator('#lesson-picker').selectOption('walk-out');
    await page.waitForSelector('fieldset.bets[data-ask="nearer"]');
    expect(await page.locator('fieldset.bets legend').textContent()).toBe('Will the text land nearer the technology firms and retailers or the privacy and consumer groups?');
    await page.locator('input[name="lesson-bet"][value="industry"]').check();
    await page.locator('#lesson-reveal').click();
    await page.waitForSelector('[data-testid="lesson-verdict"][data-right]');
    expect(await verdict.getAttribute('data-right')).toBe('true');
    const walked = run('walk-out', 1);
    const go = page.locator('button.lesson-round');
    expect(await go.getAttribute('data-round')).toBe(String(walked.adopted!.round));
    // The button goes back to the end of the adoption's round: the same run, there.
    await go.click();
    await page.waitForFunction((r) => document.querySelector<HTMLElement>('[data-testid=\"round\"]')?.dataset.round === String(r), walked.adopted!.round + 1);
    expect(await page.getByTestId('outcome').getAttribute('data-outcome')).toBe(walked.outcome);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("offers the dilemma's map after the reveal: how often the providers stay away, across the box and their subsidy", async () => {
    const { page, errors } = await site.page({ width: 1366, height: 768 });
    await page.goto(`${site.url}?speed=max`);
    await page.waitForSelector('body[data-lessons="9"]');
    await page.locator('#lesson-picker').selectOption('convenors-dilemma');
    await page.locator('input[name="lesson-bet"][value="yes"]').check();
    await page.locator('#lesson-reveal').click();
    await page.waitForSelector('[data-testid="lesson-verdict"][data-right]');
    await page.locator('button.lesson-map').click();
    await page.waitForSelector('#map[data-state="done"]', { timeout: 60_000 });
    // 6 × 4 cells, each with as many exclusion flags as the core raises over seeds 1 to 10.
    const cells = await page.locator('#map rect.cell').evaluateAll((rs) => rs.map((r) => [Number(r.getAttribute('data-x')), Number(r.getAttribute('data-y')), Number(r.getAttribute('data-flagged'))]));
    expect(cells.length).toBe(24);
    for (const [x, y, flagged] of cells.filter((_, k) => k % 5 === 0)) {
      const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios/convenors-dilemma.yaml'), 'utf8'), { overrides: [`convenor.acceptable.min[0]=${x}`, `convenor.subsidies.cloud=${y}`] });
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      let expected = 0;
      for (let seed = 1; seed <= 10; seed++) if (runScenario(loaded.scenario, { seed }).flags.includes('exclusion')) expected++;
      expect(`${x}, ${y}: ${flagged}`).toBe(`${x}, ${y}: ${expected}`);
    }
    // The axes in the lesson's words, and the map's address for the class.
    expect(await page.locator('#map svg .axis-label').allTextContents()).toEqual(['the least the ministry accepts', 'the subsidy for the cloud providers']);
    expect(new URL(page.url()).searchParams.get('map.by')).toBe('exclusion');
    expect(await page.locator('#map .boundary line').count()).toBeGreaterThan(0);
    await page.locator('#map').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'lesson-map-1366x768.png') });
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);
});
