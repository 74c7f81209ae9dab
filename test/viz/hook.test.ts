/**
 * The hook (teaching issue, point 1): a fresh visit asks a question in plain words, shows the room
 * at round 0, and plays nothing until a prediction is made; then the run plays and the answer is
 * revealed beside the prediction, in the core's own headline.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headline, runScenario } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { HAVE_BROWSER, ROOT, SCREENSHOTS, useSite, waitForOutcome } from './browser.ts';

const loaded = loadScenario(readFileSync(join(ROOT, 'scenarios/tyranny-of-the-minority.yaml'), 'utf8'));
if (!loaded.ok) throw new Error('tyranny-of-the-minority.yaml does not load');
// The scenario's own seed, which a fresh visit runs.
const result = runScenario(loaded.scenario, { seed: loaded.scenario.seed });

describe.skipIf(!HAVE_BROWSER)('the first screen\'s hook, in Chromium', () => {
  const site = useSite();

  for (const [width, height] of [[1366, 768], [1920, 1080], [390, 844]]) {
    it(`asks before anything plays (${width}×${height})`, async () => {
      const t = await site.open('', { width, height });
      const hook = t.page.getByTestId('hook');
      expect(await hook.locator('h2').textContent()).toBe('One registry can veto the text. Will the others get their way?');
      expect(await t.page.locator('#scenario-picker').inputValue()).toBe('tyranny-of-the-minority');
      // The question is on the first screen, without scrolling.
      const box = (await hook.boundingBox())!;
      expect(box.y + Math.min(box.height, 200)).toBeLessThanOrEqual(height);
      // Nothing plays by itself.
      await t.page.waitForTimeout(500);
      expect(await t.page.getByTestId('round').getAttribute('data-round')).toBe('0');
      await t.page.screenshot({ path: join(SCREENSHOTS, `hook-${width}x${height}.png`) });
      await t.page.close();
    });
  }

  it('plays on a prediction and reveals the answer beside it', async () => {
    const t = await site.open('', { width: 1366, height: 768 });
    await t.page.locator('[data-prediction="registry"]').click();
    const shown = await waitForOutcome(t.page);
    expect(shown.outcome).toBe(result.outcome);
    const hook = t.page.getByTestId('hook');
    // The scenario is built for tyranny of the minority (scenarios/tyranny-of-the-minority.yaml).
    expect(result.outcome).toBe('tyranny-of-the-minority');
    expect(await hook.getAttribute('data-right')).toBe('true');
    // Those who held out named as the room names them: the incumbent by its label's first clause,
    // "the incumbent registry" (viz/names.ts); a generated registrar by its id.
    const named = { ...result, blockers: result.blockers.map((id) => (id === 'incumbent' ? 'the incumbent registry' : id)) };
    expect(await t.page.getByTestId('hook-answer').textContent()).toBe(
      `You were right. ${headline(named)} Now change a condition and play again, or choose a lesson.`,
    );
    // Opening another scenario takes the question away.
    await t.page.locator('#scenario-picker').selectOption('reference');
    await t.page.waitForFunction(() => !document.querySelector('[data-testid="hook"]'));
    expect(t.errors).toEqual([]);
    await t.page.close();
  });
});
